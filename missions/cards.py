"""A mission's share card (marsweb.cards): its name, its landing (or arrival) as Earth hears
it, the time to go, and during live coverage the latest key event."""

from datetime import datetime

from django.utils.translation import get_language, pgettext

from marsweb.cards import Card
from marsweb.durations import time_to_go
from marsweb.timezones import zoned
from missions.landing import landing_of
from missions.live import Feed
from missions.models import Milestone, Mission


def mission_card(
    mission: Mission,
    milestones: list[Milestone],
    now: datetime,
    *,
    feed: Feed | None = None,
    eyebrow: str = "",
) -> Card:
    landing = landing_of(mission, milestones)
    when_label = when = countdown = ""
    if landing is not None:
        heard = landing.heard_at
        lands = landing.lands
        if now < heard:
            when_label = (
                pgettext("share card", "Touchdown, as Earth will hear it")
                if lands
                else pgettext("share card", "Arrival, as Earth will hear it")
            )
            countdown = time_to_go(heard - now)
        else:
            when_label = (
                pgettext("share card", "Touchdown, as Earth heard it")
                if lands
                else pgettext("share card", "Arrival, as Earth heard it")
            )
        when = zoned(heard)  # a mission's times are in UTC, as on its page
    if not eyebrow:
        eyebrow = f"{mission.get_kind_display()} · {mission.agency}"
    if feed is not None and feed.is_live and feed.key_moments:
        latest = feed.key_moments[-1]
        eyebrow = pgettext("share card", "Live · %(headline)s") % {"headline": latest.headline}
    return Card(
        eyebrow=eyebrow,
        title=mission.name,
        when_label=when_label,
        when=when,
        countdown=countdown,
        language=get_language(),
    )
