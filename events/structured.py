"""An event page's schema.org Event (JSON-LD): what search engines show of it, as Google's
event guidelines ask (dates with their offset, online attendance, its status, the organizer,
and an offer whose availability follows the seats left)."""

from datetime import datetime

from django.templatetags.static import static

from events.display import Seats
from events.models import Event
from marsweb.structured import SCHEMA, absolute, organizer

AVAILABILITY = {
    "open": f"{SCHEMA}/InStock",
    "few": f"{SCHEMA}/LimitedAvailability",
    "full": f"{SCHEMA}/SoldOut",  # new sign-ups join the waitlist
    "closed": f"{SCHEMA}/Discontinued",
}


def availability(seats: Seats) -> str:
    if not seats.rsvp_open:
        return AVAILABILITY["closed"]
    if seats.left is None:
        return AVAILABILITY["open"]
    if seats.left == 0:
        return AVAILABILITY["full"]
    return AVAILABILITY["few"] if seats.left <= 10 else AVAILABILITY["open"]


def event_data(event: Event, seats: Seats, *, image: str = "") -> dict:
    page = absolute(event.get_absolute_url())
    local = event.zone
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": page + "#event",
        "name": event.title,
        "description": event.summary,
        "url": page,
        "startDate": _iso(event.starts_at.astimezone(local)),
        "endDate": _iso(event.ends_at.astimezone(local)),
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": page},
        "image": [image or absolute(static("img/og-default.png"))],
        "organizer": organizer(),
        "offers": {
            "@type": "Offer",
            "url": page + "#rsvp-title",
            "price": "0",
            "priceCurrency": "USD",
            "availability": availability(seats),
            # When sign-ups opened: their opening time, or (none set) when the event was
            # published, and never after the event's own start.
            "validFrom": _iso(
                min(event.rsvp_opens_at or event.created_at, event.starts_at).astimezone(local)
            ),
        },
        "isAccessibleForFree": True,
    }
    if event.mission is not None:
        data["about"] = {"@type": "Thing", "name": event.mission.name}
        data["performer"] = {"@type": "Organization", "name": event.mission.agency}
    return data


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()
