"""The boarding pass's landing stamp: before its mission lands (as heard on Earth) the pass
shows when Earth will hear of the touchdown; after, a "Landed" stamp with the sol, the site
and the local time on Mars, like NASA's virtual passport stamp."""

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
import time_machine
from django.test import Client
from PIL import Image

from events.models import Event
from missions.landing import landing_stamp
from missions.models import Mission
from tests.conftest import SITE_NOW

pytestmark = pytest.mark.django_db

PASS = "/rsvp/token-seated/boarding-pass.png"
STAMP_GREEN = (127, 220, 150)


def boarding_pass(at: datetime) -> Image.Image:
    with time_machine.travel(at, tick=False):
        return Image.open(BytesIO(Client().get(PASS).content))


def green_in_the_stub(image: Image.Image) -> int:
    stub = image.convert("RGB").crop((870, 100, 1200, 460))
    return sum(1 for pixel in stub.get_flattened_data() if pixel == STAMP_GREEN)


def test_before_the_landing_the_pass_shows_when_earth_will_hear_of_it(site):
    before = boarding_pass(SITE_NOW)
    touchdown = Mission.objects.rehearsals().get().milestones.get(kind="touchdown")
    # On the event's clock, as the rest of the pass.
    event = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    heard = touchdown.earth_received_at.astimezone(event.zone)
    assert (
        f"Touchdown as Earth hears it: {heard:%a %-d %b %Y, %H:%M %Z}."
        in before.text["Description"]
    )
    assert green_in_the_stub(before) == 0


def test_after_the_landing_the_pass_is_stamped_landed_with_sol_site_and_mars_time(site):
    rehearsal = Mission.objects.rehearsals().get()
    touchdown = rehearsal.milestones.get(kind="touchdown")
    after = boarding_pass(touchdown.earth_received_at + timedelta(seconds=1))
    assert (
        "Landed on sol 0 at Jezero Crater (Octavia E. Butler Landing)" in after.text["Description"]
    )
    assert "local mean solar time; heard on Earth" in after.text["Description"]
    assert green_in_the_stub(after) > 2000
    # A second before Earth hears of it, no stamp yet: the pass waits for the signal.
    just_before = boarding_pass(touchdown.earth_received_at - timedelta(seconds=1))
    assert green_in_the_stub(just_before) == 0


def test_perseverances_stamp_has_the_local_mean_solar_time_nasa_gave():
    """NASA: Perseverance touched down at about 3:53 p.m. local mean solar time."""
    mission = Mission(
        name="Perseverance",
        slug="p",
        landing_site_name="Jezero Crater",
        latitude=18.4447,
        longitude_east=77.4508,
        landing_sol=0,
    )
    touchdown = mission.milestones.model(
        mission=mission,
        kind="touchdown",
        title="Touchdown",
        occurs_at=datetime(2021, 2, 18, 20, 43, 38, tzinfo=UTC),
        signal_delay=timedelta(minutes=11, seconds=22),
    )
    stamp = landing_stamp(mission, [touchdown], datetime(2021, 2, 18, 21, 0, tzinfo=UTC))
    assert (stamp.happened, stamp.sol, stamp.site, stamp.local_time) == (
        True,
        0,
        "Jezero Crater",
        "15:53",
    )
    assert not landing_stamp(
        mission, [touchdown], datetime(2021, 2, 18, 20, 50, tzinfo=UTC)
    ).happened
