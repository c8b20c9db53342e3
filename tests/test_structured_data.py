"""schema.org structured data (JSON-LD) on every public page: a breadcrumb trail everywhere,
an Event on each event page and on each mission page with a landing, each with the
properties Google's event guidelines require and recommend, in schema.org's vocabulary."""

import json
import re
from datetime import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client

from events.models import Event, Rsvp
from tests.conftest import SITE_NOW
from tests.test_public_responses import requests_to_make

pytestmark = pytest.mark.django_db

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SCHEMA = "https://schema.org"
# The schema.org properties each type may carry here (from schema.org's own definitions of
# these types and the types they extend: Thing, Event, Offer, ListItem…).
VOCABULARY = {
    "BreadcrumbList": {"@context", "@type", "itemListElement"},
    "ListItem": {"@type", "position", "name", "item"},
    "Event": {
        "@context", "@type", "@id", "name", "description", "url", "startDate", "endDate",
        "eventAttendanceMode", "eventStatus", "location", "image", "organizer", "offers",
        "performer", "about", "isAccessibleForFree",
    },
    "Offer": {"@type", "url", "price", "priceCurrency", "availability", "validFrom"},
    "VirtualLocation": {"@type", "url"},
    "Organization": {"@type", "name", "url"},
    "Thing": {"@type", "name"},
    "Place": {"@type", "name"},
    "LiveBlogPosting": {
        "@context", "@type", "@id", "url", "headline", "about", "coverageStartTime",
        "coverageEndTime", "liveBlogUpdate", "datePublished", "dateModified", "inLanguage",
    },
    "BlogPosting": {
        "@type", "@id", "url", "headline", "articleBody", "datePublished", "dateModified", "image",
    },
}  # fmt: skip
# Google's event guidelines: required, then recommended.
EVENT_REQUIRED = {"name", "startDate", "location"}
EVENT_RECOMMENDED = {
    "description", "endDate", "eventAttendanceMode", "eventStatus", "image", "offers",
    "organizer", "performer",
}  # fmt: skip
OFFER_RECOMMENDED = {"availability", "price", "priceCurrency", "url", "validFrom"}
AVAILABILITY = {"InStock", "LimitedAvailability", "SoldOut", "Discontinued", "PreOrder"}


def blocks(html: str) -> list[dict]:
    return [json.loads(text) for text in BLOCK.findall(html)]


def check_vocabulary(node, where: str) -> None:
    """Every object's properties belong to its type; nested objects too."""
    if isinstance(node, list):
        for item in node:
            check_vocabulary(item, where)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    assert kind in VOCABULARY, f"{where}: unknown type {kind}"
    assert set(node) <= VOCABULARY[kind], f"{where}: {set(node) - VOCABULARY[kind]} on {kind}"
    if "@context" in node:
        assert node["@context"] == SCHEMA
    for value in node.values():
        check_vocabulary(value, where)


def offset_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text}: a time without its offset"
    return moment


def check_event(event: dict, where: str) -> None:
    assert set(event) >= EVENT_REQUIRED, f"{where}: lacks {EVENT_REQUIRED - set(event)}"
    assert set(event) >= EVENT_RECOMMENDED, f"{where}: lacks {EVENT_RECOMMENDED - set(event)}"
    assert offset_time(event["startDate"]) <= offset_time(event["endDate"])
    assert event["eventAttendanceMode"] == f"{SCHEMA}/OnlineEventAttendanceMode"
    assert event["location"]["@type"] == "VirtualLocation"
    assert event["location"]["url"].startswith("http")
    assert event["eventStatus"] == f"{SCHEMA}/EventScheduled"
    assert all(image.startswith("http") for image in event["image"])
    assert event["organizer"]["name"] and event["organizer"]["url"].startswith("http")
    assert event["performer"]["name"]
    offer = event["offers"]
    assert set(offer) >= OFFER_RECOMMENDED, f"{where}: offer lacks {OFFER_RECOMMENDED - set(offer)}"
    assert offer["availability"].removeprefix(f"{SCHEMA}/") in AVAILABILITY
    assert offset_time(offer["validFrom"]) <= offset_time(event["startDate"])


def check_breadcrumbs(trail: dict, path: str) -> None:
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0]["item"] == "http://127.0.0.1:8000/" or items[0]["item"].endswith(
        ("/es/", "/ar/")
    )
    assert all(item["name"] and item["item"].startswith("http://127.0.0.1:8000/") for item in items)


def test_every_public_page_has_valid_structured_data(site):
    checked = {"pages": 0, "events": 0}
    with time_machine.travel(SITE_NOW, tick=False):
        for method, path, _data, headers in requests_to_make():
            if method != "GET" or headers.get("HTTP_HX_REQUEST"):
                continue
            answer = Client().get(path, **headers)
            if answer.status_code != 200 or "text/html" not in answer.get("Content-Type", ""):
                continue
            found = blocks(answer.content.decode())
            kinds = [block["@type"] for block in found]
            assert kinds.count("BreadcrumbList") == 1, path
            for block in found:
                check_vocabulary(block, path)
                if block["@type"] == "BreadcrumbList":
                    check_breadcrumbs(block, path)
                if block["@type"] == "Event":
                    check_event(block, path)
                    checked["events"] += 1
            checked["pages"] += 1
    assert checked["pages"] > 20 and checked["events"] >= 5, checked


def test_an_event_page_names_the_event_and_its_trail(site):
    with time_machine.travel(SITE_NOW, tick=False):
        html = Client().get("/events/perseverance-virtual-nasa-social/").content.decode()
    trail, event = blocks(html)
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Home",
        "Events",
        "Virtual NASA Social: Perseverance lands on Mars",
    ]
    assert event["name"] == "Virtual NASA Social: Perseverance lands on Mars"
    assert event["startDate"] == "2021-02-18T09:00:00-08:00"  # on its own zone's clock


def test_the_offer_follows_the_seats_left(site):
    party = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    party.capacity = Rsvp.objects.filter(event=party, status="seated").count()
    party.save()

    def availability() -> str:
        caches["default"].clear()  # a page is kept for the rest of its second
        with time_machine.travel(SITE_NOW, tick=False):
            html = Client().get(party.get_absolute_url()).content.decode()
        return blocks(html)[-1]["offers"]["availability"]

    assert availability() == f"{SCHEMA}/SoldOut"
    party.capacity += 5
    party.save()
    assert availability() == f"{SCHEMA}/LimitedAvailability"
    party.capacity = None
    party.save()
    assert availability() == f"{SCHEMA}/InStock"


def test_a_mission_page_has_its_landing_as_an_event_at_the_time_earth_heard_it(site):
    with time_machine.travel(SITE_NOW, tick=False):
        html = Client().get("/missions/perseverance/").content.decode()
    landing = next(block for block in blocks(html) if block["@type"] == "Event")
    assert landing["name"] == "Perseverance lands on Mars"
    assert landing["startDate"] == "2021-02-18T20:55:00+00:00"
    assert landing["about"] == {
        "@type": "Place",
        "name": "Jezero Crater (Octavia E. Butler Landing)",
    }


def test_structured_data_speaks_the_pages_language(site):
    with time_machine.travel(SITE_NOW, tick=False):
        html = Client().get("/es/missions/perseverance/").content.decode()
    trail, *rest = blocks(html)
    assert [item["name"] for item in trail["itemListElement"]][:2] == ["Inicio", "Misiones"]
    assert trail["itemListElement"][1]["item"] == "http://127.0.0.1:8000/es/missions/"
    landing = next(block for block in rest if block["@type"] == "Event")
    assert landing["name"] == "Perseverance aterriza en Marte"


def test_text_in_structured_data_cannot_close_its_element(site):
    party = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    party.title = "</script><script>alert(1)</script>"
    party.save()
    with time_machine.travel(SITE_NOW, tick=False):
        html = Client().get(party.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert blocks(html)[-1]["name"] == "</script><script>alert(1)</script>"
