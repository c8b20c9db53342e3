"""The lights page's share card (marsweb.cards): the next landmark to be lit red, on its
city's clock with the zone named, and the time to go."""

from datetime import datetime

from django.utils.translation import get_language, pgettext

from lights.models import Lighting
from marsweb.cards import Card
from marsweb.durations import time_to_go
from marsweb.timezones import zoned


def lights_card(lightings: list[Lighting], now: datetime) -> Card:
    coming = sorted(
        (lighting for lighting in lightings if lighting.starts_at and lighting.starts_at > now),
        key=lambda lighting: lighting.starts_at,
    )
    when_label = when = countdown = ""
    if coming:
        first = coming[0]
        when_label = pgettext("share card", "Next: %(landmark)s, %(city)s") % {
            "landmark": first.landmark,
            "city": first.city,
        }
        when = zoned(first.starts_at, first.zone)
        countdown = time_to_go(first.starts_at - now)
    return Card(
        eyebrow=pgettext("share card", "City lights"),
        title=pgettext("share card", "Landmarks lit red for the Mars landing"),
        when_label=when_label,
        when=when,
        countdown=countdown,
        language=get_language(),
    )
