"""Rehearsal copies of a mission's events, made when staff rehearse its landing night.

``events_rehearse`` receives missions.signals.mission_rehearsed (connected in
events.apps), inside the transaction of missions.rehearsal.mission_rehearse.
"""

from datetime import timedelta

from events.models import Event
from marsweb.slugs import unique_slug
from missions.models import Mission


def events_rehearse(
    sender: type[Mission], *, mission: Mission, rehearsal: Mission, shift: timedelta, **kwargs
) -> list[Event]:
    """Copy the mission's published events onto its rehearsal, moved by ``shift``.

    RSVPs open at once and stay open until each copy ends, so a rehearsal can be signed up
    for even when its event is already live. Copies of earlier rehearsals of the same
    mission go with those rehearsals (cascade).
    """
    copies = []
    for event in Event.objects.published().filter(mission=mission, rehearsal_of=None):
        copy = Event(
            title=f"{event.title} (Rehearsal)",
            slug=unique_slug(Event, f"{event.slug}-rehearsal"),
            kind=event.kind,
            mission=rehearsal,
            starts_at=event.starts_at + shift,
            ends_at=event.ends_at + shift,
            time_zone=event.time_zone,
            summary=event.summary,
            description=event.description,
            join_url=event.join_url,
            capacity=event.capacity,
            source_note=event.source_note,
            is_published=True,
            rehearsal_of=event,
        )
        copy.full_clean()
        copy.save()
        copies.append(copy)
    return copies
