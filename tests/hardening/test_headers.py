"""Security and caching headers on every page, with production settings."""

import pytest
from django.core import mail

from events.models import Rsvp
from events.seed_data import EVENTS
from events.seeding import events_seed
from lights.seed_data import LIGHTINGS
from lights.seeding import lightings_seed
from missions.models import Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/missions/",
    "/missions/perseverance/",
    "/missions/perseverance/countdown/",
    "/mars-time/",
    "/events/",
    "/events/perseverance-virtual-nasa-social/",
    "/events/perseverance-virtual-nasa-social/rsvp/sent/",
    "/lights/",
    "/lights/submit/",
    "/timezone/",
    "/robots.txt",
    "/healthz",
    "/missions/nope/",
    "/admin/login/",
]


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.MARSWEB_TZ_COOKIE_NAME = "__Host-tz"
    missions_seed(missions=MISSIONS)
    events_seed(events=EVENTS)
    lightings_seed(lightings=LIGHTINGS)


def get(client, url, **extra):
    return client.get(url, secure=True, HTTP_X_FORWARDED_PROTO="https", **extra)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_the_security_headers(client, production, url):
    response = get(client, url)
    assert response.status_code < 500
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert int(response["Strict-Transport-Security"].split("max-age=")[1].split(";")[0]) >= 31536000
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_plain_http_is_redirected_to_https(client, production):
    response = client.get("/missions/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/missions/"


def test_forms_set_host_locked_secure_cookies(client, production):
    response = get(client, "/timezone/")
    cookie = response.cookies["__Host-csrftoken"]
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]


def test_the_time_zone_choice_is_a_host_locked_secure_cookie(client, production):
    response = client.post(
        "/timezone/",
        {"tz": "Asia/Tokyo", "next": "/missions/"},
        secure=True,
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert response.status_code == 302
    cookie = response.cookies["__Host-tz"]
    assert cookie.value == "Asia/Tokyo"
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
    assert "tz" not in response.cookies
    page = get(client, "/missions/perseverance/").content.decode()
    assert "Times are shown in <strong data-visitor-zone>Tokyo (JST)</strong>" in page


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/timezone/", {}),
        ("post", "/timezone/", {"tz": "Asia/Tokyo", "next": "/"}),
        ("post", "/timezone/", {"tz": "Mars/Jezero"}),
    ],
)
def test_pages_that_set_a_visitors_cookie_are_private_and_revalidated(
    client, production, method, url, data
):
    # They set the CSRF or the zone cookie: a shared cache must never keep or replay them.
    response = getattr(client, method)(url, data, secure=True, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code in (200, 302, 400)
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= directives


def test_attendee_pages_are_never_stored_by_caches(client, production):
    event = make_event(slug="party")
    rsvp = make_rsvp(event, status="seated")
    for url in (
        f"/rsvp/{rsvp.token}/",
        f"/rsvp/{rsvp.token}/cancel/",
        f"/rsvp/{rsvp.token}/boarding-pass.png",
    ):
        response = get(client, url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    assert mail.outbox == [] and Rsvp.objects.count() == 1


def test_the_countdown_fragment_is_cacheable_by_anyone(client, production):
    rehearsal = mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=10)
    response = get(client, f"/missions/{rehearsal.slug}/countdown/", HTTP_HX_REQUEST="true")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "s-maxage=" in response["Cache-Control"]
    assert response["Vary"] == "HX-Request"
    assert "Set-Cookie" not in response
