"""iCalendar (RFC 5545) feeds, built with the icalendar package."""

from datetime import datetime

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import Event

PRODID = "-//marsweb//Mars landing night//EN"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def site_host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "marsweb"


def event_calendar(event: Event, *, now: datetime) -> bytes:
    """The event as a one-event calendar. Never carries the join link: it is public."""
    calendar = new_calendar(event.title)
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{site_host()}")
    entry.add("dtstamp", now)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", f"{event.summary}\n\n{settings.SITE_URL}{event.get_absolute_url()}")
    entry.add("url", settings.SITE_URL + event.get_absolute_url())
    entry.add("location", "Online")
    entry.add("status", "CONFIRMED")
    calendar.add_component(entry)
    return calendar.to_ical()


def lightings_calendar(lightings, *, now: datetime) -> bytes:
    """Every lighting with a known start and end; the others are left out, never guessed."""
    from events import lights, sun

    calendar = new_calendar("Mars landing: landmarks lit red")
    for lighting in lightings:
        if lighting.starts_at is None or lighting.ends_at is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"lighting-{lighting.pk}@{site_host()}")
        entry.add("dtstamp", now)
        entry.add("dtstart", lighting.starts_at)
        entry.add("dtend", lighting.ends_at)
        entry.add("summary", f"{lighting.landmark} lit red for Mars")
        entry.add("location", f"{lighting.landmark}, {lighting.city}, {lighting.country}")
        entry.add("geo", (float(lighting.latitude), float(lighting.longitude)))
        words = (
            f"{sun.describe(lights.start_rule(lighting), role='start')}, "
            f"{sun.describe(lights.end_rule(lighting), role='end')} ({lighting.time_zone})"
        )
        entry.add("description", f"{words}. {lighting.note}".strip())
        entry.add("url", f"{settings.SITE_URL}/lights/")
        calendar.add_component(entry)
    return calendar.to_ical()
