from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import make_event

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
