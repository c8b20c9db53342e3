"""A mission's landing facts agree wherever a page shows them."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from missions.landing import mission_sol_at, touchdown_at_mars
from missions.models import Milestone
from tests.factories import make_milestone, make_mission

pytestmark = pytest.mark.django_db

TOUCHDOWN_HEARD = datetime(2021, 2, 18, 20, 55, tzinfo=UTC)  # at Mars 11 min 22 s earlier


@pytest.fixture
def rover():
    rover = make_mission(
        slug="rover",
        landed_at=TOUCHDOWN_HEARD,
        latitude="18.4447",
        longitude_east="77.4508",
        landing_site_name="Jezero Crater",
    )
    make_milestone(rover)
    return rover


def test_touchdown_at_mars_is_the_touchdown_milestone_else_the_landing_time(rover):
    milestones = list(rover.milestones.all())
    assert touchdown_at_mars(rover, milestones) == datetime(2021, 2, 18, 20, 43, 38, tzinfo=UTC)
    assert touchdown_at_mars(rover, []) == TOUCHDOWN_HEARD


def test_the_sol_counts_from_the_landing_day_and_needs_a_landing_site(rover):
    milestones = list(rover.milestones.all())
    assert mission_sol_at(rover, milestones, at=TOUCHDOWN_HEARD) == 0
    assert mission_sol_at(rover, milestones, at=TOUCHDOWN_HEARD + timedelta(days=100)) == 97
    rover.longitude_east = None
    assert mission_sol_at(rover, milestones, at=TOUCHDOWN_HEARD) is None


def test_the_mission_page_and_the_mars_time_converter_show_the_same_sol(client, rover):
    later = TOUCHDOWN_HEARD + timedelta(days=400, hours=5)
    rover.milestones.filter(kind=Milestone.Kind.TOUCHDOWN).update(title="Touchdown in Jezero")
    with time_machine.travel(later, tick=False):
        mission_page = client.get("/missions/rover/").content.decode()
        converter = client.get("/mars-time/", {"at": later.isoformat()}).content.decode()
    (on_the_page,) = re.findall(r"Mission day <strong>Sol (\d+)</strong>", mission_page)
    in_the_table = re.search(
        r'href="/missions/rover/">.*?<td class="num">(\d+)</td>', converter, re.S
    )
    assert on_the_page == in_the_table.group(1) == "390"
