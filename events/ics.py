"""Events as iCalendar (RFC 5545), in the active language (the address's): one event's file,
and the feed of every published event that calendar apps subscribe to (marsweb.ical)."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent

from events.models import Event
from marsweb.ical import new_calendar, site_host, stamp


def _entry(event: Event) -> CalendarEvent:
    """The event as one calendar entry. Never carries the join link: it is public. Its UID is
    the same in the one-off file and in the feed, so a calendar that has both keeps one."""
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{site_host()}")
    stamp(entry, event, event.updated_at)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", f"{event.summary}\n\n{settings.SITE_URL}{event.get_absolute_url()}")
    entry.add("url", settings.SITE_URL + event.get_absolute_url())
    entry.add("location", _("Online"))
    entry.add("status", "CONFIRMED")
    return entry


def event_calendar(event: Event) -> bytes:
    """The event as a one-event calendar, to add once."""
    calendar = new_calendar(event.title)
    calendar.add_component(_entry(event))
    return calendar.to_ical()


def events_calendar(events) -> bytes:
    """Every published event, for a calendar app to subscribe to."""
    calendar = new_calendar(
        _("Mars landing night: events"),
        subscription=True,
        description=_("Every public event of Mars landing night, kept up to date."),
    )
    for event in events:
        calendar.add_component(_entry(event))
    return calendar.to_ical()
