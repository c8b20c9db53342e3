"""Sun-relative and exact lighting times.

Reference: sunset in New York (Empire State Building, 40.7484 N, 73.9857 W) on 16 February
2021 was 5:32 p.m. EST (NOAA Solar Calculator, gml.noaa.gov/grad/solcalc; timeanddate.com
gives 5:32 p.m. as well). Sunset at Los Angeles International Airport on 17 February 2021:
5:39 p.m. PST; sunrise on 19 February 2021: 6:33 a.m. PST (same sources).
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from lights import sun

NEW_YORK = {"latitude": 40.7484, "longitude": -73.9857, "zone": ZoneInfo("America/New_York")}
LAX = {"latitude": 33.9458, "longitude": -118.3923, "zone": ZoneInfo("America/Los_Angeles")}
LONGYEARBYEN = {"latitude": 78.2232, "longitude": 15.6267, "zone": ZoneInfo("Arctic/Longyearbyen")}


def local(resolution, zone):
    return resolution.at.astimezone(zone)


def test_sunset_in_new_york_on_16_february_2021_is_about_5_32_pm_est():
    result = sun.resolve(sun.TimeRule(sun.SUNSET, date(2021, 2, 16)), **NEW_YORK)
    shown = local(result, NEW_YORK["zone"])
    assert (shown.hour, shown.minute) == (17, 32)
    assert shown.tzname() == "EST"
    assert result.at.tzinfo == UTC


def test_lax_sundown_and_sunrise():
    sunset = local(sun.resolve(sun.TimeRule(sun.SUNSET, date(2021, 2, 17)), **LAX), LAX["zone"])
    sunrise = local(sun.resolve(sun.TimeRule(sun.SUNRISE, date(2021, 2, 19)), **LAX), LAX["zone"])
    assert (sunset.hour, abs(sunset.minute - 39) <= 1) == (17, True)
    assert (sunrise.hour, abs(sunrise.minute - 33) <= 1) == (6, True)


def test_exact_local_time_becomes_utc():
    result = sun.resolve(sun.TimeRule(sun.EXACT, date(2021, 2, 17), time(2, 0)), **NEW_YORK)
    assert result.at == datetime(2021, 2, 17, 7, 0, tzinfo=UTC)
    assert result.note == ""


def test_unknown_timing_has_no_time_and_no_invention():
    assert sun.resolve(sun.TimeRule(sun.UNKNOWN), **NEW_YORK) == sun.Resolution(None)
    assert sun.resolve(sun.TimeRule(sun.SUNSET, None), **NEW_YORK).at is None


@pytest.mark.parametrize(
    ("day", "kind", "says"),
    [
        (date(2021, 12, 21), sun.SUNSET, "polar night"),
        (date(2021, 6, 21), sun.SUNSET, "midnight sun"),
        (date(2021, 6, 21), sun.SUNRISE, "midnight sun"),
    ],
)
def test_polar_days_and_nights_are_answered_clearly(day, kind, says):
    result = sun.resolve(sun.TimeRule(kind, day), **LONGYEARBYEN)
    assert result.at is None
    assert says in result.note


def test_a_time_skipped_by_daylight_saving_moves_forward_and_says_so():
    result = sun.resolve(sun.TimeRule(sun.EXACT, date(2021, 3, 14), time(2, 30)), **NEW_YORK)
    assert local(result, NEW_YORK["zone"]).strftime("%H:%M %Z") == "03:30 EDT"
    assert "does not exist that day" in result.note


def test_a_time_repeated_by_daylight_saving_means_the_first():
    result = sun.resolve(sun.TimeRule(sun.EXACT, date(2021, 11, 7), time(1, 30)), **NEW_YORK)
    assert result.at == datetime(2021, 11, 7, 5, 30, tzinfo=UTC)  # 01:30 EDT
    assert "happens twice" in result.note


def test_sunset_follows_the_clock_change():
    before = local(
        sun.resolve(sun.TimeRule(sun.SUNSET, date(2021, 3, 13)), **NEW_YORK), NEW_YORK["zone"]
    )
    after = local(
        sun.resolve(sun.TimeRule(sun.SUNSET, date(2021, 3, 14)), **NEW_YORK), NEW_YORK["zone"]
    )
    assert before.tzname() == "EST" and after.tzname() == "EDT"
    assert after.hour == before.hour + 1


@pytest.mark.parametrize(
    ("rule", "role", "words"),
    [
        (sun.TimeRule(sun.SUNSET, date(2021, 2, 16)), "start", "from sunset Tue 16 Feb"),
        (sun.TimeRule(sun.EXACT, date(2021, 2, 17), time(2, 0)), "end", "until 2:00 AM Wed 17 Feb"),
        (sun.TimeRule(sun.SUNRISE, date(2021, 2, 19)), "end", "through sunrise Fri 19 Feb"),
        (sun.TimeRule(sun.UNKNOWN), "start", "start not announced"),
    ],
)
def test_rules_in_words(rule, role, words):
    assert sun.describe(rule, role=role) == words


def test_nights_run_to_six_in_the_morning():
    zone = NEW_YORK["zone"]
    assert sun.night_of(datetime(2021, 2, 17, 7, 0, tzinfo=UTC), zone) == date(
        2021, 2, 16
    )  # 2 a.m.
    assert sun.night_of(datetime(2021, 2, 16, 22, 32, tzinfo=UTC), zone) == date(2021, 2, 16)
