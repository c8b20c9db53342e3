from datetime import UTC, datetime, timedelta

import pytest

from marsweb.countdown import Moment
from marsweb.durations import clock_parts, format_remaining
from missions.countdown import mission_countdown, stage_track
from missions.edl import edl_diagram

DELAY = timedelta(minutes=11, seconds=22)
TOUCHDOWN_ERT = datetime(2021, 2, 18, 20, 55, 0, tzinfo=UTC)


def moment(kind, title, seconds_before_touchdown, delay=DELAY):
    ert = TOUCHDOWN_ERT - timedelta(seconds=seconds_before_touchdown)
    return Moment(kind, title, ert - delay, ert)


TIMELINE = [
    Moment(
        "launch",
        "Launch",
        datetime(2020, 7, 30, 11, 50, tzinfo=UTC),
        datetime(2020, 7, 30, 11, 50, tzinfo=UTC),
    ),
    moment("cruise-stage-separation", "Cruise stage separation", 1010),
    moment("entry-interface", "Atmospheric entry", 410),
    moment("peak-heating", "Peak heating", 330),
    moment("parachute-deploy", "Parachute deployment", 170),
    moment("heat-shield-separation", "Heat shield separation", 150),
    moment("backshell-separation", "Backshell separation", 60),
    moment("sky-crane", "Sky crane", 20),
    moment("touchdown", "Touchdown", 0),
]


def at(seconds_before_touchdown: float) -> datetime:
    return TOUCHDOWN_ERT - timedelta(seconds=seconds_before_touchdown)


def state(now):
    return mission_countdown(moments=TIMELINE, now=now, landing=TIMELINE[-1])


def test_before_launch():
    result = state(datetime(2020, 7, 1, tzinfo=UTC))
    assert result.phase == "before-launch"
    assert result.next_moment.title == "Launch"
    assert result.poll_seconds == 60


def test_cruise_counts_days_and_polls_once_a_minute():
    result = state(datetime(2020, 10, 1, tzinfo=UTC))
    assert result.phase == "cruise"
    assert result.phase_label == "Cruise to Mars"
    assert result.poll_seconds == 60
    assert format_remaining(result.remaining).endswith("min")


def test_approach_starts_45_days_before_entry():
    assert state(at(410 + 46 * 86400)).phase == "cruise"
    assert state(at(410 + 44 * 86400)).phase == "approach"


def test_final_approach_after_cruise_stage_separation():
    result = state(at(600))
    assert result.phase == "approach"
    assert result.phase_label == "Final approach: Cruise stage separation"
    assert result.next_moment.title == "Atmospheric entry"
    assert result.to_next == timedelta(seconds=190)


@pytest.mark.parametrize(
    ("seconds_before", "step", "label"),
    [
        (410, "entry-interface", "Entry, descent and landing: Atmospheric entry"),
        (200, "peak-heating", "Entry, descent and landing: Peak heating"),
        (165, "parachute-deploy", "Entry, descent and landing: Parachute deployment"),
        (1, "sky-crane", "Entry, descent and landing: Sky crane"),
    ],
)
def test_each_step_of_the_seven_minutes(seconds_before, step, label):
    result = state(at(seconds_before))
    assert result.phase == "edl"
    assert result.edl_step == step
    assert result.phase_label == label
    assert result.poll_seconds == 10


def test_the_countdown_is_to_earth_received_time_and_knows_mars_is_ahead():
    result = state(at(300))
    assert result.remaining == timedelta(seconds=300)
    assert result.target.signal_delay == DELAY
    assert result.happened_at_mars  # touchdown at Mars was 11 min 22 s before Earth hears it
    assert not state(at(DELAY.total_seconds() + 1)).happened_at_mars


def test_remaining_rounds_up_to_reach_zero_exactly_at_touchdown():
    assert state(at(0.4)).remaining == timedelta(seconds=1)
    assert state(at(0)).phase == "landed"


def test_after_landing_shows_time_since_then_stops_polling():
    just = state(at(-5))
    assert just.phase == "landed"
    assert just.since == timedelta(seconds=5)
    assert just.poll_seconds == 10
    assert state(at(-2 * 3600)).poll_seconds == 60
    assert state(at(-2 * 86400)).poll_seconds is None
    assert not state(at(-2 * 86400)).is_live


def test_the_last_day_polls_every_ten_seconds():
    assert state(at(86400)).poll_seconds == 10
    assert state(at(86400 + 61)).poll_seconds == 60


def test_landing_time_without_milestones():
    heard = datetime(2030, 1, 1, tzinfo=UTC)
    landing = Moment("touchdown", "Touchdown", heard, heard)
    result = mission_countdown(moments=[], now=heard - timedelta(hours=2), landing=landing)
    assert result.remaining == timedelta(hours=2)
    assert result.target_label == "to touchdown"


def test_no_landing_at_all():
    result = mission_countdown(moments=[], now=TOUCHDOWN_ERT)
    assert result.phase == "no-landing"
    assert not result.is_live


def test_orbit_insertion_is_an_arrival():
    insertion = Moment("orbit-insertion", "Orbit insertion", TOUCHDOWN_ERT, TOUCHDOWN_ERT)
    result = mission_countdown(
        moments=[insertion], now=TOUCHDOWN_ERT + timedelta(seconds=3), landing=insertion
    )
    assert result.phase == "arrived"
    assert result.target_label == "since arrival"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00:00"),
        (59, "00:00:59"),
        (3661, "01:01:01"),
        (86400, "1 day 00 h 00 min"),
        (3 * 86400 + 4 * 3600 + 12 * 60 + 9, "3 days 04 h 12 min"),
    ],
)
def test_format_remaining(seconds, text):
    assert format_remaining(timedelta(seconds=seconds)) == text


def test_landing_picture_places_steps_and_marks_the_current_one():
    steps = [
        (m, {"entry-interface": 125000, "touchdown": 0, "sky-crane": 20}.get(m.kind), None)
        for m in TIMELINE
    ]
    diagram = edl_diagram(steps=steps, now=at(165))
    assert diagram[0].kind == "entry-interface"
    assert diagram[0].x == 0 and diagram[-1].x == 1
    assert diagram[0].y == 1 and diagram[-1].y == 0
    heights = [s.y for s in diagram]
    assert heights == sorted(heights, reverse=True)  # unknown altitudes filled in between
    assert [s.title for s in diagram if s.is_current] == ["Parachute deployment"]
    assert edl_diagram(steps=steps, now=at(-10))[-1].is_passed
    assert not any(s.is_current for s in edl_diagram(steps=steps, now=at(-10)))


def track(now) -> list[tuple[str, str]]:
    return [(step.label, step.state) for step in stage_track(state(now))]


def test_the_stage_track_marks_stages_done_now_and_next():
    assert track(at(10 * 86400))[:3] == [("Cruise", "done"), ("Approach", "now"), ("Entry", "next")]
    assert track(at(165))[2:5] == [
        ("Entry", "done"),
        ("Parachute", "now"),
        ("Powered descent", "next"),
    ]
    assert track(at(-1)) == [
        (label, "done")
        for label in (
            "Cruise",
            "Approach",
            "Entry",
            "Parachute",
            "Powered descent",
            "Sky crane",
            "Touchdown",
        )
    ]
    assert all(step == "next" for _, step in track(datetime(2020, 7, 1, tzinfo=UTC)))


def test_the_landing_picture_counts_from_atmospheric_entry_or_is_not_drawn():
    steps = [(m, None, None) for m in TIMELINE]
    assert edl_diagram(steps=steps, now=at(0))[0].kind == "entry-interface"
    without_entry = [s for s in steps if s[0].kind != "entry-interface"]
    assert edl_diagram(steps=without_entry, now=at(0)) == []


@pytest.mark.parametrize(
    "seconds, parts",
    [
        (0, [("00", "hours"), ("00", "minutes"), ("00", "seconds")]),
        (3661, [("01", "hour"), ("01", "minute"), ("01", "second")]),
        (86400 + 59, [("1", "day"), ("00", "hours"), ("00", "minutes"), ("59", "seconds")]),
        (
            3 * 86400 + 4 * 3600,
            [("3", "days"), ("04", "hours"), ("00", "minutes"), ("00", "seconds")],
        ),
    ],
)
def test_the_big_clock_shows_days_only_when_there_are_some(seconds, parts):
    assert clock_parts(timedelta(seconds=seconds)) == parts
