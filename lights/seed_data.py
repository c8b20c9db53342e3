"""The landmarks the Space.com article says glow red for the landing.

Times are local to each city: a rule (sunset, an exact time, not known), resolved to UTC
when seeded (lights.schedule.lighting_save).
"""

from datetime import date, time

from marsweb.seeding import ARTICLE

LIGHTINGS = [
    {
        "landmark": "Empire State Building",
        "city": "New York",
        "country": "United States",
        "latitude": "40.74844",
        "longitude": "-73.98566",
        "time_zone": "America/New_York",
        "start_kind": "sunset",
        "start_date": date(2021, 2, 16),
        "end_kind": "exact",
        "end_date": date(2021, 2, 17),
        "end_time": time(2, 0),
        "note": "The tower glows red for the Red Planet.",
        "source_note": f"{ARTICLE} (“between sunset Tuesday, Feb. 16 and 2 a.m. EST the following "
        "morning”, per NASA's Jet Propulsion Laboratory).",
    },
    {
        "landmark": "Los Angeles International Airport gateway pylons",
        "city": "Los Angeles",
        "country": "United States",
        "latitude": "33.94580",
        "longitude": "-118.39230",
        "time_zone": "America/Los_Angeles",
        "start_kind": "sunset",
        "start_date": date(2021, 2, 17),
        "end_kind": "sunrise",
        "end_date": date(2021, 2, 19),
        "note": "JPL, where rover operations are centred, is in nearby Pasadena.",
        "source_note": f"{ARTICLE} (“from sundown Wednesday (Feb. 17) through sunrise Friday "
        "(Feb. 19)”). Pylon coordinates: the LAX gateway at Century and Sepulveda boulevards.",
    },
    {
        "landmark": "Adler Planetarium and other downtown buildings",
        "city": "Chicago",
        "country": "United States",
        "latitude": "41.86633",
        "longitude": "-87.60679",
        "time_zone": "America/Chicago",
        "start_kind": "unknown",
        "end_kind": "unknown",
        "note": "Residents of downtown Chicago should see the Adler Planetarium lighting up.",
        "source_note": f"{ARTICLE} (“No exact timing was available in JPL's release.”)",
    },
]
