"""Landing night, replayed: the clock stopped at NOW and Perseverance's landing rehearsed."""

from datetime import UTC, datetime

import pytest
import time_machine

from missions.models import Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed

NOW = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def rehearsal(clock):
    """Perseverance's landing replayed: touchdown heard on Earth 30 minutes from now."""
    missions_seed(missions=MISSIONS)
    return mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=30)
