"""Share cards (marsweb.cards): what a link preview shows of each page, read as a crawler
reads it: the page's Open Graph and Twitter tags, then the picture at their address."""

import re
from datetime import timedelta
from html import unescape
from io import BytesIO
from unittest import mock

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from events.models import Event
from marsweb import cards
from marsweb.cards import Card, card_png
from tests.conftest import SITE_NOW

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "mission": "/missions/perseverance-rehearsal/",
    "event": "/events/perseverance-virtual-nasa-social-rehearsal/",
    "lights": "/lights/",
}
MAX_BYTES = 300_000


def meta(html: str) -> dict[str, str]:
    """The page's <meta property|name=… content=…> tags, as a link-preview crawler reads them."""
    return {
        key: unescape(value)
        for key, value in re.findall(
            r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html
        )
    }


def preview(path: str) -> tuple[dict[str, str], Image.Image, object]:
    tags = meta(Client().get(path).content.decode())
    image_url = tags["og:image"]
    assert image_url.startswith("http://127.0.0.1:8000/")
    answer = Client().get(image_url.removeprefix("http://127.0.0.1:8000"))
    assert answer.status_code == 200, image_url
    return tags, Image.open(BytesIO(answer.content)), answer


@pytest.mark.parametrize("language", ["", "/es", "/ar"])
@pytest.mark.parametrize("page", PAGES)
def test_a_link_preview_shows_the_pages_own_card(site_at_now, page, language):
    tags, image, answer = preview(language + PAGES[page])
    assert tags["twitter:card"] == "summary_large_image"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:type"] == "image/png"
    assert tags["twitter:image"] == tags["og:image"]
    assert re.search(r"/card-[0-9a-f]{16}\.png$", tags["og:image"])
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert len(answer.content) < MAX_BYTES
    assert answer["Cache-Control"] == "public, max-age=31536000, immutable"
    # The alt text says what the card says; the PNG carries it too.
    assert tags["og:image:alt"] and image.text["Description"] == tags["og:image:alt"]


def test_cards_name_their_page_its_key_time_and_the_time_to_go(site_at_now):
    mission, _image, _answer = preview(PAGES["mission"])
    assert mission["og:image:alt"].startswith("Perseverance (Rehearsal) · ")
    assert "Touchdown, as Earth will hear it: Thu 10 Jan 2030, 12:30 UTC" in mission["og:image:alt"]
    assert mission["og:image:alt"].endswith("In 30 minutes")
    event, _image, _answer = preview(PAGES["event"])
    assert "Starts: " in event["og:image:alt"] and "PST" in event["og:image:alt"]
    spanish, _image, _answer = preview("/es" + PAGES["mission"])
    assert spanish["og:image:alt"].endswith("En 30 minutos")


def test_a_card_is_drawn_once_then_served_from_memory_without_a_query(
    site_at_now, django_assert_num_queries
):
    url = meta(Client().get(PAGES["event"]).content.decode())["og:image"]
    path = url.removeprefix("http://127.0.0.1:8000")
    with mock.patch.object(cards, "card_png", wraps=card_png) as draw:
        first = Client().get(path).content
        with django_assert_num_queries(0):
            again = Client().get(path)
        assert again.content == first
        # Another process (its memory empty) takes it from the shared cache.
        caches["default"].clear()
        assert Client().get(path).content == first
    assert draw.call_count == 1


def test_a_changed_page_gets_a_new_card_and_the_old_address_leads_to_it(site_at_now):
    old = meta(Client().get(PAGES["event"]).content.decode())["og:image"]
    event = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    event.title = "Watch party, moved"
    event.save()
    caches["default"].clear()
    new = meta(Client().get(PAGES["event"]).content.decode())["og:image"]
    assert new != old
    moved = Client().get(old.removeprefix("http://127.0.0.1:8000"))
    assert moved.status_code == 302
    assert moved["Location"] == new.removeprefix("http://127.0.0.1:8000")
    # As the countdown moves on, so does the card's address.
    before = meta(Client().get(PAGES["mission"]).content.decode())["og:image"]
    with time_machine.travel(SITE_NOW + timedelta(minutes=10), tick=False):
        caches["default"].clear()
        later = meta(Client().get(PAGES["mission"]).content.decode())
    assert later["og:image"] != before
    assert later["og:image:alt"].endswith("In 20 minutes")


@pytest.mark.parametrize(
    "path",
    [
        "/missions/no-such-mission/card-0123456789abcdef.png",
        "/events/no-such-event/card-0123456789abcdef.png",
        "/missions/perseverance/card-NOTHEX.png",
    ],
)
def test_a_card_for_nothing_is_not_found(site_at_now, path):
    assert Client().get(path).status_code == 404


def test_a_card_never_shows_an_attendees_name_or_email(site_at_now):
    _tags, image, answer = preview(PAGES["event"])
    text = image.text["Description"] + answer.content.decode("latin-1")
    assert [person.name for person in site_at_now.values() if person.name in text] == []
    assert [person.email for person in site_at_now.values() if person.email in text] == []


ANY_TITLE = st.one_of(
    st.text(min_size=1, max_size=200),
    st.text(alphabet=st.characters(categories=["So"]), min_size=1, max_size=40),  # emoji only
    st.just("火星着陆之夜 " * 800 + "ليلة الهبوط على المريخ " * 300 + "Mars " * 600),
    st.just("x" * 10_000),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TITLE, language=st.sampled_from(["en", "es", "ar"]))
@example(title="\x1e", language="en")  # found by this test: libraqm failed on a separator
@example(title="\u2029\u0000 \u202e", language="ar")
def test_any_title_gives_a_readable_card_within_the_size_limit(title, language):
    card = Card(
        eyebrow=title[:80], title=title, when=title[:40], countdown="In 3 days", language=language
    )
    png = card_png(card)
    image = Image.open(BytesIO(png))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert len(png) < MAX_BYTES
    assert image.text["Title"] == title  # drawn as text, kept as typed
