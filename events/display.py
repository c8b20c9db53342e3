"""What an event's page shows beyond the model: its countdown panel and its seats."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from events.countdown import event_countdown
from events.models import Event
from marsweb.countdown import LIVE_POLL_SECONDS, CountdownPanel, ahead_of_polls


def event_countdown_panel(event: Event, now: datetime) -> CountdownPanel:
    """The countdown panel of an event: to its start, then to its end; and shortly before
    each, the panel to show at that instant."""
    return ahead_of_polls(lambda at: _countdown_panel_at(event, at), now)


def _countdown_panel_at(event: Event, now: datetime) -> CountdownPanel:
    return CountdownPanel(
        state=event_countdown(
            title=event.title, starts_at=event.starts_at, ends_at=event.ends_at, now=now
        ),
        url=reverse("events:countdown", kwargs={"slug": event.slug}),
        subject=event.title,
        now=now,
        is_rehearsal=event.is_rehearsal,
    )


@dataclass(frozen=True, kw_only=True)
class Seats:
    """The seats panel of an event's page (the ``seats`` partial), live while RSVPs are open."""

    event: Event
    left: int | None  # None: no limit
    rsvp_open: bool

    @property
    def url(self) -> str:
        return reverse("events:seats", kwargs={"slug": self.event.slug})

    @property
    def poll_seconds(self) -> int | None:
        return LIVE_POLL_SECONDS if self.rsvp_open else None


def seats_now(event: Event, now: datetime) -> Seats:
    """Seats left now (one query)."""
    left = None
    if event.capacity is not None:
        left = max(0, event.capacity - event.rsvps.seated().count())
    return Seats(event=event, left=left, rsvp_open=event.rsvp_is_open(now=now))
