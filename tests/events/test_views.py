from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from events.models import Event
from tests.conftest import SITE_NOW
from tests.factories import make_event
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_past_events_are_listed_twenty_to_a_page_newest_first(client):
    start = datetime(2021, 2, 18, 18, 0, tzinfo=UTC)
    for n in range(25):
        make_event(
            title=f"Past party {n:02}",
            starts_at=start + timedelta(days=n),
            ends_at=start + timedelta(days=n, hours=2),
        )
    with time_machine.travel(datetime(2030, 1, 1, tzinfo=UTC), tick=False):
        first = client.get("/events/").content.decode()
        second = client.get("/events/?page=2").content.decode()
    assert 'aria-label="Pages of past events"' in first and "Page 1 of 2" in first
    assert first.index("Past party 24") < first.index("Past party 05")
    assert "Past party 04" not in first
    assert '<a href="?page=2" rel="next">Older</a>' in first
    assert "Past party 04" in second and '<a href="?page=1" rel="prev">Newer</a>' in second


def test_an_event_under_way_says_live_now_and_until_when_on_its_card(site_at_now):
    """Before, an event that had started three hours ago showed only its start time."""
    social = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    assert social.starts_at < SITE_NOW < social.ends_at
    for path in ("/events/", "/"):
        text = page_text(Client().get(path).content.decode())
        card = text[text.index(social.title) :][:400]
        assert "Live now until" in card, path


def test_an_event_page_seconds_before_the_start_carries_the_live_panel_for_that_instant(client):
    event = make_event()
    with time_machine.travel(event.starts_at - timedelta(seconds=3), tick=False):
        html = client.get(event.get_absolute_url()).content.decode()
    counting, held = html.split("<template data-countdown-becomes", 1)
    assert 'data-phase="upcoming"' in counting
    assert held.startswith(f' data-at="{int(event.starts_at.timestamp() * 1000)}"')
    assert 'data-phase="live" data-phase-label="Live now"' in held.split("</template>")[0]
