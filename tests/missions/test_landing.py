"""A mission's landing facts agree wherever a page shows them."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import translation

from missions import live
from missions.cards import mission_card
from missions.landing import (
    landing_of,
    landing_stamp,
    mission_countdown_panel,
    mission_sol_at,
    touchdown_at_mars,
)
from missions.models import Milestone, Mission
from missions.structured import landing_data
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


def test_a_lander_that_enters_orbit_first_counts_to_its_touchdown_everywhere(client):
    """Viking 1 entered orbit a month before it landed. Before, its countdown counted to the
    touchdown while its share card, structured data and boarding passes took the orbit
    insertion (the first of either in the timeline), and its live coverage the touchdown
    or ``landed_at``: one page said two things."""
    in_orbit = datetime(1976, 6, 19, 16, 0, tzinfo=UTC)
    lands = datetime(1976, 7, 20, 11, 53, 6, tzinfo=UTC)
    delay = timedelta(minutes=19)
    viking = make_mission(
        name="Viking 1",
        slug="viking-1",
        kind=Mission.Kind.LANDER,
        status=Mission.Status.CRUISE,
        landed_at=lands + delay,
        latitude="22.27",
        longitude_east="312.05",
        landing_site_name="Chryse Planitia",
    )
    make_milestone(
        viking,
        kind=Milestone.Kind.ORBIT_INSERTION,
        title="Orbit insertion",
        occurs_at=in_orbit,
        signal_delay=delay,
    )
    make_milestone(viking, title="Touchdown", occurs_at=lands, signal_delay=delay)
    heard = lands + delay
    now = in_orbit + timedelta(days=10)  # in orbit; the landing three weeks away
    milestones = list(viking.milestones.all())

    landing = landing_of(viking, milestones)
    assert (landing.kind, landing.heard_at, landing.site) == ("touchdown", heard, "Chryse Planitia")
    panel = mission_countdown_panel(viking, milestones, now)
    assert (panel.state.target.kind, panel.state.target.earth_received_at) == ("touchdown", heard)
    assert panel.state.target_label == "to touchdown"
    with translation.override("en"):
        card = mission_card(viking, milestones, now)
    assert card.when_label == "Touchdown, as Earth will hear it"
    event = landing_data(viking, milestones, image="https://example.org/card.png")
    assert event["name"] == "Viking 1 lands on Mars"
    assert event["startDate"] == heard.isoformat()
    stamp = landing_stamp(viking, milestones, now)
    assert (stamp.kind, stamp.heard_at, stamp.happened) == ("touchdown", heard, False)
    starts, ends = live.coverage(viking, milestones)
    assert starts == heard - live.BEFORE_LANDING and ends == heard + live.AFTER_LANDING
    with time_machine.travel(now, tick=False):
        page = client.get("/missions/viking-1/").content.decode()
    named = re.search(r'class="countdown-when">.*?<time datetime="([^"]+)"', page, re.S)[1]
    assert named == heard.isoformat().replace("+00:00", "Z")


def ahead_fragment(client, path: str, at: datetime) -> str:
    with time_machine.travel(at, tick=False):
        return client.get(path, headers={"HX-Request": "true"}).content.decode()


def test_the_fragment_seconds_before_touchdown_carries_the_landed_panel_for_zero(client, rover):
    """On a slow network the fragment saying "landed" arrives a round trip after zero; the
    page shows touchdown at zero because the last fragments before it carried that panel."""
    html = ahead_fragment(
        client, "/es/missions/rover/countdown/", TOUCHDOWN_HEARD - timedelta(seconds=5)
    )
    outer, held = html.split("<template", 1)
    assert 'data-phase="approach"' in outer
    zero_ms = int(TOUCHDOWN_HEARD.timestamp() * 1000)
    assert held.startswith(f' data-countdown-becomes data-at="{zero_ms}"')
    assert 'data-phase="landed" data-phase-label="Aterrizaje confirmado"' in held
    assert "desde el aterrizaje, tal como se recibe en la Tierra" in held
    assert "<template" not in held  # one step ahead, not a chain


def test_a_change_more_than_two_polls_away_is_not_sent_ahead(client, rover):
    html = ahead_fragment(
        client, "/missions/rover/countdown/", TOUCHDOWN_HEARD - timedelta(seconds=21)
    )
    assert "<template" not in html
    html = ahead_fragment(
        client, "/missions/rover/countdown/", TOUCHDOWN_HEARD - timedelta(seconds=20)
    )
    assert "data-countdown-becomes" in html
