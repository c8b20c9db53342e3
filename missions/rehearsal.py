"""Rehearse a landing night: copy a mission's timeline so its landing falls N minutes ahead."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from marsweb import clock
from marsweb.slugs import unique_slug
from marsweb.translated import in_every_language
from missions.landing import landing_of
from missions.models import Milestone, Mission
from missions.signals import mission_rehearsed


def rehearsal_name(name: str, number: int = 1) -> str:
    """A rehearsal's name (or its event's title), in the active language: "Perseverance
    (Rehearsal)"; beside earlier rehearsals still kept, "Perseverance (Rehearsal 2)", so that
    no two read alike in the admin, the desk or a list."""
    if number == 1:
        return _("%(name)s (Rehearsal)") % {"name": name}
    return _("%(name)s (Rehearsal %(number)s)") % {"name": name, "number": number}


def rehearsal_number(rehearsal: Mission) -> int:
    """1 for a mission's first rehearsal still kept, 2 for the next…"""
    return Mission.objects.filter(
        rehearsal_of_id=rehearsal.rehearsal_of_id, pk__lte=rehearsal.pk
    ).count()


def rehearsal_note(minutes: float) -> str:
    return _(
        "Rehearsal: a replay of the real timeline, moved so the landing falls %(minutes)s "
        "minutes after it was started."
    ) % {"minutes": f"{minutes:g}"}


def landing_moment(mission: Mission) -> datetime | None:
    """Earth-received time of the mission's landing (or arrival), from its timeline."""
    landing = landing_of(mission, mission.milestones.all())
    return landing.heard_at if landing is not None else None


@transaction.atomic
def mission_rehearse(
    *, mission: Mission, minutes: float, replace: bool = True, now: datetime | None = None
) -> Mission:
    """Create a published copy of ``mission`` whose landing is ``minutes`` from now.

    Every milestone moves by the same amount, so the landing's seven minutes play out as
    they did; apps listening to ``mission_rehearsed`` move what they keep of the mission's
    landing night too (its events). With ``replace``, earlier rehearsals of the same mission
    are deleted first.
    Raises ValueError when the mission has no landing to rehearse or is itself a rehearsal.
    """
    if mission.is_rehearsal:
        raise ValueError("A rehearsal cannot be rehearsed; rehearse the real mission.")
    if not 0 < minutes <= 7 * 24 * 60:
        raise ValueError("Choose a landing between 1 minute and 7 days from now.")
    landing = landing_moment(mission)
    if landing is None:
        raise ValueError(f"{mission.name} has no landing time to rehearse.")
    now = (now or clock.now()).replace(microsecond=0)
    shift = now + timedelta(minutes=minutes) - landing
    shift = timedelta(seconds=round(shift.total_seconds()))

    if replace:
        Mission.objects.filter(rehearsal_of=mission).delete()
    number = Mission.objects.filter(rehearsal_of=mission).count() + 1
    rehearsal = Mission(
        **in_every_language(mission, "name", lambda name: rehearsal_name(name, number), every=True),
        # Written afresh in every language, whether or not the mission's name is translated.
        **in_every_language(
            mission, "name", lambda name: rehearsal_note(minutes), to="status_note", every=True
        ),
        slug=unique_slug(Mission, f"{mission.slug}-rehearsal"),
        agency=mission.agency,
        kind=mission.kind,
        card_art=mission.card_art,
        status=Mission.Status.CRUISE,
        launch_date=(mission.launch_date + shift) if mission.launch_date else None,
        landed_at=mission.landed_at + shift if mission.landed_at else None,
        **in_every_language(mission, "landing_site_name"),
        latitude=mission.latitude,
        longitude_east=mission.longitude_east,
        landing_sol=mission.landing_sol,
        **in_every_language(mission, "summary"),
        **in_every_language(mission, "body"),
        source_note=mission.source_note,
        rehearsal_of=mission,
        is_featured=False,
        featured_after_landing=mission.featured_after_landing,
        is_published=True,
    )
    rehearsal.full_clean()
    rehearsal.save()
    Milestone.objects.bulk_create(
        Milestone(
            mission=rehearsal,
            kind=m.kind,
            **in_every_language(m, "title"),
            **in_every_language(m, "description"),
            occurs_at=m.occurs_at + shift,
            signal_delay=m.signal_delay,
            altitude_m=m.altitude_m,
            speed_m_s=m.speed_m_s,
            source_note=m.source_note,
        )
        for m in mission.milestones.all()
    )
    mission_rehearsed.send(sender=Mission, mission=mission, rehearsal=rehearsal, shift=shift)
    return rehearsal
