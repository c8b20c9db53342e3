"""An event page's schema.org Event (JSON-LD): what search engines show of it, with an offer
whose availability follows the seats left (marsweb.structured)."""

from events.display import Seats
from events.models import Event
from marsweb.structured import absolute, online_event


def availability(seats: Seats) -> str:
    """A schema.org ItemAvailability: in stock, limited at 10 seats or fewer, sold out once
    new sign-ups join the waitlist, discontinued once sign-ups close."""
    if not seats.rsvp_open:
        return "Discontinued"
    if seats.left is None:
        return "InStock"
    if seats.left == 0:
        return "SoldOut"
    return "LimitedAvailability" if seats.left <= 10 else "InStock"


def event_data(event: Event, seats: Seats, *, image: str) -> dict:
    """``image``: the event's share card (events.cards), absolute."""
    page = absolute(event.get_absolute_url())
    mission = event.mission
    return online_event(
        page=page,
        anchor="event",
        name=event.title,
        description=event.summary,
        # On the event's own clock, as its page shows it.
        starts=event.starts_at.astimezone(event.zone),
        ends=event.ends_at.astimezone(event.zone),
        image=image,
        performer=mission.agency if mission else str(event.get_kind_display()),
        availability=availability(seats),
        offer_url=page + "#rsvp-title",
        # When sign-ups opened: their opening time, or (none set) when the event was
        # published, and never after the event's own start.
        valid_from=min(event.rsvp_opens_at or event.created_at, event.starts_at).astimezone(
            event.zone
        ),
        about={"@type": "Thing", "name": mission.name} if mission else None,
    )
