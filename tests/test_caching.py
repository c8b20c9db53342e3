import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client

from marsweb import middleware
from marsweb.caching import fragment_response, per_second_page
from marsweb.clock import now as clock_now
from missions.models import Milestone
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import make_event

REHEARSAL = "perseverance-rehearsal"

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2030, 1, 10, 12, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def test_a_public_page_is_rendered_once_a_second(client, clock, django_assert_num_queries):
    missions_seed(missions=MISSIONS)
    first = client.get("/missions/perseverance/")
    with django_assert_num_queries(0):
        second = client.get("/missions/perseverance/")
    assert second.content == first.content
    clock.shift(timedelta(seconds=1))
    with django_assert_num_queries(5):  # the mission, timeline, images, carried, live posts
        client.get("/missions/perseverance/")


def test_a_made_up_query_string_is_served_the_same_cached_page(
    client, clock, django_assert_num_queries
):
    """Before: /?r=<random> rendered the page afresh every time (161 against 2,505 req/s)."""
    missions_seed(missions=MISSIONS)
    first = client.get("/missions/perseverance/?r=1")
    with django_assert_num_queries(0):
        second = client.get("/missions/perseverance/?r=2&utm_source=chat")
    assert second.content == first.content


def test_a_page_never_echoes_a_query_string_it_does_not_read(client, clock):
    """The cached page is everyone's: links back to it carry only what the page reads."""
    make_event(slug="party")
    page = client.get("/events/party/?xyzzy=%22%3E%3Cb%3Ehi").content.decode()
    assert "xyzzy" not in page and "&lt;b&gt;hi" not in page
    assert 'class="refresh-link" href="/events/party/"' in page
    assert '?next=/events/party/"' in page


def test_the_query_parameters_a_page_reads_still_choose_what_it_shows(client, clock):
    one = client.get("/mars-time/?at=2021-02-18T20:55:00Z").content.decode()
    other = client.get("/mars-time/?at=2030-01-01T00:00:00Z&r=1").content.decode()
    assert one != other
    assert 'value="2021-02-18T20:55:00Z"' in one
    assert 'value="2030-01-01T00:00:00Z"' in other


def test_visitors_in_another_zone_get_their_own_copy(client, clock):
    missions_seed(missions=MISSIONS)
    utc = client.get("/missions/perseverance/").content.decode()
    client.cookies["tz"] = "Asia/Tokyo"
    tokyo = client.get("/missions/perseverance/").content.decode()
    assert "20:55:00 UTC" in utc and "05:55:00 JST" in tokyo


def test_a_page_asked_for_with_an_htmx_header_in_a_chosen_zone_stays_private(client, clock):
    # HX-Request on a page's URL used to skip the privacy the zone cookie needs: a CDN
    # forwarding cookies would have served one visitor's zone to everyone.
    missions_seed(missions=MISSIONS)
    client.cookies["tz"] = "Asia/Tokyo"
    response = client.get("/missions/perseverance/", HTTP_HX_REQUEST="true")
    assert "05:55:00 JST" in response.content.decode()
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_live_fragment_stays_shared_whatever_zone_the_visitor_chose(client, clock):
    missions_seed(missions=MISSIONS)
    client.cookies["tz"] = "Asia/Tokyo"
    response = client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    assert response["Cache-Control"].startswith("public")
    assert "Cookie" not in response.get("Vary", "")


def test_an_event_page_with_its_form_is_one_shared_page_that_sets_no_cookie(
    clock, django_assert_num_queries
):
    """Before: the form's CSRF token made the page private, so no CDN could keep it."""
    make_event(slug="party")
    first = Client().get("/events/party/")
    with django_assert_num_queries(0):
        second = Client().get("/events/party/")
    assert second.content == first.content
    assert first["Cache-Control"] == second["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert not first.cookies and not second.cookies
    assert b"csrfmiddlewaretoken" not in first.content


def test_a_header_marsweb_adds_to_responses_reaches_fragments_answered_from_cache(
    client, clock, monkeypatch, django_assert_num_queries
):
    monkeypatch.setitem(middleware.SECURITY_HEADERS, "Cross-Origin-Resource-Policy", "same-origin")
    missions_seed(missions=MISSIONS)
    rendered = client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    with django_assert_num_queries(0):  # the fast path: no session, no view
        cached = client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    assert rendered["Cross-Origin-Resource-Policy"] == "same-origin"
    assert cached["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_fragment_from_memory_carries_the_same_headers_as_one_from_the_view(
    client, clock, django_assert_num_queries
):
    """Before, an answer from the fast path lacked the Content-Length the view's answer has
    (CommonMiddleware, which it skips, adds it): caught by the recorded public responses
    whenever two of their requests fell in one second."""
    missions_seed(missions=MISSIONS)
    rendered = client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    with django_assert_num_queries(0):
        cached = client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    assert set(cached.headers) == set(rendered.headers)
    assert cached["Content-Length"] == str(len(cached.content)) == rendered["Content-Length"]


def test_a_fragment_hit_skips_the_stack_but_keeps_the_headers(
    client, clock, django_assert_num_queries
):
    missions_seed(missions=MISSIONS)
    client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    with django_assert_num_queries(0):
        hit = client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true")
    assert hit.status_code == 200
    assert hit["X-Frame-Options"] == "DENY"
    assert "camera=()" in hit["Permissions-Policy"]
    assert "Content-Security-Policy" in hit
    assert "Set-Cookie" not in hit


def test_a_visitor_who_chose_utc_and_one_who_chose_nothing_get_the_same_page(client, clock):
    """The cached page may carry nothing that tells the two apart: the zone guess of a new
    visitor (static/js/timezone.js) must not be switched off by someone else's choice."""
    missions_seed(missions=MISSIONS)
    chooser = Client()
    chooser.cookies["tz"] = "UTC"
    chosen = chooser.get("/missions/").content
    newcomer = Client().get("/missions/").content
    assert chosen == newcomer
    assert b'data-rendered-tz="UTC"' in newcomer


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/missions/",
        "/missions/perseverance/",
        "/mars-time/",
        "/events/",
        "/events/party/rsvp/sent/",
        "/lights/",
    ],
)
def test_public_pages_are_the_same_bytes_for_every_visitor_and_ready_for_a_cdn(clock, url):
    """No token, nonce, cookie or zone of anyone's in them; a CDN may keep them a second."""
    missions_seed(missions=MISSIONS)
    make_event(slug="party")
    first = Client().get(url)
    other = Client(HTTP_USER_AGENT="Another/1.0", HTTP_ACCEPT_LANGUAGE="de")
    other.cookies["csrftoken"] = "a" * 32
    other.cookies["sessionid"] = "b" * 32
    second = other.get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert "Cookie" not in first.get("Vary", "")
    assert not first.cookies and not second.cookies
    assert b"csrfmiddlewaretoken" not in first.content and b"nonce" not in first.content


def test_threads_that_miss_the_same_fragment_render_it_once(rf, clock):
    renders = []

    def slow_fragment():
        renders.append(1)
        time.sleep(0.2)
        return "<div id=live></div>", 10

    def ask():
        request = rf.get("/live/", HTTP_HX_REQUEST="true")
        return fragment_response(request, now=clock_now(), render=slow_fragment).content

    assert at_once(ask, threads=6) == [b"<div id=live></div>"] * 6
    assert len(renders) == 1


def test_threads_that_miss_the_same_second_render_the_page_once(rf, clock):
    """Under load many threads miss a page at once; one renders, the others wait for it."""
    renders = []

    @per_second_page
    def slow_page(request):
        renders.append(1)
        time.sleep(0.2)
        return HttpResponse(b"the page")

    assert at_once(lambda: slow_page(rf.get("/slow/")).content, threads=6) == [b"the page"] * 6
    assert len(renders) == 1


def at_once(ask, *, threads: int) -> list:
    """What ``ask()`` returns in each of ``threads`` threads started together."""
    answers = []
    workers = [threading.Thread(target=lambda: answers.append(ask())) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return answers


def test_the_servers_time_is_answered_for_no_cache_to_keep_without_a_query(
    client, django_assert_num_queries
):
    moment = datetime(2030, 1, 10, 12, 0, 0, 250_000, tzinfo=UTC)
    with time_machine.travel(moment, tick=False), django_assert_num_queries(0):
        response = client.get("/now.json")
    assert response.status_code == 200
    assert response.json() == {"now": int(moment.timestamp() * 1000)}
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response and "Cookie" not in response.get("Vary", "")


def test_a_countdown_fragment_is_never_kept_past_the_next_step_of_the_landing(site_at_now):
    """Before, a copy was kept for its 10 s poll interval: a browser that asked again the
    moment a step began was given the copy from before it."""
    heard = {m.kind: m.earth_received_at for m in Milestone.objects.filter(mission__slug=REHEARSAL)}
    with time_machine.travel(heard["sky-crane"] - timedelta(seconds=3), tick=False):
        countdown = Client().get(f"/missions/{REHEARSAL}/countdown/", HTTP_HX_REQUEST="true")
        feed = Client().get(f"/missions/{REHEARSAL}/live/", HTTP_HX_REQUEST="true")
    assert countdown["Cache-Control"] == "public, max-age=3, s-maxage=3"
    assert feed["Cache-Control"] == "public, max-age=3, s-maxage=3"
    with time_machine.travel(heard["touchdown"] - timedelta(minutes=25), tick=False):
        countdown = Client().get(f"/missions/{REHEARSAL}/countdown/", HTTP_HX_REQUEST="true")
    assert countdown["Cache-Control"] == "public, max-age=10, s-maxage=10"


def test_a_countdown_fragment_carries_the_instant_it_counts_to_and_no_clock(site_at_now):
    fragment = Client().get(f"/missions/{REHEARSAL}/countdown/", HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert 'data-target="1894278600000"' in html  # the touchdown, as heard on Earth
    assert "data-server-now" not in html
