"""`make bench` finds what to drive from the running site: it must read today's pages."""

from datetime import UTC, datetime

import pytest
import time_machine

from missions.models import Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.load import bench

pytestmark = pytest.mark.django_db


def test_the_bench_reads_the_poll_interval_of_a_countdown_fragment_as_served(client):
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=UTC), tick=False):
        missions_seed(missions=MISSIONS)
        rehearsal = mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=5)
        fragment = client.get(f"/missions/{rehearsal.slug}/countdown/", HTTP_HX_REQUEST="true")
    assert bench.poll_seconds(fragment.content.decode()) == 10  # the final minutes
