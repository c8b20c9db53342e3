"""An event's share card (marsweb.cards): its title, its start on its own clock with the
zone named, and the time to go."""

from datetime import datetime

from django.utils.translation import get_language, pgettext

from events.models import Event
from marsweb.cards import Card
from marsweb.durations import time_to_go
from marsweb.timezones import zoned


def event_card(event: Event, now: datetime) -> Card:
    eyebrow = event.get_kind_display()
    if event.mission is not None:
        eyebrow = f"{eyebrow} · {event.mission.name}"
    return Card(
        eyebrow=eyebrow,
        title=event.title,
        when_label=pgettext("share card", "Starts"),
        when=zoned(event.starts_at, event.zone),
        countdown=time_to_go(event.starts_at - now),
        language=get_language(),
    )
