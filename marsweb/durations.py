"""Lengths of time as a visitor reads them, in the active language: the one place Python
writes a duration. One split, four shapes:

- ``duration_words``: ``11 min 22 s`` (a signal's delay, on pages and in calendars);
- ``format_remaining``: ``3 days 04 h 12 min``, or ``04:12:09`` within the last day (the
  line under a countdown);
- ``clock_parts``: the big clock's digits, each with its unit;
- ``time_to_go``: ``In 3 days`` (a share card, rounded so that a crawler's copy stays true).

static/js/countdown.js ticks the second and third between polls with the words the page
hands it (``{% countdown_words %}``, from ``days_pattern`` and the units here), never its own.
"""

from datetime import timedelta

from django.utils.translation import ngettext, pgettext


def split(delta: timedelta) -> tuple[int, int, int, int]:
    """Whole days, hours, minutes and seconds of ``delta`` (nothing below zero)."""
    total = max(0, int(delta.total_seconds()))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    return days, hours, minutes, seconds


def duration_words(delta: timedelta) -> str:
    """``timedelta(minutes=11, seconds=22)`` → ``"11 min 22 s"``; units that are zero left out."""
    units = (
        pgettext("days, abbreviated", "d"),
        pgettext("hours, abbreviated", "h"),
        pgettext("minutes, abbreviated", "min"),
        pgettext("seconds, abbreviated", "s"),
    )
    parts = zip(split(delta), units, strict=True)
    return " ".join(f"{value} {unit}" for value, unit in parts if value) or f"0 {units[-1]}"


def format_remaining(delta: timedelta) -> str:
    """``3 days 04 h 12 min`` when days away, ``04:12:09`` within the last day."""
    days, hours, minutes, seconds = split(delta)
    if days:
        return days_pattern(days) % {"days": days, "hours": hours, "minutes": minutes}
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def days_pattern(days: int) -> str:
    """The pattern of a time days away, in the active language: static/js/countdown.js fills
    the same one (marsweb.templatetags countdown_words), so both write the same words."""
    return ngettext(
        "%(days)d day %(hours)02d h %(minutes)02d min",
        "%(days)d days %(hours)02d h %(minutes)02d min",
        days,
    )


def clock_parts(delta: timedelta) -> list[tuple[str, str]]:
    """A duration as the big clock shows it: (digits, unit) pairs, days only when there are
    some. ``[("3", "days"), ("04", "hours"), ("12", "minutes"), ("09", "seconds")]``.
    static/js/countdown.js ticks the same parts between polls."""
    days, hours, minutes, seconds = split(delta)
    parts = [(f"{days}", ngettext("day", "days", days))] if days else []
    parts.append((f"{hours:02d}", ngettext("hour", "hours", hours)))
    parts.append((f"{minutes:02d}", ngettext("minute", "minutes", minutes)))
    parts.append((f"{seconds:02d}", ngettext("second", "seconds", seconds)))
    return parts


def time_to_go(remaining: timedelta | None) -> str:
    """A countdown for a share card, as of drawing, in steps a crawler's copy stays true to
    for a while: whole days beyond two days, whole hours beyond two hours, then ten minutes."""
    if remaining is None or remaining <= timedelta(0):
        return ""
    seconds = int(remaining.total_seconds())
    if seconds >= 2 * 86400:
        days = seconds // 86400
        return ngettext("In %(count)d day", "In %(count)d days", days) % {"count": days}
    if seconds >= 2 * 3600:
        hours = seconds // 3600
        return ngettext("In %(count)d hour", "In %(count)d hours", hours) % {"count": hours}
    minutes = max(10, seconds // 600 * 10)
    return ngettext("In %(count)d minute", "In %(count)d minutes", minutes) % {"count": minutes}
