"""A mission page's schema.org Event (JSON-LD): its landing, or its arrival in orbit, at the
moment Earth hears of it, which is when anyone can watch it happen."""

from django.templatetags.static import static
from django.utils.translation import gettext as _

from marsweb.structured import SCHEMA, absolute, organizer
from missions.models import Milestone, Mission

ARRIVALS = (Milestone.Kind.TOUCHDOWN, Milestone.Kind.ORBIT_INSERTION)


def landing_data(mission: Mission, milestones: list[Milestone], *, image: str = "") -> dict | None:
    """The landing (or orbit insertion) as an Event; None for a mission without one whose
    Earth-received time is known."""
    arrival = next(
        (m for m in milestones if m.kind in ARRIVALS and m.earth_received_at is not None), None
    )
    if arrival is None:
        return None
    page = absolute(mission.get_absolute_url())
    lands = arrival.kind == Milestone.Kind.TOUCHDOWN
    name = (_("%(mission)s lands on Mars") if lands else _("%(mission)s arrives at Mars")) % {
        "mission": mission.name
    }
    heard = arrival.earth_received_at.replace(microsecond=0)
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": page + "#landing",
        "name": name,
        "description": mission.summary,
        "url": page,
        "startDate": heard.isoformat(),
        "endDate": heard.isoformat(),
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": page},
        "image": [image or absolute(static("img/og-default.png"))],
        "organizer": organizer(),
        "performer": {"@type": "Organization", "name": mission.agency},
        "isAccessibleForFree": True,
        "offers": {
            "@type": "Offer",
            "url": page,
            "price": "0",
            "priceCurrency": "USD",
            "availability": f"{SCHEMA}/InStock",
            "validFrom": min(mission.created_at, heard).replace(microsecond=0).isoformat(),
        },
    }
    if mission.landing_site_name:
        data["about"] = {"@type": "Place", "name": mission.landing_site_name}
    return data
