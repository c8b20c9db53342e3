"""City light schedules as visitors and staff meet them."""

import gzip
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.test import Client
from icalendar import Calendar

from lights.models import Lighting
from lights.schedule import lighting_save
from lights.seed_data import LIGHTINGS
from lights.seeding import lightings_seed
from tests.factories import lighting_submission as submission
from tests.factories import make_lighting
from tests.text import page_text

pytestmark = pytest.mark.django_db(transaction=True)

# 8 p.m. EST on 16 Feb 2021: the Empire State Building is lit, LAX not yet.
DURING_NEW_YORK = datetime(2021, 2, 17, 1, 0, tzinfo=UTC)


@pytest.fixture
def seeded():
    lightings_seed(lightings=LIGHTINGS)


@pytest.fixture
def clock():
    with time_machine.travel(DURING_NEW_YORK, tick=False) as traveller:
        yield traveller


def card(page: str, landmark: str) -> str:
    """A landmark's card on the page, its whitespace collapsed as a browser shows it."""
    html = re.search(rf"<h[34]>{re.escape(landmark)}</h[34]>.*?</li>", page, re.S).group(0)
    return " ".join(html.split())


def test_lights_page_shows_the_three_landmarks_with_local_times(client, seeded, clock):
    page = client.get("/lights/").content.decode()
    empire = card(page, "Empire State Building")
    assert "Tue 16 Feb, 5:32 PM EST" in empire
    assert "Wed 17 Feb, 2:00 AM EST" in empire
    assert "Lit from sunset Tue 16 Feb, until 2:00 AM Wed 17 Feb." in empire
    lax = card(page, "Los Angeles International Airport gateway pylons")
    assert "Wed 17 Feb, 5:39 PM PST" in lax and "through sunrise Fri 19 Feb" in lax
    chicago = card(page, "Adler Planetarium and other downtown buildings")
    assert "Timing to be announced" in chicago
    assert "Night of Tuesday 16 February 2021" in page
    assert page.index("Night of Tuesday 16 February 2021") < page.index(
        "Night of Wednesday 17 February 2021"
    )
    assert '<svg class="map-svg"' in page and page.count('class="map-point') == 3


def test_times_show_in_the_visitors_zone_too(client, seeded, clock):
    client.cookies["tz"] = "Europe/London"
    empire = card(client.get("/lights/").content.decode(), "Empire State Building")
    assert "your time: <time" in empire and "Tue 16 Feb, 10:32 PM GMT" in empire


def test_state_now_lit_upcoming_ended_and_tba(client, seeded, clock):
    page = client.get("/lights/").content.decode()
    assert 'badge-lit">Lit now' in card(page, "Empire State Building")
    assert 'badge-upcoming">Upcoming</span> in 1 day 00 h 39 min' in card(
        page, "Los Angeles International Airport gateway pylons"
    )
    assert "Empire State Building, New York</li>" in page  # the "lit right now" panel
    clock.shift(timedelta(days=3))
    later = client.get("/lights/").content.decode()
    assert 'badge-ended">Ended' in card(later, "Empire State Building")
    assert "Nothing is lit at the moment." in later


def test_lit_now_fragment_is_live_and_cached(client, seeded, clock, django_assert_num_queries):
    response = client.get("/lights/now/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<section id="lit-now"')
    assert 'hx-trigger="every 60s"' in html
    assert "Empire State Building" in html
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=60"
    with django_assert_num_queries(0):
        client.get("/lights/now/", HTTP_HX_REQUEST="true")
    assert client.get("/lights/now/").status_code == 302


def test_home_shows_tonights_lights(client, seeded, clock):
    page = client.get("/").content.decode()
    assert "Tonight's lights" in page
    assert "<strong>Empire State Building, New York</strong>" in page
    assert "from Tue 16 Feb, 5:32 PM EST to Wed 17 Feb, 2:00 AM EST" in page_text(page)
    assert "Adler Planetarium" not in page  # no time known: not "tonight"


def test_calendar_carries_known_lightings_in_utc_with_geo_and_never_invents_a_time(client, seeded):
    response = client.get("/lights/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {
        "Empire State Building lit red for Mars",
        "Los Angeles International Airport gateway pylons lit red for Mars",
    }
    empire = entries["Empire State Building lit red for Mars"]
    assert empire.decoded("dtstart") == datetime(2021, 2, 16, 22, 32, 4, tzinfo=UTC)
    assert empire.decoded("dtend") == datetime(2021, 2, 17, 7, 0, tzinfo=UTC)
    assert str(empire["uid"]).startswith("lighting-")
    assert empire["geo"].latitude == pytest.approx(40.74844)
    again = Calendar.from_ical(client.get("/lights/calendar.ics").content)
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [
        str(e["uid"]) for e in calendar.walk("VEVENT")
    ]


def test_a_submission_shows_nowhere_until_staff_approve_it(client, staff_client, seeded):
    response = client.post("/lights/submit/", submission())
    assert response.status_code == 200
    assert "sent for review" in response.content.decode()
    lighting = Lighting.objects.get(landmark="Pasadena City Hall")
    assert (lighting.is_published, lighting.moderation) == (False, "pending")
    assert lighting.time_zone == "America/Los_Angeles"
    # The submitter reads the zone as people name it, not as an IANA id.
    assert re.search(
        r"in the Los Angeles \(P[SD]T\) time zone", page_text(response.content.decode())
    )
    assert lighting.starts_at is not None
    assert "Pasadena City Hall" not in client.get("/lights/").content.decode()
    assert b"Pasadena" not in client.get("/lights/calendar.ics").content

    queue = staff_client.get("/admin/lights/lighting/?moderation__exact=pending").content.decode()
    assert "Pasadena City Hall" in queue
    approved = staff_client.post(
        "/admin/lights/lighting/",
        {"action": "approve", "_selected_action": [lighting.pk]},
        follow=True,
    )
    assert "1 lighting published." in approved.content.decode()  # was "1 lighting(s)"
    caches["default"].clear()  # public pages are kept for the rest of their second
    assert "Pasadena City Hall" in client.get("/lights/").content.decode()
    assert mail.outbox[-1].to == ["clerk@example.org"]
    assert mail.outbox[-1].subject == "Published: Pasadena City Hall"
    assert "clerk@example.org" not in client.get("/lights/").content.decode()


def test_a_submission_from_the_spanish_page_shows_on_every_languages_page(
    client, staff_client, seeded
):
    """Before: it was stored in the Spanish columns only, and the English page showed an
    empty landmark and city."""
    typed = submission(landmark="Ayuntamiento de Pasadena", note="Rojo por el rover.")
    assert client.post("/es/lights/submit/", typed).status_code == 200
    lighting = Lighting.objects.get(landmark_es="Ayuntamiento de Pasadena")
    assert (lighting.landmark_en, lighting.city_en, lighting.note_en) == (
        "Ayuntamiento de Pasadena",
        "Pasadena",
        "Rojo por el rover.",
    )
    assert lighting.submitter_language == "es"
    staff_client.post(
        "/admin/lights/lighting/", {"action": "approve", "_selected_action": [lighting.pk]}
    )
    caches["default"].clear()
    for prefix in ("", "/es", "/ar"):
        text = page_text(client.get(f"{prefix}/lights/").content.decode())
        assert "Ayuntamiento de Pasadena" in text, prefix
        assert re.search(r"Pasadena[,،] United States", text), prefix


def test_a_rejected_submission_stays_hidden_and_the_submitter_hears(staff_client, client):
    client.post("/lights/submit/", submission())
    lighting = Lighting.objects.get()
    staff_client.post(
        "/admin/lights/lighting/", {"action": "reject", "_selected_action": [lighting.pk]}
    )
    assert Lighting.objects.get().moderation == "rejected"
    assert "Pasadena City Hall" not in client.get("/lights/").content.decode()
    assert mail.outbox[-1].subject == "Not published: Pasadena City Hall"


def test_a_city_from_the_bundled_list_places_the_lighting(client):
    response = client.post(
        "/lights/submit/", submission(city="Toulouse", country="France", latitude="", longitude="")
    )
    assert response.status_code == 200
    lighting = Lighting.objects.get()
    assert lighting.time_zone == "Europe/Paris"
    assert float(lighting.latitude) == pytest.approx(43.6, abs=0.1)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"city": "Nowhereville", "latitude": "", "longitude": ""},
            "We could not find this city in our list.",
        ),
        ({"latitude": "91"}, "Ensure this value is less than or equal to 90."),
        ({"latitude": "34.1", "longitude": ""}, "Give both latitude and longitude, or neither."),
        ({"latitude": "not a number"}, "Enter a number."),
        ({"start_date": ""}, "Give the local date"),
        ({"end_time": ""}, "Give the local time"),
        ({"end_date": "2021-02-17", "end_time": "01:00"}, "The lighting must end after it starts."),
        ({"landmark": ""}, "This field is required."),
        ({"landmark": "x" * 201}, "Ensure this value has at most 200 characters"),
        (
            {"landmark": "City Hall\r\nBcc: x@example.org"},
            "Use letters, numbers and punctuation only.",
        ),
        ({"submitter_email": ""}, "Enter your email address"),
        ({"submitter_email": "clerk@localhost"}, "Enter an email address with a full domain"),
        ({"start_kind": "moonrise"}, "Select a valid choice."),
        ({"start_date": "2021-02-30"}, "Enter a valid date."),
    ],
)
def test_bad_submissions_get_the_form_back_with_a_clear_message(client, overrides, message):
    response = client.post("/lights/submit/", submission(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Lighting.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2019-12-31"])
def test_a_date_outside_the_window_is_a_clear_form_error(client, day):
    response = client.post(
        "/lights/submit/",
        submission(start_kind="exact", start_date=day, start_time="20:00", end_date=day),
    )
    assert response.status_code == 400
    assert "Give a date between 1 January 2020 and" in response.content.decode()
    assert not Lighting.objects.exists()


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "es",
            [
                "Indica la fecha local o elige «Aún sin anunciar».",
                "Indica la hora local o elige «Al atardecer» o «Al amanecer».",
            ],
        ),
        (
            "ar",
            [
                "أدخل التاريخ المحلي أو اختر «لم يُعلن بعد».",
                "أدخل الوقت المحلي أو اختر «عند الغروب» أو «عند الشروق».",
            ],
        ),
    ],
)
def test_a_spanish_or_arabic_submission_is_told_what_is_wrong_in_its_language(
    client, language, messages
):
    """Before, these came in English, quoting an option the form names otherwise."""
    response = client.post(
        f"/{language}/lights/submit/",
        submission(start_kind="exact", start_date="", start_time="", end_kind="sunrise"),
    )
    assert response.status_code == 400
    text = page_text(response.content.decode())
    for message in messages:
        assert message in text
    assert "Give the local" not in text
    late = client.post(
        f"/{language}/lights/submit/",
        submission(start_kind="sunset", start_date="2019-12-31", end_kind="sunrise"),
    )
    assert "2020" in page_text(late.content.decode()) and "Give a date" not in late.content.decode()


@pytest.mark.parametrize(
    "moment", [datetime(1, 1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 20, tzinfo=UTC)]
)
def test_the_public_pages_survive_a_stored_row_with_any_time(client, seeded, moment):
    # A row changed by hand, or stored before dates were checked: hidden, never a 500.
    Lighting.objects.filter(city="New York").update(
        starts_at=moment, ends_at=moment, start_date=moment.date(), end_date=moment.date()
    )
    for url in ("/lights/", "/", "/lights/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Empire State Building" not in response.content.decode(), url
    assert "Los Angeles" in client.get("/lights/").content.decode()


def test_a_lighting_at_sea_is_stored_in_the_zone_of_the_open_sea(client):
    # Mid-Atlantic: timezonefinder answers Etc/GMT+2, which the form used to refuse.
    response = client.post(
        "/lights/submit/",
        submission(landmark="Research vessel", latitude="35.0", longitude="-30.0"),
    )
    assert response.status_code == 200, response.content.decode()
    assert Lighting.objects.get().time_zone.startswith("Etc/GMT")


def test_the_zone_list_for_visitors_leaves_out_the_zones_of_the_open_sea(client):
    page = client.get("/timezone/").content.decode()
    assert 'value="Europe/Paris"' in page and 'value="Etc/GMT+2"' not in page


def test_a_polar_night_submission_is_stored_with_its_reason(client):
    client.post(
        "/lights/submit/",
        submission(
            landmark="Svalbard Museum",
            city="Longyearbyen",
            country="Norway",
            latitude="78.2232",
            longitude="15.6267",
            start_date="2021-12-21",
            end_kind="unknown",
            end_date="",
            end_time="",
        ),
    )
    lighting = Lighting.objects.get()
    assert lighting.starts_at is None
    assert "polar night" in lighting.timing_note


def test_submission_honeypot_rate_limit_and_csrf(client, settings):
    response = client.post("/lights/submit/", submission(website="spam"))
    assert response.status_code == 200 and not Lighting.objects.exists()
    settings.MARSWEB_RATE_LIMITS = {"address": (2, 600), "email": (5, 600)}
    statuses = [
        client.post("/lights/submit/", submission(landmark=f"Hall {n}")).status_code
        for n in range(3)
    ]
    assert statuses[-1] == 429
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/lights/submit/", submission()).status_code == 403


def test_the_submit_form_is_labelled(client):
    page = client.get("/lights/submit/").content.decode()
    for label in ("Landmark or building", "City", "Country", "Lit from", "Lit until", "Your email"):
        assert f">{label}" in page
    assert 'action="/lights/submit/"' in page


def test_staff_edit_recomputes_the_resolved_times(staff_client, seeded):
    lighting = Lighting.objects.get(landmark="Empire State Building")
    lighting.start_kind = "exact"
    lighting.start_time = datetime(2021, 1, 1, 20, 0).time()
    lighting_save(lighting=lighting)
    assert Lighting.objects.get(pk=lighting.pk).starts_at == datetime(2021, 2, 17, 1, 0, tzinfo=UTC)


def test_lights_page_queries_do_not_grow_with_content(
    client, seeded, django_assert_max_num_queries
):
    for n in range(40):
        make_lighting(landmark=f"Tower {n}")
    with django_assert_max_num_queries(1):
        assert client.get("/lights/").status_code == 200


def test_tonight_and_the_nights_ahead_come_first_and_earlier_nights_last(client, seeded):
    with time_machine.travel(datetime(2030, 1, 10, 12, 0, tzinfo=UTC), tick=False):
        make_lighting(
            landmark="Town hall",
            city="Lyon",
            latitude="45.76",
            longitude="4.84",
            start_date=datetime(2030, 1, 11).date(),
        )
        page = client.get("/lights/").content.decode()
    coming = page.index("Night of Friday 11 January 2030")
    earlier = page.index('<h2 id="past-nights-title">Earlier nights</h2>')
    assert coming < page.index('id="night-tba"') < earlier
    # Earlier nights, the latest first.
    assert (
        earlier
        < page.index("Night of Wednesday 17 February 2021")
        < page.index("Night of Tuesday 16 February 2021")
    )


def test_the_submit_form_says_what_is_optional_once_and_what_depends_on_a_choice(client):
    page = " ".join(client.get("/lights/submit/").content.decode().split())
    assert "(optional) <span" not in page and "(optional) (optional)" not in page
    assert '<label for="id_note">Note <span class="small">(optional)</span></label>' in page
    # Dates and times are needed or not by the choice above them, and say when.
    assert '<label for="id_start_date">Start date (local)</label>' in page
    assert "Needed unless the start is “Not announced yet”." in page
    assert '<label for="id_end_time">End time (local)</label>' in page  # no "24-hour"
    assert "24-hour" not in page


def test_a_submission_with_mistakes_leads_with_a_summary_linking_each_field(client):
    response = client.post(
        "/lights/submit/", submission(landmark="", city="Atlantis", latitude="", longitude="")
    )
    page = " ".join(response.content.decode().split())
    assert response.status_code == 400
    summary = re.search(r'<div class="error-summary".*?</div>', page).group(0)
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    assert '<a href="#id_landmark">Landmark or building: This field is required.</a>' in summary
    assert '<a href="#id_city">City: We could not find this city in our list.' in summary


def test_the_lighting_form_is_on_the_citys_clock_and_names_it(staff_client, seeded):
    empire = Lighting.objects.get(landmark="Empire State Building")
    page = staff_client.get(f"/admin/lights/lighting/{empire.pk}/change/").content.decode()
    assert "Dates and times on the city's clock, America/New_York" in page
    assert "Tue 16 Feb 2021, 17:32 EST (22:32 UTC)" in page  # the resolved start, read-only
    assert re.search(r'<select name="time_zone"[^>]*>', page)
    listing = staff_client.get("/admin/lights/lighting/").content.decode()
    assert "Wed 17 Feb 2021, 02:00 EST (07:00 UTC)" in listing


def test_the_world_map_outline_is_small_enough_for_a_phones_first_screen():
    """The map is the largest thing /lights/ paints: its outline was 19 KB compressed
    (absolute coordinates), now 11 KB (each point relative to the one before)."""
    outline = (Path(settings.BASE_DIR) / "static" / "img" / "world-land.svg").read_bytes()
    assert len(gzip.compress(outline)) < 12_000
    path = re.search(rb' d="([^"]+)"', outline).group(1)
    assert path.count(b"M") == path.count(b"l") > 100  # rings, each one relative line
