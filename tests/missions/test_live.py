"""The live parts as a visitor's browser meets them: countdown fragments, rehearsals, Mars time."""

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command

from marsweb.caching import second_key
from missions.models import Mission
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import make_milestone, make_mission
from tests.missions.conftest import HX, NOW
from tests.text import page_text

pytestmark = pytest.mark.django_db


def fragment_url(mission):
    return f"/missions/{mission.slug}/countdown/"


def test_htmx_gets_only_the_fragment_and_a_browser_gets_a_page(client, rehearsal):
    fragment = client.get(fragment_url(rehearsal), **HX)
    page = client.get(fragment_url(rehearsal))
    assert fragment.status_code == page.status_code == 200
    assert fragment.content.decode().startswith('<div id="countdown"')
    assert "<html" not in fragment.content.decode()
    assert "<html" in page.content.decode() and 'id="countdown"' in page.content.decode()
    assert "HX-Request" in fragment["Vary"] and "HX-Request" in page["Vary"]


def test_fragment_polled_every_few_seconds_asks_for_no_picture_font_or_style(client, rehearsal):
    # Before, during and after touchdown: the look lives in the page's cached stylesheet.
    for minutes in (0, 30, 31):
        with time_machine.travel(NOW + timedelta(minutes=minutes), tick=False):
            html = client.get(fragment_url(rehearsal), **HX).content.decode()
        assert 'id="countdown"' in html
        for fetching in ("<img", "<link", "<script", "<style", "url(", "src=", "srcset="):
            assert fetching not in html


def test_fragment_counts_down_to_earth_received_time_and_says_so(client, rehearsal):
    html = client.get(fragment_url(rehearsal), **HX).content.decode()
    text = page_text(html)
    assert "00 hours 30 minutes 00 seconds to touchdown, as heard on Earth" in text
    assert "Touchdown expected on Earth: Wed 25 Nov 2026, 12:30:00 UTC" in text
    assert "The signal takes 11 min 22 s to reach Earth" in text
    assert "Rehearsal" in text
    assert 'hx-trigger="every 10s, reached"' in html


def test_fragment_says_the_landing_already_happened_at_mars(client, rehearsal, clock):
    clock.shift(timedelta(minutes=25))  # 5 minutes before Earth hears; 6 after it happened
    html = client.get(fragment_url(rehearsal), **HX).content.decode()
    assert "has touched down</strong> — the signal is on its way" in html
    assert "Entry, descent and landing" in html


def test_fragment_carries_cache_headers_and_an_etag(client, rehearsal):
    response = client.get(fragment_url(rehearsal), **HX)
    assert response["Cache-Control"] == "public, max-age=10, s-maxage=10"
    assert re.fullmatch(r'"[0-9a-f]{24}"', response["ETag"])
    again = client.get(fragment_url(rehearsal), HTTP_IF_NONE_MATCH=response["ETag"], **HX)
    assert again.status_code == 304
    assert again.content == b""


def test_fragment_is_the_same_bytes_for_every_visitor_in_the_same_second(client, rehearsal):
    first = client.get(fragment_url(rehearsal), **HX)
    client.cookies["tz"] = "Asia/Tokyo"
    second = client.get(fragment_url(rehearsal), **HX)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_fragment_costs_one_query_on_a_miss_and_none_on_a_hit(
    client, rehearsal, django_assert_num_queries, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        client.get(fragment_url(rehearsal), **HX)
    with django_assert_num_queries(0):
        assert client.get(fragment_url(rehearsal), **HX).status_code == 200


def test_the_next_second_is_a_new_fragment(client, rehearsal, clock):
    first = client.get(fragment_url(rehearsal), **HX)
    clock.shift(timedelta(seconds=1))
    second = client.get(fragment_url(rehearsal), **HX)
    assert "00 hours 29 minutes 59 seconds" in page_text(second.content.decode())
    assert first["ETag"] != second["ETag"]


def test_fragment_stops_polling_when_nothing_more_can_change(client, clock):
    missions_seed(missions=MISSIONS)
    html = client.get("/missions/perseverance/countdown/", **HX).content.decode()
    assert "hx-trigger" not in html
    assert "since touchdown" in html
    assert client.get("/missions/perseverance/countdown/", **HX)["Cache-Control"].startswith(
        "public, max-age=60"
    )


def test_fragment_of_an_unknown_or_draft_mission_is_404(client, clock):
    assert client.get("/missions/nope/countdown/", **HX).status_code == 404
    assert client.get("/missions/nope/countdown/").status_code == 404


def test_home_features_the_soonest_upcoming_landing_with_a_live_countdown(
    client, rehearsal, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7):
        page = client.get("/").content.decode()
    assert '<h1 id="hero-title">Perseverance (Rehearsal)</h1>' in page
    assert 'hx-get="/missions/perseverance-rehearsal/countdown/"' in page
    assert "00 hours 30 minutes 00 seconds to touchdown, as heard on Earth" in page_text(page)
    assert 'class="refresh-link"' in page  # with JavaScript off, a refresh link
    assert 'role="status"' in page


def test_home_without_an_upcoming_landing_features_the_featured_mission(client, clock):
    missions_seed(missions=MISSIONS)
    page = client.get("/").content.decode()
    assert '<h1 id="hero-title">Perseverance</h1>' in page


def test_rehearsal_is_labelled_on_every_page_it_shows_on(client, rehearsal):
    for url in ["/", "/missions/", "/missions/perseverance-rehearsal/", fragment_url(rehearsal)]:
        assert "Rehearsal" in client.get(url).content.decode(), url


def test_rehearsal_timeline_is_the_real_one_moved(rehearsal):
    real = Mission.objects.get(slug="perseverance")
    real_times = [m.occurs_at for m in real.milestones.order_by("occurs_at")]
    copy_times = [m.occurs_at for m in rehearsal.milestones.order_by("occurs_at")]
    shift = copy_times[-1] - real_times[-1]
    assert [t + shift for t in real_times] == copy_times
    touchdown = rehearsal.milestones.get(kind="touchdown")
    assert touchdown.earth_received_at == NOW + timedelta(minutes=30)
    assert rehearsal.landed_at == NOW + timedelta(minutes=30)


def test_rehearse_command_replaces_earlier_rehearsals(clock, capsys):
    missions_seed(missions=MISSIONS)
    call_command("rehearse", "perseverance", "--minutes", "30")
    call_command("rehearse", "perseverance", "--minutes", "10")
    assert Mission.objects.rehearsals().count() == 1
    assert Mission.objects.rehearsals().get().landed_at == NOW + timedelta(minutes=10)
    call_command("rehearse", "perseverance", "--minutes", "20", "--keep")
    assert Mission.objects.rehearsals().count() == 2
    out = capsys.readouterr().out
    # The whole address, ready to open from the terminal `make run` prints it in.
    assert (
        "lands at" in out
        and "UTC: http://127.0.0.1:8000/missions/perseverance-rehearsal-2/\n" in out
    )


def test_rehearse_command_refuses_clearly(clock):
    from django.core.management.base import CommandError

    missions_seed(missions=MISSIONS)
    with pytest.raises(CommandError, match="No mission"):
        call_command("rehearse", "nope")
    with pytest.raises(CommandError, match="no landing time"):
        call_command("rehearse", "mars-sample-return")
    with pytest.raises(CommandError, match="between 1 minute and 7 days"):
        call_command("rehearse", "perseverance", "--minutes", "-5")


def test_staff_rehearse_from_the_admin_and_delete_it(staff_client, clock):
    missions_seed(missions=MISSIONS)
    perseverance = Mission.objects.get(slug="perseverance")
    ask = staff_client.post(
        "/admin/missions/mission/", {"action": "rehearse", "_selected_action": [perseverance.pk]}
    )
    assert ask.status_code == 200
    form = ask.content.decode()
    assert "Landing in (minutes)" in form
    # The admin's own look: an aligned fieldset, a submit row, breadcrumbs back to the mission.
    assert '<fieldset class="module aligned">' in form and '<div class="submit-row">' in form
    assert f'href="/admin/missions/mission/{perseverance.pk}/change/">Perseverance</a>' in form
    done = staff_client.post(
        "/admin/missions/mission/",
        {
            "action": "rehearse",
            "_selected_action": [perseverance.pk],
            "apply": "1",
            "minutes": "45",
        },
        follow=True,
    )
    assert "Rehearsal started" in done.content.decode()
    rehearsal = Mission.objects.rehearsals().get()
    assert rehearsal.landed_at == NOW + timedelta(minutes=45)
    listing = staff_client.get("/admin/missions/rehearsal/").content.decode()
    assert "Perseverance (Rehearsal)" in listing
    staff_client.post(
        "/admin/missions/rehearsal/",
        {"action": "delete_selected", "_selected_action": [rehearsal.pk], "post": "yes"},
    )
    assert not Mission.objects.rehearsals().exists()
    assert Mission.objects.filter(slug="perseverance").exists()


def test_mission_page_shows_todays_sol_and_local_time_at_the_site(client, clock):
    missions_seed(missions=MISSIONS)
    page = client.get("/missions/perseverance/").content.decode()
    assert "Sol 2050" in page or "Sol 2049" in page
    assert re.search(r'data-mars-hours="[\d.]+" data-mars-at="\d+">\d\d:\d\d:\d\d<', page)
    assert "Time at Jezero Crater" in page
    assert "hx-trigger" not in page  # a landing five years ago does not poll


def test_mission_page_during_a_rehearsal_draws_the_landing_with_the_current_step(
    client, rehearsal, clock
):
    clock.shift(timedelta(minutes=30) - timedelta(seconds=165))
    page = client.get("/missions/perseverance-rehearsal/").content.decode()
    assert '<svg class="edl-svg wide"' in page and '<svg class="edl-svg narrow"' in page
    assert page.count("Now: Parachute deployment.") == 2  # each layout's description
    assert page.count('class="step passed current"') == 2  # one in each layout
    assert "Minutes after atmospheric entry" in page and "Altitude (log scale)" in page


def test_mars_time_converter_gives_the_worked_example(client, clock, django_assert_max_num_queries):
    missions_seed(missions=MISSIONS)
    with django_assert_max_num_queries(2):
        response = client.get("/mars-time/", {"at": "2000-01-06T00:00:00Z"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "44795.99976" in page
    assert "23:59:39" in page
    assert "277.188°" in page
    assert "not landed yet" in page  # Perseverance in 2000


def test_mars_time_converter_lists_each_landed_missions_sol(client, clock):
    missions_seed(missions=MISSIONS)
    page = client.get("/mars-time/", {"at": "2021-02-19T20:00:00Z"}).content.decode()
    row = re.search(r"Perseverance</a></th>.*?</tr>", page, re.S).group(0)
    assert '<td class="num">1</td>' in row
    assert "Hope" not in page  # an orbiter has no site on the ground


def test_mars_time_table_is_a_labelled_region_a_keyboard_can_scroll(client, clock):
    missions_seed(missions=MISSIONS)
    page = client.get("/mars-time/", {"at": "2021-02-19T20:00:00Z"}).content.decode()
    region = re.search(r'<div class="table-scroll"([^>]*)>\s*<table', page).group(1)
    assert 'role="region"' in region
    assert 'tabindex="0"' in region
    label = re.search(r'aria-labelledby="([^"]+)"', region).group(1)
    assert re.search(rf'<h3 id="{label}">At each landed mission\'s site</h3>', page)
    assert "Scroll the table sideways" in page


def test_mars_time_without_at_shows_now(client, clock):
    page = client.get("/mars-time/").content.decode()
    assert 'value="2026-11-25T12:00:00Z"' in page


@pytest.mark.parametrize(
    "bad",
    [
        "garbage",
        "2021-13-01",
        "",
        "9999-01-01T00:00:00Z",
        "1" * 500,
        "2021-02-18T20:55:00+99:00",
        "\x00",
        "２０２１",
    ],
)
def test_mars_time_with_an_unreadable_moment_says_so(client, clock, bad):
    response = client.get("/mars-time/", {"at": bad})
    assert response.status_code == 400
    assert "We could not read that date and time" in response.content.decode()


def test_mars_time_accepts_offsets_and_naive_times_as_utc(client, clock):
    with_offset = client.get("/mars-time/", {"at": "2000-01-06T01:00:00+01:00"}).content.decode()
    naive = client.get("/mars-time/", {"at": "2000-01-06T00:00:00"}).content.decode()
    assert "44795.99976" in with_offset and "44795.99976" in naive


def test_after_landing_the_fragment_shows_time_since_and_the_sol(client, rehearsal, clock):
    clock.shift(timedelta(minutes=31))
    text = page_text(client.get(fragment_url(rehearsal), **HX).content.decode())
    assert text.startswith("Rehearsal Touchdown confirmed")
    assert "00 hours 01 minute 00 seconds since touchdown, as heard on Earth" in text
    assert "Touchdown heard on Earth: Wed 25 Nov 2026, 12:30:00 UTC" in text
    assert "Sol 0 at Jezero Crater" in text
    assert "expected" not in text and "to touchdown" not in text


def test_a_fragment_rendered_by_one_server_is_served_by_another_through_redis(
    client, rehearsal, redis_cache, django_assert_num_queries
):
    first = client.get(fragment_url(rehearsal), **HX)
    stored = redis_cache.get(second_key("fragment", fragment_url(rehearsal), NOW))
    assert stored is not None and stored[0] == first.content.decode()  # in Redis itself
    caches["default"].clear()  # another server: its own memory is empty
    with django_assert_num_queries(0):
        second = client.get(fragment_url(rehearsal), **HX)
    assert second.content == first.content


def test_fragment_is_served_when_redis_is_down(client, rehearsal, settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    response = client.get(fragment_url(rehearsal), **HX)
    assert response.status_code == 200
    assert "00 hours 30 minutes 00 seconds" in page_text(response.content.decode())


def test_a_rehearsals_status_and_arrival_wording_follow_the_clock(client, rehearsal, clock):
    def card(page: str) -> str:
        return re.search(
            r'<article class="card mission-card">((?!</article>).)*'
            r'<h2><a href="/missions/perseverance-rehearsal/">.*?</article>',
            page,
            re.S,
        ).group(0)

    before = card(client.get("/missions/").content.decode())
    assert "On its way" in before and "Arrived" not in before
    assert "Landing expected <time" in before
    detail = " ".join(client.get("/missions/perseverance-rehearsal/").content.decode().split())
    assert "status-cruise" in detail and "Touchdown expected on Earth" in detail
    clock.shift(timedelta(minutes=31))
    after = card(client.get("/missions/").content.decode())
    assert "Active" in after and "On its way" not in after
    assert "Arrived <time" in after and "Landing expected" not in after
    detail = " ".join(client.get("/missions/perseverance-rehearsal/").content.decode().split())
    assert '<span class="status status-active">Active</span>' in detail
    assert "Touchdown heard on Earth" in detail and "expected" not in detail


def test_rehearsals_stay_out_of_search_engines(client, clock):
    call_command("seed", stdout=StringIO())
    call_command("rehearse", "perseverance", "--minutes", "30", stdout=StringIO())
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/missions/perseverance/" in sitemap and "rehearsal" not in sitemap
    noindex = '<meta name="robots" content="noindex">'
    for path in (
        "/missions/perseverance-rehearsal/",
        "/missions/perseverance-rehearsal/countdown/",
        "/events/perseverance-virtual-nasa-social-rehearsal/",
        "/events/perseverance-virtual-nasa-social-rehearsal/countdown/",
        "/events/perseverance-virtual-nasa-social-rehearsal/rsvp/sent/",
    ):
        assert noindex in client.get(path).content.decode(), path
    assert noindex not in client.get("/missions/perseverance/").content.decode()


def test_home_keeps_featuring_a_landing_for_a_day_after_touchdown_then_the_next(client, rehearsal):
    make_mission(name="Next Lander", slug="next-lander", landed_at=NOW + timedelta(days=3))
    with time_machine.travel(NOW + timedelta(minutes=31), tick=False):
        page = page_text(client.get("/").content.decode())
        assert "Perseverance (Rehearsal) Rehearsal Touchdown confirmed" in page
    with time_machine.travel(NOW + timedelta(minutes=30, hours=23, seconds=59), tick=False):
        assert (
            '<h1 id="hero-title">Perseverance (Rehearsal)</h1>' in client.get("/").content.decode()
        )
    with time_machine.travel(NOW + timedelta(minutes=30, hours=24), tick=False):
        assert '<h1 id="hero-title">Next Lander</h1>' in client.get("/").content.decode()


def test_staff_set_how_long_a_landing_stays_featured_after_touchdown(client, rehearsal):
    make_mission(name="Next Lander", slug="next-lander", landed_at=NOW + timedelta(days=3))
    Mission.objects.filter(pk=rehearsal.pk).update(featured_after_landing=timedelta(hours=1))
    with time_machine.travel(NOW + timedelta(minutes=89), tick=False):
        assert (
            '<h1 id="hero-title">Perseverance (Rehearsal)</h1>' in client.get("/").content.decode()
        )
    with time_machine.travel(NOW + timedelta(minutes=91), tick=False):
        assert '<h1 id="hero-title">Next Lander</h1>' in client.get("/").content.decode()


def test_after_touchdown_the_mission_page_marks_its_timeline_heard(client, rehearsal, clock):
    def heard(page: str) -> list[str]:
        return re.findall(r'<li class="timeline-item timeline-([a-z-]+) done"', page)

    before = client.get("/missions/perseverance-rehearsal/").content.decode()
    assert "touchdown" not in heard(before) and "launch" in heard(before)
    assert "Touchdown expected on Earth" in page_text(before)
    clock.shift(timedelta(minutes=31))
    after = client.get("/missions/perseverance-rehearsal/").content.decode()
    assert "touchdown" in heard(after) and "sky-crane" in heard(after)
    assert "Touchdown confirmed" in page_text(after)
    assert "expected" not in page_text(after)


def test_a_timeline_without_atmospheric_entry_draws_no_landing_picture(client, clock):
    mission = make_mission(slug="no-entry", landed_at=NOW - timedelta(days=1))
    for kind, seconds in [("parachute-deploy", 170), ("sky-crane", 20), ("touchdown", 0)]:
        make_milestone(
            mission, kind=kind, title=kind, occurs_at=NOW - timedelta(days=1, seconds=seconds)
        )
    page = client.get("/missions/no-entry/").content.decode()
    assert page.count("timeline-item") == 3
    assert "edl-svg" not in page and "seven minutes of terror" not in page
