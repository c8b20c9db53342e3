"""Hostile input, generated: never a 500, always a clear 4xx page, nothing stored changed."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Event, Rsvp
from lights.models import Lighting
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any Unicode, including control characters, surrogates-free, NUL and huge strings.
ANY_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=20000),
    st.sampled_from(
        [
            "\x00",
            "\r\nBcc: x@example.org",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "../../etc/passwd",
            "😀" * 200,
        ]
    ),
)


@pytest.fixture
def world(settings):
    settings.MARSWEB_RATE_LIMITS = {"address": (1_000_000, 600), "email": (1_000_000, 600)}
    event = make_event(slug="party", capacity=2)
    seated = make_rsvp(event, status="seated", name="Seated Person", email="seated@example.org")
    return event, seated


def snapshot():
    return (
        list(Rsvp.objects.order_by("pk").values()),
        list(Event.objects.order_by("pk").values()),
        list(Lighting.objects.order_by("pk").values()),
    )


def assert_clear_answer(response):
    assert response.status_code < 500, response.status_code
    if response.status_code >= 400 and response.get("Content-Type", "").startswith("text/html"):
        assert b"<h1" in response.content  # a page a person can read, in the site's look


@HYPOTHESIS
@given(name=ANY_TEXT, email=ANY_TEXT, website=st.one_of(st.just(""), ANY_TEXT))
def test_rsvp_form_takes_anything_without_a_500(client, world, name, email, website):
    _, seated = world
    before = Rsvp.objects.filter(pk=seated.pk).values().get()
    response = client.post(
        "/events/party/rsvp/", {"name": name, "email": email, "website": website}
    )
    assert_clear_answer(response)
    assert Rsvp.objects.filter(pk=seated.pk).values().get() == before
    assert Rsvp.objects.filter(email=None).count() == 0


@HYPOTHESIS
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "landmark",
                "city",
                "country",
                "latitude",
                "longitude",
                "start_kind",
                "start_date",
                "start_time",
                "end_kind",
                "end_date",
                "end_time",
                "note",
                "submitter_email",
            ]
        ),
        ANY_TEXT,
    )
)
def test_lights_submission_takes_anything_without_a_500(client, world, fields):
    before = Lighting.objects.filter(is_published=True).count()
    response = client.post("/lights/submit/", fields)
    assert_clear_answer(response)
    assert Lighting.objects.filter(is_published=True).count() == before


@HYPOTHESIS
@given(token=ANY_TEXT)
def test_token_urls_take_anything_without_a_500(client, world, token):
    before = snapshot()
    quoted = quote(token[:500], safe="")
    for path in (
        f"/rsvp/{quoted}/",
        f"/rsvp/{quoted}/confirm/",
        f"/rsvp/{quoted}/cancel/",
        f"/rsvp/{quoted}/boarding-pass.png",
    ):
        assert_clear_answer(client.get(path))
        assert_clear_answer(client.post(path))
    assert snapshot() == before


@HYPOTHESIS
@given(at=ANY_TEXT, tz=ANY_TEXT)
def test_query_strings_and_cookies_take_anything(client, world, at, tz):
    assert_clear_answer(client.get("/mars-time/", {"at": at}))
    assert_clear_answer(client.post("/timezone/", {"tz": tz, "next": at}))
    # A real server hands cookie bytes to Django decoded as Latin-1, whatever they were.
    client.cookies["tz"] = tz.replace(";", "")[:200].encode("utf-8").decode("latin-1")
    assert_clear_answer(client.get("/lights/"))
    assert_clear_answer(client.get("/missions/", {"page": at}))


def test_a_forged_signature_on_a_genuine_token_is_refused(client, world):
    event, _ = world
    pending = make_rsvp(event)
    response = client.post(f"/rsvp/{pending.token}:1xW1Rj:forged-signature/confirm/")
    assert response.status_code == 404
    assert Rsvp.objects.get(pk=pending.pk).status == "pending"


URLS = [
    "/",
    "/missions/",
    "/missions/perseverance/countdown/",
    "/mars-time/",
    "/events/",
    "/events/party/",
    "/events/party/rsvp/",
    "/events/party/rsvp/sent/",
    "/events/party/calendar.ics",
    "/lights/",
    "/lights/submit/",
    "/lights/calendar.ics",
    "/timezone/",
    "/healthz",
    "/robots.txt",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_wrong_methods_get_405(client, world, url, method):
    before = snapshot()
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert snapshot() == before


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x"],
)
def test_odd_content_types_are_refused_cleanly(client, world, content_type):
    before = snapshot()
    response = client.post(
        "/events/party/rsvp/",
        data=b'{"name": "Ada", "email": "ada@example.org"}',
        content_type=content_type,
    )
    assert response.status_code == 400
    assert snapshot() == before


def test_an_oversized_body_is_refused_with_413_or_400(client, world):
    before = snapshot()
    response = client.post(
        "/events/party/rsvp/", {"name": "A" * 3_000_000, "email": "ada@example.org"}
    )
    assert response.status_code in (400, 413)
    assert snapshot() == before


@pytest.mark.parametrize("url", ["/events/party/rsvp/", "/lights/submit/", "/timezone/"])
def test_missing_or_stale_csrf_tokens_are_refused(world, url):
    before = snapshot()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url, {"name": "Ada", "email": "ada@example.org"}).status_code == 403
    strict.cookies["csrftoken"] = "a" * 32
    stale = strict.post(
        url, {"name": "Ada", "email": "ada@example.org", "csrfmiddlewaretoken": "b" * 32}
    )
    assert stale.status_code == 403
    assert b"<h1" in stale.content
    assert snapshot() == before
