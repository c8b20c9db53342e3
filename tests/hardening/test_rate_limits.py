"""Who a client is behind our proxies, and the limits on public POSTs that count by it."""

import ipaddress
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory

from events.models import Rsvp
from lights.models import Lighting
from marsweb import ratelimit
from marsweb.models import RateCount
from tests.factories import lighting_submission, make_event

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)
BALANCER = "10.0.0.2"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def behind_balancer(settings):
    settings.MARSWEB_TRUSTED_PROXY_IPS = (ipaddress.ip_network("10.0.0.0/8"),)


def address_of(remote_addr: str, forwarded: str | None = None) -> str:
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return ratelimit.client_address(RequestFactory().post("/", REMOTE_ADDR=remote_addr, **extra))


def sign_up(client, event, email, name="Ada Lovelace"):
    return client.post(f"/events/{event.slug}/rsvp/", {"name": name, "email": email, "website": ""})


def visitor(address: str) -> Client:
    """A browser at ``address`` reaching the app through the load balancer."""
    return Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=address)


# Who the client is


def test_a_forwarded_header_from_a_peer_that_is_not_our_proxy_is_ignored(settings):
    settings.MARSWEB_TRUSTED_PROXY_IPS = ()
    assert address_of("203.0.113.5", "198.51.100.1") == "203.0.113.5"


def test_a_client_connecting_directly_cannot_choose_its_address(behind_balancer):
    assert address_of("203.0.113.5", "10.0.0.9, 198.51.100.1") == "203.0.113.5"


def test_behind_a_listed_proxy_the_address_it_saw_is_the_client(behind_balancer):
    assert address_of(BALANCER, "198.51.100.7") == "198.51.100.7"


def test_what_a_client_writes_into_the_header_itself_is_not_believed(behind_balancer):
    assert address_of(BALANCER, "1.1.1.1, 198.51.100.7") == "198.51.100.7"


def test_a_chain_of_our_own_proxies_is_skipped(behind_balancer):
    assert address_of(BALANCER, "198.51.100.7, 10.0.0.3") == "198.51.100.7"


def test_a_garbled_header_leaves_the_last_address_our_proxies_vouched_for(behind_balancer):
    assert address_of(BALANCER, "not-an-address") == BALANCER
    assert address_of(BALANCER, "junk, 198.51.100.7") == "198.51.100.7"


def test_a_request_without_a_peer_address_has_no_client_ip_and_counts_as_unknown():
    """Before: "unknown" reached django-axes, which PostgreSQL refused as an inet (force_login)."""
    request = RequestFactory().post("/")
    del request.META["REMOTE_ADDR"]
    assert ratelimit.client_ip(request) is None
    assert ratelimit.client_address(request) == "unknown"


def test_ipv6_addresses_are_read_and_counted_per_slash_64(behind_balancer):
    assert address_of(BALANCER, "2001:db8::1") == "2001:db8::1"
    assert ratelimit._address_key("2001:db8::1") == ratelimit._address_key("2001:db8::ffff")
    assert ratelimit._address_key("2001:db8:0:1::1") != ratelimit._address_key("2001:db8::1")


# The limits, as visitors meet them


def test_behind_the_balancer_visitors_are_limited_each_on_their_own(behind_balancer, settings):
    """Before: every visitor was the balancer's address, and the 4th sign-up anywhere got 429."""
    settings.MARSWEB_RATE_LIMITS = {"address": (3, 600), "email": (5, 600)}
    event = make_event(slug="party")
    statuses = [
        sign_up(visitor(f"198.51.100.{n}"), event, f"v{n}@example.org").status_code
        for n in range(1, 11)
    ]
    assert statuses == [303] * 10
    assert Rsvp.objects.count() == 10
    one = visitor("198.51.100.200")
    statuses = [sign_up(one, event, f"s{n}@example.org").status_code for n in range(5)]
    assert statuses == [303, 303, 303, 429, 429]


def test_a_classroom_behind_one_address_can_all_sign_up():
    """The default per-address limit lets a class of 30 and their teachers in."""
    event = make_event(slug="school")
    classroom = Client(REMOTE_ADDR="192.0.2.50")
    statuses = [sign_up(classroom, event, f"pupil{n}@example.org").status_code for n in range(40)]
    assert statuses == [303] * 40


def test_one_email_address_is_limited_whatever_address_it_comes_from(settings):
    settings.MARSWEB_RATE_LIMITS = {"address": (100, 600), "email": (2, 600)}
    event = make_event(slug="party")
    statuses = [
        sign_up(Client(REMOTE_ADDR=f"192.0.2.{n}"), event, "target@example.org").status_code
        for n in range(1, 5)
    ]
    assert statuses == [303, 303, 429, 429]
    # The same person may still sign up for another event.
    other = make_event(slug="other-party")
    assert sign_up(Client(REMOTE_ADDR="192.0.2.9"), other, "target@example.org").status_code == 303


def test_a_refused_sign_up_keeps_what_the_visitor_typed(settings):
    settings.MARSWEB_RATE_LIMITS = {"address": (1, 600), "email": (5, 600)}
    event = make_event(slug="party")
    client = Client(REMOTE_ADDR="192.0.2.7")
    sign_up(client, event, "first@example.org")
    response = sign_up(client, event, "grace@example.org", name="Grace Hopper")
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    page = response.content.decode()
    assert 'value="Grace Hopper"' in page
    assert 'value="grace@example.org"' in page
    assert "please send them again in 10 minutes" in page
    assert not Rsvp.objects.filter(email="grace@example.org").exists()


def test_retry_after_counts_down_to_the_end_of_the_window(settings, clock):
    settings.MARSWEB_RATE_LIMITS = {"address": (1, 600), "email": (5, 600)}
    event = make_event(slug="party")
    client = Client(REMOTE_ADDR="192.0.2.7")
    sign_up(client, event, "first@example.org")
    clock.shift(timedelta(minutes=8, seconds=30))
    response = sign_up(client, event, "second@example.org")
    assert response.status_code == 429
    assert response["Retry-After"] == "90"
    assert "again in 2 minutes" in response.content.decode()


def test_a_refused_lighting_submission_keeps_what_was_typed(settings):
    settings.MARSWEB_RATE_LIMITS = {"address": (1, 600), "email": (5, 600)}
    client = Client(REMOTE_ADDR="192.0.2.7")
    data = lighting_submission()
    assert client.post("/lights/submit/", data).status_code == 200
    response = client.post("/lights/submit/", {**data, "landmark": "Rose Bowl"})
    assert response.status_code == 429
    assert 'value="Rose Bowl"' in response.content.decode()
    assert Lighting.objects.count() == 1


def test_admin_lockout_counts_the_client_behind_the_balancer(
    behind_balancer, django_user_model, settings
):
    """Before: axes read REMOTE_ADDR, so one stranger's wrong passwords locked out all staff."""
    django_user_model.objects.create_superuser("director", "d@example.org", "correct horse battery")
    django_user_model.objects.create_superuser("editor", "e@example.org", "another good phrase")
    stranger = visitor("198.51.100.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        stranger.post("/admin/login/", {"username": "nobody", "password": "guess"})
    assert stranger.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 429
    editor = visitor("198.51.100.10")
    response = editor.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": "another good phrase"}
    )
    assert response.status_code == 302


# Counting in the database, the default shared store


@pytest.fixture
def database_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "marsweb_cache",
        },
    }
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def test_the_limit_holds_in_the_database_and_a_new_window_starts_afresh(
    database_cache, settings, clock
):
    settings.MARSWEB_RATE_LIMITS = {"address": (3, 600), "email": (5, 600)}
    event = make_event(slug="party")
    client = Client(REMOTE_ADDR="192.0.2.7")
    statuses = [sign_up(client, event, f"a{n}@example.org").status_code for n in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    assert Rsvp.objects.count() == 3
    clock.shift(timedelta(minutes=10))
    assert sign_up(client, event, "later@example.org").status_code == 303


def test_a_post_counts_every_limit_in_one_statement_and_ended_windows_are_swept(
    database_cache, settings, clock, django_assert_num_queries
):
    settings.MARSWEB_RATE_LIMITS = {"address": (3, 600), "email": (5, 600)}
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    ratelimit._swept_at.clear()
    ratelimit.refused(request, "rsvp", email="ada@example.org", within="party")  # sweeps
    with django_assert_num_queries(1):  # both limits, one upsert; no sweep within the minute
        ratelimit.refused(request, "rsvp", email="grace@example.org", within="party")
    assert RateCount.objects.count() == 3  # one address, two email addresses
    clock.shift(timedelta(minutes=11))
    ratelimit.refused(request, "rsvp", email="ada@example.org", within="party")
    assert RateCount.objects.count() == 2  # this window's address and email; the rest swept


def test_the_limit_holds_in_redis_and_each_count_ends_with_its_window(redis_cache, settings):
    settings.MARSWEB_RATE_LIMITS = {"address": (3, 600), "email": (5, 600)}
    event = make_event(slug="party")
    statuses = [
        sign_up(Client(REMOTE_ADDR="192.0.2.7"), event, f"a{n}@example.org").status_code
        for n in range(5)
    ]
    assert statuses == [303, 303, 303, 429, 429]
    key = redis_cache.make_key(f"ratelimit:rsvp:address:192.0.2.7:{int(NOW.timestamp()) // 600}")
    ttl = redis_cache._cache.get_client().ttl(key)
    assert 600 <= ttl <= 605


def test_forty_simultaneous_posts_pass_a_limit_of_ten_exactly_ten_times(database_cache, settings):
    """Before: the database cache's incr (read, then write) let 25 of 40 through."""
    settings.MARSWEB_RATE_LIMITS = {"address": (10, 600), "email": (5, 600)}
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.40")
    start = threading.Barrier(40)
    answers = []

    def post():
        try:
            start.wait()
            answers.append(ratelimit.refused(request, "rsvp"))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 40
    assert answers.count(0) == 10
