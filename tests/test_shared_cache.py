"""Nothing in the shared cache lives for ever: after a burst of what visitors do (pages and
their fragments in every language, share cards, calendar and live feeds, the map's data,
sign-ups), every key in the real Redis has an expiry.

Before, share cards ("card:…") and the "first served" stamps of feeds were stored with no
timeout: a site that lives through many landings, or a stranger who makes it draw many
cards, would fill Redis for ever.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from events.models import Event

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
PAGES = ("/", "/missions/perseverance/", "/events/", "/lights/")
FEEDS = (
    "/missions/perseverance/calendar.ics",
    "/missions/perseverance/live.atom",
    "/events/calendar.ics",
    "/lights/calendar.ics",
    "/lights.geojson",
)
FRAGMENTS = ("/missions/perseverance/countdown/", "/missions/perseverance/live/")


def card_path(html: str) -> str:
    """The share card a page names (og:image), as a path on this site."""
    return urlsplit(re.search(r'<meta property="og:image" content="([^"]+)"', html)[1]).path


def test_after_a_burst_of_visits_no_shared_cache_key_lives_for_ever(redis_cache, site_at_now):
    visitor = Client()
    cards = set()
    for language in ("", "/es", "/ar"):
        for path in PAGES:
            page = visitor.get(language + path)
            assert page.status_code == 200, path
            cards.add(card_path(page.content.decode()))
        for path in FRAGMENTS:
            assert visitor.get(language + path, **HX).status_code == 200, path
    for path in sorted(cards):
        if path.endswith(".png") and "/card-" in path:
            assert visitor.get(path).status_code == 200, path
    for path in FEEDS:
        assert visitor.get(path).status_code == 200, path
    party = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    for n in range(3):
        answer = visitor.post(
            f"/events/{party.slug}/rsvp/",
            {"name": f"Visitor {n}", "email": f"visitor{n}@example.org", "website": ""},
        )
        assert answer.status_code == 303

    redis = redis_cache._cache.get_client()
    prefix = redis_cache.make_key("")
    ttls = {
        key.decode().removeprefix(prefix): redis.ttl(key) for key in redis.scan_iter(prefix + "*")
    }
    # -2: gone between being listed and asked (a second's fragment expires meanwhile on a
    # busy machine); -1 alone is a key without an expiry.
    ttls = {key: ttl for key, ttl in ttls.items() if ttl != -2}
    kinds = {key.split(":")[0] + ":" + key.split(":")[1] for key in ttls}
    # What the burst stored: drawn cards, feeds' first-served stamps, rate-limit counts.
    assert {"drawn:card", "ratelimit:rsvp"} <= kinds, kinds
    assert any(key.startswith("first-served:") for key in ttls), kinds
    assert {key: ttl for key, ttl in ttls.items() if ttl == -1} == {}
    # A drawn card is kept a week, a first-served stamp a month: no longer.
    assert max(ttls.values()) <= 30 * 24 * 3600
