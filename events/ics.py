"""An event as iCalendar (RFC 5545), in the active language (the address's)."""

from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent

from events.models import Event
from marsweb.ical import new_calendar, site_host


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
    entry.add("location", _("Online"))
    entry.add("status", "CONFIRMED")
    calendar.add_component(entry)
    return calendar.to_ical()
