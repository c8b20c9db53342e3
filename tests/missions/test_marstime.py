"""Mars time against NASA GISS's published worked examples.

Source: NASA Goddard Institute for Space Studies, "Mars24 Sunclock — Algorithm and Worked
Examples", https://www.giss.nasa.gov/tools/mars24/help/algorithm.html (Allison & McEwen
2000, as updated there). Example A is 2000-01-06 00:00:00 UTC; its published intermediate
results are ΔtJ2000 = 4.50074287 d, αFMS = 272.74566°, PBS = 0.00142°, ν − M = 4.44193°,
Ls = 277.18758°, EOT = −5.18774° (−0.014410 sol), MSD = 44795.99976, MTC = 23:59:39 and,
at the prime meridian, LTST = 23:38:54. Example B is 2004-01-03 13:46:31 UTC (Spirit's
landing): Ls = 327.32416° and MTC = 13.16537 h (13:09:55). Values are checked to the
precision the example prints.
"""

from datetime import UTC, datetime

import pytest

from missions import marstime

EXAMPLE_A = datetime(2000, 1, 6, 0, 0, 0, tzinfo=UTC)
EXAMPLE_B = datetime(2004, 1, 3, 13, 46, 31, tzinfo=UTC)


def test_worked_example_a_step_by_step():
    clock = marstime.mars_clock(EXAMPLE_A)
    assert marstime.julian_date_ut(EXAMPLE_A) == 2451549.5
    assert marstime.tt_minus_utc(EXAMPLE_A) == pytest.approx(64.184)
    assert clock.days_since_j2000 == pytest.approx(4.50074287, abs=1e-8)
    assert clock.fictitious_mean_sun == pytest.approx(272.74566, abs=1e-5)
    assert clock.perturbers == pytest.approx(0.00142, abs=1e-5)
    assert clock.equation_of_center == pytest.approx(4.44193, abs=1e-5)
    assert clock.solar_longitude == pytest.approx(277.18758, abs=1e-5)
    assert clock.equation_of_time / 360 == pytest.approx(-0.014410, abs=1e-6)
    assert clock.mars_sol_date == pytest.approx(44795.99976, abs=1e-5)
    assert marstime.hours_to_hms(clock.coordinated_mars_time) == "23:59:39"
    assert marstime.hours_to_hms(clock.local_mean_solar_time(0)) == "23:59:39"
    assert marstime.hours_to_hms(clock.local_true_solar_time(0)) == "23:38:54"


def test_worked_example_b_spirit_landing():
    clock = marstime.mars_clock(EXAMPLE_B)
    assert clock.solar_longitude == pytest.approx(327.32416, abs=1e-5)
    assert clock.coordinated_mars_time == pytest.approx(13.16537, abs=1e-5)
    assert marstime.hours_to_hms(clock.coordinated_mars_time) == "13:09:55"


def test_local_time_wraps_around_midnight_and_longitude():
    clock = marstime.mars_clock(EXAMPLE_A)
    for longitude in (0, 77.45, 180, 359.99):
        assert 0 <= clock.local_mean_solar_time(longitude) < 24
        assert 0 <= clock.local_true_solar_time(longitude) < 24
    # One hour of Mars time per 15° east.
    assert (clock.local_mean_solar_time(15) - clock.coordinated_mars_time) % 24 == pytest.approx(1)


def test_leap_seconds_follow_the_table():
    assert marstime.tt_minus_utc(datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)) == pytest.approx(
        68.184
    )
    assert marstime.tt_minus_utc(datetime(2017, 1, 1, tzinfo=UTC)) == pytest.approx(69.184)
    assert marstime.tt_minus_utc(datetime(2026, 11, 25, tzinfo=UTC)) == pytest.approx(69.184)


PERSEVERANCE_AT_MARS = datetime(2021, 2, 18, 20, 43, 38, tzinfo=UTC)
JEZERO = 77.4508


def test_perseverance_landed_in_the_mid_afternoon_of_sol_0():
    clock = marstime.mars_clock(PERSEVERANCE_AT_MARS)
    assert 15.5 < clock.local_mean_solar_time(JEZERO) < 16.2  # JPL: about 3:53 p.m. LMST
    assert (
        marstime.mission_sol(
            landed_at=PERSEVERANCE_AT_MARS, at=PERSEVERANCE_AT_MARS, longitude_east=JEZERO
        )
        == 0
    )


@pytest.mark.parametrize(
    ("at", "sol"),
    [
        (datetime(2021, 2, 19, 20, 0, tzinfo=UTC), 1),
        # NASA marked Perseverance's 1,000th sol on 13 December 2023.
        (datetime(2023, 12, 13, 12, 0, tzinfo=UTC), 1000),
        (datetime(2021, 2, 18, 12, 0, tzinfo=UTC), 0),  # that morning at Jezero
        (datetime(2021, 2, 17, 12, 0, tzinfo=UTC), -1),
    ],
)
def test_perseverance_sol_numbers(at, sol):
    assert marstime.mission_sol(landed_at=PERSEVERANCE_AT_MARS, at=at, longitude_east=JEZERO) == sol


def test_a_mission_that_calls_its_landing_day_sol_1():
    spirit = datetime(2004, 1, 4, 4, 26, 0, tzinfo=UTC)
    assert (
        marstime.mission_sol(landed_at=spirit, at=spirit, longitude_east=175.4726, landing_sol=1)
        == 1
    )


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        marstime.mars_clock(datetime(2021, 2, 18))


@pytest.mark.parametrize(
    ("hours", "text"),
    [(0, "00:00:00"), (13.16537, "13:09:55"), (23.9999999, "23:59:59"), (24.5, "00:30:00")],
)
def test_hours_to_hms(hours, text):
    assert marstime.hours_to_hms(hours) == text
