"""A mission page's schema.org Event (JSON-LD): its landing, or its arrival in orbit, at the
moment Earth hears of it, which is when anyone can watch it happen (marsweb.structured)."""

from django.utils.translation import gettext as _

from marsweb.structured import absolute, online_event
from missions.landing import landing_of
from missions.models import Milestone, Mission


def landing_data(mission: Mission, milestones: list[Milestone], *, image: str) -> dict | None:
    """The landing (or orbit insertion) as an Event; None for a mission without one whose
    Earth-received time is known. ``image``: the mission's share card, absolute."""
    landing = landing_of(mission, milestones)
    if landing is None:
        return None
    page = absolute(mission.get_absolute_url())
    lands = landing.lands
    name = (_("%(mission)s lands on Mars") if lands else _("%(mission)s arrives at Mars")) % {
        "mission": mission.name
    }
    heard = landing.heard_at
    return online_event(
        page=page,
        anchor="landing",
        name=name,
        description=mission.summary,
        starts=heard,
        ends=heard,
        image=image,
        performer=mission.agency,
        availability="InStock",
        offer_url=page,
        valid_from=min(mission.created_at, heard),
        about={"@type": "Place", "name": landing.site} if landing.site else None,
    )
