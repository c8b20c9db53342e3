"""When a lighting starts or ends: an exact local time, the sun, or not known yet.

Pure functions of plain values (astral for the sun), so they can be tested with them; Django
only writes the words, in the active language.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from astral import Observer
from astral import sun as astral_sun
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from marsweb.timezones import CLOCK_12H, SHORT_DAY

EXACT = "exact"
SUNSET = "sunset"
SUNRISE = "sunrise"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class TimeRule:
    kind: str
    local_date: date | None = None
    local_time: time | None = None


@dataclass(frozen=True)
class Resolution:
    at: datetime | None  # UTC, or None when not known
    note: str = ""  # why there is no time, or what was adjusted


def local_to_utc(local_date: date, local_time: time, zone: ZoneInfo) -> Resolution:
    """A wall-clock time in ``zone`` as UTC, saying so when the clock skips or repeats it.

    A time that does not exist (the hour skipped when clocks go forward) moves forward by
    the gap; a time that happens twice (clocks go back) means its first occurrence.
    """
    naive = datetime.combine(local_date, local_time)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        as_utc = first.astimezone(UTC)
        back = as_utc.astimezone(zone).replace(tzinfo=None)
        if back != naive:
            # Skipped: with fold=0 the offset from before the change applies, which lands
            # the same length of time after the gap (02:30 → 03:30 when 02:00 → 03:00).
            shown = as_utc.astimezone(zone).strftime("%H:%M %Z")
            return Resolution(
                as_utc,
                f"{local_time:%H:%M} does not exist that day (clocks go forward); {shown} is used.",
            )
        return Resolution(
            as_utc,
            f"{local_time:%H:%M} happens twice that day (clocks go back); the first is used.",
        )
    return Resolution(first.astimezone(UTC))


def sun_event(
    kind: str, local_date: date, *, latitude: float, longitude: float, zone: ZoneInfo
) -> Resolution:
    """Sunset or sunrise on a local date at a place, in UTC; polar days and nights say so."""
    observer = Observer(latitude=latitude, longitude=longitude)
    compute = astral_sun.sunset if kind == SUNSET else astral_sun.sunrise
    try:
        moment = compute(observer, local_date, tzinfo=zone)
    except ValueError as error:
        text = str(error).lower()
        if "always below" in text:
            reason = "the sun does not rise that day here (polar night)"
        elif "always above" in text:
            reason = "the sun does not set that day here (midnight sun)"
        else:
            reason = "the sun never crosses the horizon that day here"
        return Resolution(None, f"No {kind} on {local_date:%d %b %Y}: {reason}.")
    return Resolution(moment.astimezone(UTC).replace(microsecond=0))


def resolve(rule: TimeRule, *, latitude: float, longitude: float, zone: ZoneInfo) -> Resolution:
    if rule.kind == UNKNOWN or rule.local_date is None:
        return Resolution(None)
    if rule.kind == EXACT:
        if rule.local_time is None:
            return Resolution(None, "An exact time needs a time of day.")
        return local_to_utc(rule.local_date, rule.local_time, zone)
    if rule.kind in (SUNSET, SUNRISE):
        return sun_event(
            rule.kind, rule.local_date, latitude=latitude, longitude=longitude, zone=zone
        )
    raise ValueError(f"Unknown time rule {rule.kind!r}")


def describe(rule: TimeRule, *, role: str) -> str:
    """The rule in words: "from sunset Tue 16 Feb", "until 2:00 AM Wed 17 Feb"."""
    starts = role == "start"
    if rule.kind == UNKNOWN or rule.local_date is None:
        return _("start not announced") if starts else _("end not announced")
    day = date_format(rule.local_date, SHORT_DAY)
    if rule.kind == EXACT and rule.local_time is not None:
        clock = date_format(rule.local_time, CLOCK_12H)
        words = _("from %(time)s %(day)s") if starts else _("until %(time)s %(day)s")
        return words % {"time": clock, "day": day}
    if rule.kind == SUNRISE:
        words = _("from sunrise %(day)s") if starts else _("through sunrise %(day)s")
    else:
        words = _("from sunset %(day)s") if starts else _("until sunset %(day)s")
    return words % {"day": day}


def night_of(moment: datetime, zone: ZoneInfo) -> date:
    """The local night a moment belongs to: before 6 a.m. counts as the evening before."""
    local = moment.astimezone(zone)
    return (local - timedelta(hours=6)).date()
