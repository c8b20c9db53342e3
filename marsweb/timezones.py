"""The visitor's time zone: which names are valid and how the choice is remembered."""

import zoneinfo
from datetime import UTC, datetime, tzinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext_lazy

COOKIE_MAX_AGE = 365 * 24 * 3600

# How a language writes a date and a time (Django's date format letters): each language's
# catalogue (locale/) gives its own order and words, e.g. Spanish "D j \d\e M Y, H:i".
DATE_TIME = pgettext_lazy("date format", "D j M Y, H:i")
DATE_TIME_SECONDS = pgettext_lazy("date format", "D j M Y, H:i:s")
DATE_TIME_12H = pgettext_lazy("date format", "D j M, g:i A")
SHORT_DAY_TIME = pgettext_lazy("date format", "D j M, H:i")
SHORT_DAY = pgettext_lazy("date format", "D j M")
CLOCK_12H = pgettext_lazy("time format", "g:i A")


def cookie_name() -> str:
    """``tz``; ``__Host-tz`` in production (HTTPS only, this host only)."""
    return settings.MARSWEB_TZ_COOKIE_NAME


@cache
def valid_names() -> frozenset[str]:
    names = {n for n in zoneinfo.available_timezones() if "/" in n or n == "UTC"}
    # Legacy aliases (US/Eastern) are left out. Etc/GMT±N stay: they are the zones of the
    # open sea (timezonefinder names them for a lighting on a ship or an oil platform);
    # the visitor's list of choices leaves them out.
    return frozenset(n for n in names if not n.startswith(("SystemV/", "US/")))


@cache
def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Valid zone names grouped by region, for a <select> with <optgroup>s."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(valid_names()):
        if name.startswith("Etc/"):
            continue
        region, _, place = name.partition("/")
        label = place.replace("_", " ").replace("/", " – ") if place else name
        groups.setdefault(region if place else "UTC", []).append((name, label))
    return sorted(groups.items(), key=lambda group: (group[0] != "UTC", group[0]))


def parse(name: str | None) -> zoneinfo.ZoneInfo | None:
    """The zone for a name the visitor sent, or None when it is not a known zone."""
    if not name or len(name) > 64 or name not in valid_names():
        return None
    return zoneinfo.ZoneInfo(name)


def validate_time_zone(name: str) -> None:
    """A model field's validator: an IANA zone name a visitor may choose too."""
    if parse(name) is None:
        raise ValidationError(
            "Choose an IANA time zone, e.g. America/Los_Angeles.", code="bad_zone"
        )


def zone_or_utc(name: str) -> zoneinfo.ZoneInfo:
    """The zone a stored name names; UTC for a name no longer known."""
    return parse(name) or zoneinfo.ZoneInfo("UTC")


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant in years 1900–2200, as UTC; without an offset it is UTC already.

    Raises ValueError for anything else (empty, too long, not a date, out of range).
    """
    text = text.strip()
    if not text or len(text) > 40:
        raise ValueError(f"not an ISO 8601 instant: {text[:40]!r}")
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except OverflowError as error:
        raise ValueError(str(error)) from None
    if not 1900 <= moment.year <= 2200:
        raise ValueError(f"{moment.year} is outside 1900–2200")
    return moment


def format_instant(moment: datetime) -> str:
    """``2021-02-18T20:55:00Z``: the form parse_instant reads back."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def zone_label(local: datetime) -> str:
    """The abbreviation a zone's clock goes by at that moment: PST, CET; UTC+05 where it has none."""
    label = local.strftime("%Z")
    return f"UTC{label}" if label.startswith(("+", "-")) else label


def zone_name(zone: tzinfo | str | None, *, at: datetime | None = None) -> str:
    """A zone as a person names it: ``New York (EST)``, ``Madrid (CET)``, ``UTC``: its city
    and the abbreviation its clock goes by at ``at`` (now by default), never an IANA id
    such as ``America/New_York``."""
    if zone is None:
        return ""
    zone = zone if isinstance(zone, tzinfo) else zone_or_utc(zone)
    key = str(getattr(zone, "key", zone))
    if key == "UTC":
        return "UTC"
    city = key.rsplit("/", 1)[-1].replace("_", " ")
    label = zone_label(timezone.localtime(at or timezone.now(), zone))
    return f"{city} ({label})"


def zoned(moment: datetime, zone: tzinfo = UTC) -> str:
    """``Thu 18 Feb 2021, 11:15 PST``: the moment on ``zone``'s clock, the zone named, in the
    active language. Plain text, for images and calendar files."""
    local = timezone.localtime(moment, zone)
    return f"{date_format(local, DATE_TIME)} {zone_label(local)}"


def zone_and_utc(moment: datetime, zone: zoneinfo.ZoneInfo) -> str:
    """``Thu 18 Feb 2021, 11:15 PST (19:15 UTC)``: the zone's time, then UTC's (with its own
    day when that differs). Plain text, for email and the admin."""
    local = timezone.localtime(moment, zone)
    text = zoned(moment, zone)
    if zone.key == "UTC":
        return text
    utc = moment.astimezone(UTC)
    same_day = utc.date() == local.date()
    return f"{text} ({date_format(utc, 'H:i' if same_day else SHORT_DAY_TIME)} UTC)"
