"""A mission's timeline as a calendar feed (RFC 5545) that calendar apps subscribe to, in
the active language (the address's): each milestone at the moment Earth hears of it
(marsweb.ical)."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent

from marsweb.durations import duration_words
from marsweb.ical import new_calendar, site_host, stamp
from missions.models import Milestone, Mission


def mission_calendar(mission: Mission, milestones: list[Milestone]) -> bytes:
    """The milestones whose Earth-received time is known; one whose signal delay nobody
    recorded is left out rather than shown at a time Earth did not hear it."""
    calendar = new_calendar(
        _("%(mission)s: the timeline") % {"mission": mission.name},
        subscription=True,
        description=_(
            "Each moment of the mission as heard on Earth (signal delay included), kept up to date."
        ),
    )
    page = settings.SITE_URL + mission.get_absolute_url()
    for milestone in milestones:
        heard = milestone.earth_received_at
        if heard is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"milestone-{milestone.pk}@{site_host()}")
        stamp(entry, milestone, mission.updated_at)
        entry.add("dtstart", heard)
        entry.add("dtend", heard)
        entry.add("summary", f"{mission.name}: {milestone.title}")
        description = milestone.description
        if milestone.signal_delay:
            delay = _("Heard on Earth %(delay)s after it happened at Mars.") % {
                "delay": duration_words(milestone.signal_delay)
            }
            description = f"{description}\n\n{delay}".strip()
        entry.add("description", f"{description}\n\n{page}".strip())
        entry.add("url", page)
        calendar.add_component(entry)
    return calendar.to_ical()
