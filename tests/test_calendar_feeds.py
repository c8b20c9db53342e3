"""Calendar feeds a calendar app subscribes to (webcal://): every event, each mission's
timeline, every lighting, one city's lightings. Read with two independent parsers; kept up
to date (stable UIDs, SEQUENCE grows on change); cheap to refresh (ETag, Last-Modified,
304); and never anything of an attendee's."""

from datetime import date, time, timedelta

import pytest
import vobject
from django.core.cache import caches
from django.test import Client
from icalendar import Calendar

from events.models import Event
from lights.models import Lighting
from missions.models import Mission
from tests.factories import make_lighting

pytestmark = pytest.mark.django_db

FEEDS = {
    "every event": "/events/calendar.ics",
    "a mission's timeline": "/missions/perseverance/calendar.ics",
    "every lighting": "/lights/calendar.ics",
    "one city's lightings": "/lights/new-york/calendar.ics",
}


def entries(body: bytes) -> dict[str, dict]:
    """Each entry of the feed by UID: its summary, start and SEQUENCE, as icalendar reads
    them; vobject (another parser, written independently) must read the same."""
    calendar = Calendar.from_ical(body)
    read = {
        str(entry["UID"]): {
            "summary": str(entry["SUMMARY"]),
            "start": entry.decoded("DTSTART"),
            "sequence": int(entry.get("SEQUENCE", 0)),
        }
        for entry in calendar.walk("VEVENT")
    }
    other = vobject.readOne(body.decode())
    assert {
        entry.uid.value: (entry.summary.value, entry.dtstart.value)
        for entry in other.contents.get("vevent", [])
    } == {uid: (entry["summary"], entry["start"]) for uid, entry in read.items()}
    return read


@pytest.mark.parametrize("path", FEEDS.values(), ids=FEEDS.keys())
def test_every_feed_is_a_subscribable_calendar_both_parsers_read(site_at_now, path):
    answer = Client().get(path)
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/calendar; charset=utf-8"
    body = answer.content
    calendar = Calendar.from_ical(body)
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in body
    assert str(calendar["X-WR-CALNAME"])
    found = entries(body)
    assert found, "the seed has something for every feed"
    # The same bytes, the same UIDs, on every request.
    assert Client().get(path).content == body


def test_the_timeline_feed_has_each_milestone_at_the_time_earth_heard_it(site_at_now):
    mission = Mission.objects.get(slug="perseverance")
    found = entries(Client().get("/missions/perseverance/calendar.ics").content)
    touchdown = mission.milestones.get(kind="touchdown")
    entry = found[next(uid for uid in found if uid.startswith(f"milestone-{touchdown.pk}@"))]
    assert entry["start"] == touchdown.earth_received_at
    assert entry["summary"] == f"Perseverance: {touchdown.title}"


def test_a_refresh_with_nothing_changed_is_a_304_and_a_change_is_not(site_at_now):
    client = Client()
    first = client.get("/events/calendar.ics")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/events/calendar.ics", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/events/calendar.ics", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    event = Event.objects.get(slug="perseverance-virtual-nasa-social")
    event.title = "Virtual NASA Social, moved"
    event.save()
    changed = client.get("/events/calendar.ics", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    summaries = [entry["summary"] for entry in entries(changed.content).values()]
    assert "Virtual NASA Social, moved" in summaries


def test_an_attendees_calendar_entry_updates_when_the_event_moves(site_at_now):
    """The event's own file (the one an attendee adds from their page and emails) has the
    feed's UID, and its SEQUENCE grows with each change a calendar shows."""
    path = "/events/perseverance-virtual-nasa-social-rehearsal/calendar.ics"
    (uid, before), *_ = entries(Client().get(path).content).items()
    event = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save()
    after = entries(Client().get(path).content)[uid]
    assert after["sequence"] == before["sequence"] + 1
    assert after["start"] == before["start"] + timedelta(hours=1)
    assert uid in entries(Client().get("/events/calendar.ics").content)
    # A save that changes nothing a calendar shows leaves the SEQUENCE as it was.
    event.refresh_from_db()
    event.capacity = 500
    event.save()
    assert entries(Client().get(path).content)[uid]["sequence"] == after["sequence"]


def test_a_city_subscription_picks_up_a_newly_approved_lighting(site_at_now, staff_client):
    client = Client()
    path = "/lights/chicago/calendar.ics"
    before = entries(client.get(path).content)
    etag = client.get(path)["ETag"]
    lighting = make_lighting(
        landmark="Wrigley Field marquee",
        city="Chicago",
        country="United States",
        latitude="41.9484",
        longitude="-87.6553",
        time_zone="America/Chicago",
        end_kind="exact",
        end_date=date(2021, 2, 19),
        end_time=time(1, 0),
        is_published=False,
        moderation="pending",
    )
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    staff_client.post(
        "/admin/lights/lighting/", {"action": "approve", "_selected_action": [lighting.pk]}
    )
    caches["default"].clear()
    refreshed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert refreshed.status_code == 200
    after = entries(refreshed.content)
    assert set(after) - set(before) == {
        next(uid for uid in after if uid.startswith(f"lighting-{lighting.pk}@"))
    }
    assert (
        after[next(iter(set(after) - set(before)))]["summary"]
        == "Wrigley Field marquee lit red for Mars"
    )
    # Other cities' feeds do not carry it.
    assert b"Wrigley" not in client.get("/lights/new-york/calendar.ics").content


@pytest.mark.parametrize("city", ["atlantis", "no-such-city", "chicago-2"])
def test_a_feed_for_a_city_with_no_lightings_is_not_found(site_at_now, city):
    answer = Client().get(f"/lights/{city}/calendar.ics")
    assert answer.status_code == 404
    assert "text/html" in answer["Content-Type"]


def test_no_feed_carries_an_attendees_name_email_token_or_join_link(site_at_now):
    event = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    event.join_url = "https://example.org/join/secret-room"
    event.save()
    private = [
        *(rsvp.name for rsvp in site_at_now.values()),
        *(rsvp.email for rsvp in site_at_now.values()),
        *(rsvp.token for rsvp in site_at_now.values()),
        "secret-room",
    ]
    for path in [*FEEDS.values(), f"{event.get_absolute_url()}calendar.ics"]:
        body = Client().get(path).content.decode()
        assert [text for text in private if text in body] == [], path


def test_pages_offer_each_feed_to_subscribe_to_and_to_download(site_at_now):
    for page, feed in (
        ("/events/", "/events/calendar.ics"),
        ("/missions/perseverance/", "/missions/perseverance/calendar.ics"),
        ("/lights/", "/lights/calendar.ics"),
        ("/lights/", "/lights/chicago/calendar.ics"),
    ):
        html = Client().get(page).content.decode()
        assert f'href="webcal://127.0.0.1:8000{feed}"' in html, (page, feed)
    assert 'href="/events/calendar.ics"' in Client().get("/events/").content.decode()


def test_a_feed_speaks_the_language_of_its_address(site_at_now):
    spanish = Calendar.from_ical(Client().get("/es/lights/chicago/calendar.ics").content)
    assert (
        str(spanish["X-WR-CALNAME"])
        == "Aterrizaje en Marte: monumentos iluminados de rojo en Chicago"
    )
    assert Lighting.objects.filter(city_slug="chicago").exists()


def test_a_city_whose_lightings_await_their_times_is_a_valid_calendar_of_its_zone(site_at_now):
    """Before, Chicago's feed (one lighting, its timing not announced) was a calendar with
    no component at all, which RFC 5545 does not allow."""
    body = Client().get("/lights/chicago/calendar.ics").content
    calendar = Calendar.from_ical(body)
    assert calendar.walk("VEVENT") == []
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/Chicago"
    assert vobject.readOne(body.decode()).vtimezone.tzid.value == "America/Chicago"
    # A city with events gets no extra component, and names zones as people do.
    new_york = Client().get("/lights/new-york/calendar.ics").content.decode()
    assert "VTIMEZONE" not in new_york
    assert "(New York (EST))" in new_york.replace("\r\n ", "")
    assert "America/New_York" not in new_york


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("", "Heard on Earth 11 min 22 s after it happened at Mars."),
        ("/es", "Se supo en la Tierra 11 min 22 s después de ocurrir en Marte."),
    ],
)
def test_the_timeline_feed_gives_the_signals_delay_in_the_feeds_language(
    site_at_now, language, said
):
    body = Client().get(f"{language}/missions/perseverance/calendar.ics").content
    touchdown = Mission.objects.get(slug="perseverance").milestones.get(kind="touchdown")
    (entry,) = [
        entry
        for entry in Calendar.from_ical(body).walk("VEVENT")
        if str(entry["UID"]).startswith(f"milestone-{touchdown.pk}@")
    ]
    assert said in str(entry["DESCRIPTION"])
