"""Mars time after NASA GISS's Mars24 algorithm (Allison & McEwen 2000, with the updates
documented at https://www.giss.nasa.gov/tools/mars24/help/algorithm.html).

Pure functions of a UTC instant: no Django here, so every step can be checked against the
algorithm's published worked examples with plain values.
"""

import math
from dataclasses import dataclass
from datetime import UTC, datetime

J2000_JD = 2451545.0
UNIX_EPOCH_JD = 2440587.5
SECONDS_PER_DAY = 86400.0
EARTH_DAYS_PER_SOL = 1.0274912517
SECONDS_PER_SOL = EARTH_DAYS_PER_SOL * SECONDS_PER_DAY

# TAI − UTC from each leap second (IERS Bulletin C); TT − UTC = 32.184 s + TAI − UTC.
# The table ends with the leap second of 1 January 2017: none has been added since.
LEAP_SECONDS = [
    (datetime(1972, 1, 1, tzinfo=UTC), 10),
    (datetime(1972, 7, 1, tzinfo=UTC), 11),
    (datetime(1973, 1, 1, tzinfo=UTC), 12),
    (datetime(1974, 1, 1, tzinfo=UTC), 13),
    (datetime(1975, 1, 1, tzinfo=UTC), 14),
    (datetime(1976, 1, 1, tzinfo=UTC), 15),
    (datetime(1977, 1, 1, tzinfo=UTC), 16),
    (datetime(1978, 1, 1, tzinfo=UTC), 17),
    (datetime(1979, 1, 1, tzinfo=UTC), 18),
    (datetime(1980, 1, 1, tzinfo=UTC), 19),
    (datetime(1981, 7, 1, tzinfo=UTC), 20),
    (datetime(1982, 7, 1, tzinfo=UTC), 21),
    (datetime(1983, 7, 1, tzinfo=UTC), 22),
    (datetime(1985, 7, 1, tzinfo=UTC), 23),
    (datetime(1988, 1, 1, tzinfo=UTC), 24),
    (datetime(1990, 1, 1, tzinfo=UTC), 25),
    (datetime(1991, 1, 1, tzinfo=UTC), 26),
    (datetime(1992, 7, 1, tzinfo=UTC), 27),
    (datetime(1993, 7, 1, tzinfo=UTC), 28),
    (datetime(1994, 7, 1, tzinfo=UTC), 29),
    (datetime(1996, 1, 1, tzinfo=UTC), 30),
    (datetime(1997, 7, 1, tzinfo=UTC), 31),
    (datetime(1999, 1, 1, tzinfo=UTC), 32),
    (datetime(2006, 1, 1, tzinfo=UTC), 33),
    (datetime(2009, 1, 1, tzinfo=UTC), 34),
    (datetime(2012, 7, 1, tzinfo=UTC), 35),
    (datetime(2015, 7, 1, tzinfo=UTC), 36),
    (datetime(2017, 1, 1, tzinfo=UTC), 37),
]

# B-3: perturbers (amplitude in degrees, period in Julian years, phase in degrees).
PERTURBERS = [
    (0.0071, 2.2353, 49.409),
    (0.0057, 2.7543, 168.173),
    (0.0039, 1.1177, 191.837),
    (0.0037, 15.7866, 21.736),
    (0.0021, 2.1354, 15.704),
    (0.0020, 2.4694, 95.528),
    (0.0018, 32.8493, 49.095),
]


def tt_minus_utc(moment: datetime) -> float:
    """Seconds to add to UTC to get Terrestrial Time (A-4)."""
    tai_minus_utc = 10  # before 1972 UTC was not yet stepped by whole seconds; close enough here
    for start, seconds in LEAP_SECONDS:
        if moment >= start:
            tai_minus_utc = seconds
        else:
            break
    return 32.184 + tai_minus_utc


def julian_date_ut(moment: datetime) -> float:
    """A-2: Julian Date (UT) of an aware datetime."""
    return UNIX_EPOCH_JD + moment.timestamp() / SECONDS_PER_DAY


def days_since_j2000_tt(moment: datetime) -> float:
    """A-5/A-6: days since 12:00 on 1 Jan 2000, Terrestrial Time."""
    return julian_date_ut(moment) + tt_minus_utc(moment) / SECONDS_PER_DAY - J2000_JD


@dataclass(frozen=True)
class MarsClock:
    """Mars time at one instant, for the planet as a whole (longitude-independent parts)."""

    days_since_j2000: float
    mean_anomaly: float  # M, degrees
    fictitious_mean_sun: float  # alpha_FMS, degrees
    perturbers: float  # PBS, degrees
    equation_of_center: float  # nu − M, degrees
    solar_longitude: float  # Ls, degrees 0–360
    equation_of_time: float  # EOT, degrees
    mars_sol_date: float  # MSD
    coordinated_mars_time: float  # MTC, hours 0–24

    def local_mean_solar_time(self, longitude_east: float) -> float:
        """C-4: LMST in hours at a site's east longitude (degrees)."""
        return (self.coordinated_mars_time + longitude_east / 15.0) % 24.0

    def local_true_solar_time(self, longitude_east: float) -> float:
        """C-5: LTST in hours, the sundial's time at the site."""
        return (self.local_mean_solar_time(longitude_east) + self.equation_of_time / 15.0) % 24.0


def mars_clock(moment: datetime) -> MarsClock:
    """Every Mars24 quantity for an aware datetime (steps A to C)."""
    if moment.tzinfo is None:
        raise ValueError("mars_clock needs an aware datetime (UTC)")
    dt = days_since_j2000_tt(moment)
    mean_anomaly = (19.3871 + 0.52402073 * dt) % 360.0
    fictitious_mean_sun = (270.3871 + 0.524038496 * dt) % 360.0
    perturbers = sum(
        amplitude * math.cos(math.radians(0.985626 * dt / period + phase))
        for amplitude, period, phase in PERTURBERS
    )
    m = math.radians(mean_anomaly)
    equation_of_center = (
        (10.691 + 3.0e-7 * dt) * math.sin(m)
        + 0.623 * math.sin(2 * m)
        + 0.050 * math.sin(3 * m)
        + 0.005 * math.sin(4 * m)
        + 0.0005 * math.sin(5 * m)
        + perturbers
    )
    solar_longitude = (fictitious_mean_sun + equation_of_center) % 360.0
    ls = math.radians(solar_longitude)
    equation_of_time = (
        2.861 * math.sin(2 * ls)
        - 0.071 * math.sin(4 * ls)
        + 0.002 * math.sin(6 * ls)
        - equation_of_center
    )
    mars_sol_date = (dt - 4.5) / EARTH_DAYS_PER_SOL + 44796.0 - 0.0009626
    coordinated_mars_time = (24.0 * mars_sol_date) % 24.0
    return MarsClock(
        days_since_j2000=dt,
        mean_anomaly=mean_anomaly,
        fictitious_mean_sun=fictitious_mean_sun,
        perturbers=perturbers,
        equation_of_center=equation_of_center,
        solar_longitude=solar_longitude,
        equation_of_time=equation_of_time,
        mars_sol_date=mars_sol_date,
        coordinated_mars_time=coordinated_mars_time,
    )


def local_sol_date(moment: datetime, longitude_east: float) -> float:
    """Sols since the MSD epoch counted in local mean solar time at a site."""
    return mars_clock(moment).mars_sol_date + longitude_east / 360.0


def mission_sol(
    *, landed_at: datetime, at: datetime, longitude_east: float, landing_sol: int = 0
) -> int:
    """The mission's sol number at ``at``: local mean solar days at the landing site since
    the landing day, which is sol ``landing_sol`` (0 for Perseverance, 1 for Spirit).
    Negative before the landing.
    """
    landing_day = math.floor(local_sol_date(landed_at, longitude_east))
    today = math.floor(local_sol_date(at, longitude_east))
    return landing_sol + today - landing_day


def hours_to_hms(hours: float) -> str:
    """``13.1654`` → ``"13:09:55"`` (truncating to the second, as a clock does)."""
    total = int(round(hours * 3600.0, 6)) % 86400
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
