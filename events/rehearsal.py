"""Rehearsal copies of a mission's events, made when staff rehearse its landing night.

``events_rehearse`` receives missions.signals.mission_rehearsed (connected in
events.apps), inside the transaction of missions.rehearsal.mission_rehearse.
"""

from datetime import timedelta

from events.models import Event
from events.text import shift_times
from marsweb.slugs import unique_slug
from marsweb.translated import in_every_language
from missions.models import Mission
from missions.rehearsal import rehearsal_name, rehearsal_number

# A copy's sources are the real event's, and the times they quote are the real night's.
REAL_SOURCES = "Sources of the real event (the times they give are the real night's):"


def events_rehearse(
    sender: type[Mission], *, mission: Mission, rehearsal: Mission, shift: timedelta, **kwargs
) -> list[Event]:
    """Copy the mission's published events onto its rehearsal, moved by ``shift``.

    RSVPs open at once and stay open until each copy ends, so a rehearsal can be signed up
    for even when its event is already live. Copies of earlier rehearsals of the same
    mission go with those rehearsals (cascade).
    """
    copies = []
    number = rehearsal_number(rehearsal)
    for event in Event.objects.published().filter(mission=mission, rehearsal_of=None):
        copy = Event(
            **in_every_language(event, "title", lambda title: rehearsal_name(title, number)),
            slug=unique_slug(Event, f"{event.slug}-rehearsal"),
            kind=event.kind,
            mission=rehearsal,
            starts_at=event.starts_at + shift,
            ends_at=event.ends_at + shift,
            time_zone=event.time_zone,
            **in_every_language(event, "summary"),
            **in_every_language(event, "description", lambda text: shift_times(text, shift)),
            join_url=event.join_url,
            capacity=event.capacity,
            source_note=f"{REAL_SOURCES}\n{event.source_note}" if event.source_note else "",
            is_published=True,
            rehearsal_of=event,
        )
        copy.full_clean()
        copy.save()
        copies.append(copy)
    return copies
