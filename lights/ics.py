"""The lightings as iCalendar (RFC 5545), in the active language (the address's): feeds that
calendar apps subscribe to, of every city or of one (marsweb.ical)."""

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent
from icalendar import Timezone

from lights import schedule, sun
from marsweb import timezones
from marsweb.ical import new_calendar, site_host, stamp

# The years a city's time zone is written out for (lightings fall within them).
ZONE_YEARS = (date(2020, 1, 1), date(2040, 1, 1))


def lightings_calendar(lightings, *, city: str = "", zone: str = "") -> bytes:
    """Every lighting with a known start and end (the others are left out, never guessed);
    ``city`` names the feed of one city's. A city whose lightings have no times yet is a
    calendar of its time zone (``zone``) alone, which its events join when they are
    announced: RFC 5545 wants a calendar to hold at least one component."""
    name = (
        _("Mars landing: landmarks lit red in %(city)s") % {"city": city}
        if city
        else _("Mars landing: landmarks lit red")
    )
    calendar = new_calendar(
        name,
        subscription=True,
        description=_(
            "Landmarks lit red for the Mars landing, kept up to date as cities announce them."
        ),
    )
    for lighting in lightings:
        if lighting.starts_at is None or lighting.ends_at is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"lighting-{lighting.pk}@{site_host()}")
        stamp(entry, lighting, lighting.updated_at)
        entry.add("dtstart", lighting.starts_at)
        entry.add("dtend", lighting.ends_at)
        entry.add("summary", _("%(landmark)s lit red for Mars") % {"landmark": lighting.landmark})
        entry.add("location", f"{lighting.landmark}, {lighting.city}, {lighting.country}")
        entry.add("geo", (float(lighting.latitude), float(lighting.longitude)))
        words = (
            f"{sun.describe(schedule.start_rule(lighting), role='start')}, "
            f"{sun.describe(schedule.end_rule(lighting), role='end')} "
            f"({timezones.zone_name(lighting.zone, at=lighting.starts_at)})"
        )
        entry.add("description", f"{words}. {lighting.note}".strip())
        entry.add("url", f"{settings.SITE_URL}{reverse('lights:list')}#lighting-{lighting.pk}")
        calendar.add_component(entry)
    if zone and not calendar.walk("VEVENT"):
        first, last = ZONE_YEARS
        calendar.add_component(Timezone.from_tzid(zone, first_date=first, last_date=last))
    return calendar.to_ical()
