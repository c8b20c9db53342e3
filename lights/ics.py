"""The lightings as iCalendar (RFC 5545), in the active language (the address's)."""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent

from lights import schedule, sun
from marsweb.ical import new_calendar, site_host


def lightings_calendar(lightings, *, now: datetime) -> bytes:
    """Every lighting with a known start and end; the others are left out, never guessed."""
    calendar = new_calendar(_("Mars landing: landmarks lit red"))
    for lighting in lightings:
        if lighting.starts_at is None or lighting.ends_at is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"lighting-{lighting.pk}@{site_host()}")
        entry.add("dtstamp", now)
        entry.add("dtstart", lighting.starts_at)
        entry.add("dtend", lighting.ends_at)
        entry.add("summary", _("%(landmark)s lit red for Mars") % {"landmark": lighting.landmark})
        entry.add("location", f"{lighting.landmark}, {lighting.city}, {lighting.country}")
        entry.add("geo", (float(lighting.latitude), float(lighting.longitude)))
        words = (
            f"{sun.describe(schedule.start_rule(lighting), role='start')}, "
            f"{sun.describe(schedule.end_rule(lighting), role='end')} ({lighting.time_zone})"
        )
        entry.add("description", f"{words}. {lighting.note}".strip())
        entry.add("url", settings.SITE_URL + reverse("lights:list"))
        calendar.add_component(entry)
    return calendar.to_ical()
