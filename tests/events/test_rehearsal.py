"""Rehearsing a landing night moves the mission's events with it (events listens to missions)."""

from datetime import UTC, datetime, timedelta

import pytest

from events.models import Event
from missions.models import Mission
from missions.rehearsal import mission_rehearse
from missions.signals import mission_rehearsed
from tests.factories import make_event, make_milestone, make_mission

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)
TOUCHDOWN_HEARD = datetime(2021, 2, 18, 20, 55, tzinfo=UTC)


@pytest.fixture
def mission():
    mission = make_mission(slug="perseverance", name="Perseverance")
    make_milestone(mission)  # touchdown heard on Earth at 20:55:00 UTC, 18 Feb 2021
    return mission


def test_rehearsing_a_mission_copies_its_published_events_moved_with_the_landing(mission):
    make_event(
        slug="party",
        mission=mission,
        starts_at=TOUCHDOWN_HEARD - timedelta(hours=1),
        ends_at=TOUCHDOWN_HEARD + timedelta(hours=1),
    )
    make_event(slug="draft", mission=mission, is_published=False)
    make_event(slug="someone-elses")
    rehearsal = mission_rehearse(mission=mission, minutes=30, now=NOW)
    (copy,) = Event.objects.filter(mission=rehearsal)
    assert copy.slug == "party-rehearsal" and copy.title.endswith("(Rehearsal)")
    assert copy.starts_at == NOW + timedelta(minutes=30) - timedelta(hours=1)
    assert copy.is_published and copy.rehearsal_of.slug == "party"


def test_an_event_that_cannot_be_copied_rolls_the_whole_rehearsal_back(mission):
    def refuse(sender, **kwargs):
        raise RuntimeError("disk full")

    mission_rehearsed.connect(refuse, dispatch_uid="test-refuse")
    try:
        with pytest.raises(RuntimeError):
            mission_rehearse(mission=mission, minutes=30, now=NOW)
    finally:
        mission_rehearsed.disconnect(dispatch_uid="test-refuse")
    assert not Mission.objects.rehearsals().exists()


def test_rehearsals_kept_side_by_side_are_numbered_with_their_events(mission):
    """Before, three rehearsals kept together were all "Perseverance (Rehearsal)"."""
    make_event(
        slug="party", title="Landing party", title_es="Fiesta del aterrizaje", mission=mission
    )
    first = mission_rehearse(mission=mission, minutes=30, now=NOW)
    second = mission_rehearse(mission=mission, minutes=60, now=NOW, replace=False)
    third = mission_rehearse(mission=mission, minutes=90, now=NOW, replace=False)
    assert [m.name for m in (first, second, third)] == [
        "Perseverance (Rehearsal)",
        "Perseverance (Rehearsal 2)",
        "Perseverance (Rehearsal 3)",
    ]
    assert Event.objects.get(mission=third).title == "Landing party (Rehearsal 3)"
    assert Event.objects.get(mission=second).title_es == "Fiesta del aterrizaje (Ensayo 2)"
