"""Times written into an event's description as data, not as words.

Staff write ``[start]`` and ``[end]`` for the event's own times and ``[time 2021-02-18T20:55:00Z]``
for any other moment (ISO 8601; UTC without an offset). Pages show each in the event's zone
and the visitor's, and a rehearsal's copy of the event moves them with its own times, so no
text in a rehearsal names the real night's clock time.
"""

import contextlib
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from marsweb import timezones

TIME = re.compile(r"\[(?:(start|end)|time ([^\]]*))\]")


def validate_times(text: str) -> None:
    """Every ``[time …]`` in ``text`` names a moment pages can show."""
    for match in TIME.finditer(text):
        if match.group(2) is not None:
            try:
                timezones.parse_instant(match.group(2))
            except ValueError:
                raise ValidationError(
                    "“%(token)s” is not a time we can read: write it as "
                    "[time 2021-02-18T20:55:00Z] (ISO 8601, UTC), or use [start] or [end].",
                    code="bad_time",
                    params={"token": match.group(0)},
                ) from None


def shift_times(text: str, shift: timedelta) -> str:
    """``text`` with every ``[time …]`` moved by ``shift`` ([start] and [end] follow the event)."""

    def moved(match: re.Match) -> str:
        if match.group(2) is None:
            return match.group(0)
        try:
            moment = timezones.parse_instant(match.group(2))
        except ValueError:  # left as staff wrote it; pages show it as written
            return match.group(0)
        return f"[time {timezones.format_instant(moment + shift)}]"

    return TIME.sub(moved, text)


def render_times(
    text: str, *, starts_at: datetime, ends_at: datetime, show: Callable[[datetime], str]
) -> SafeString:
    """``text`` as paragraphs of escaped HTML, each time shown by ``show`` (its HTML)."""
    parts, last = [], 0
    for match in TIME.finditer(text):
        moment = None
        if match.group(1):
            moment = starts_at if match.group(1) == "start" else ends_at
        else:
            with contextlib.suppress(ValueError):  # shown as written
                moment = timezones.parse_instant(match.group(2))
        parts.append(conditional_escape(text[last : match.start()]))
        parts.append(show(moment) if moment else conditional_escape(match.group(0)))
        last = match.end()
    parts.append(conditional_escape(text[last:]))
    return mark_safe(linebreaks("".join(parts), autoescape=False))
