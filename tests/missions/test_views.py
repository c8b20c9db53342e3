import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import make_milestone, make_mission
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    missions_seed(missions=MISSIONS)


def test_home_features_the_featured_mission_and_lists_the_others(client, seeded):
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<h1 id="hero-title">Perseverance</h1>', page)
    assert "Curiosity" in page and "InSight" in page and "Ingenuity" in page


def test_home_without_missions_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Missions will appear here once staff publish them." in response.content.decode()


def test_mission_list_shows_published_missions_only(client):
    make_mission(name="Visible Rover")
    make_mission(name="Draft Lander", is_published=False)
    page = client.get("/missions/").content.decode()
    assert "Visible Rover" in page
    assert "Draft Lander" not in page


def test_mission_list_is_paginated(client):
    for n in range(30):
        make_mission(name=f"Rover {n:02}")
    first = client.get("/missions/").content.decode()
    second = client.get("/missions/?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert second.count('class="card mission-card"') == 6


def test_mission_list_with_a_nonsense_page_number_shows_a_page(client):
    make_mission()
    assert client.get("/missions/?page=%F0%9F%9A%80").status_code == 200
    assert client.get("/missions/?page=99999999999999999999").status_code == 200


def test_mission_detail_shows_timeline_with_both_clocks_of_the_landing(client, seeded):
    page = client.get("/missions/perseverance/").content.decode()
    assert "Touchdown in Jezero Crater" in page
    # Earth-received 20:55:00 UTC; at Mars one signal delay (11 min 22 s) earlier.
    assert '<time datetime="2021-02-18T20:55:00Z"' in page
    assert '<time datetime="2021-02-18T20:43:38Z"' in page
    assert "signal delay 11 min 22 s" in page
    assert "18.4447° N, 77.4508° E" in page
    assert "Ingenuity" in page  # carried by Perseverance


def test_mission_detail_names_its_sources(client, seeded):
    page = client.get("/missions/insight/").content.decode()
    assert "Sources" in page
    assert "Space.com" in page
    assert "21 Dec 2022" in page


def test_times_show_in_the_visitors_zone_with_the_zone_named(client, seeded):
    client.cookies["tz"] = "America/New_York"
    page = client.get("/missions/perseverance/").content.decode()
    assert (
        '<time datetime="2021-02-18T20:55:00Z" title="New York (EST)" data-local="seconds">'
        "Thu 18 Feb 2021, 15:55:00 EST</time>" in page
    )


def test_times_default_to_utc_marked_for_the_browser_to_show_in_its_zone(client, seeded):
    page = client.get("/missions/perseverance/").content.decode()
    assert (
        '<time datetime="2021-02-18T20:55:00Z" title="UTC" data-local="seconds">'
        "Thu 18 Feb 2021, 20:55:00 UTC</time>" in page
    )
    assert "Times are shown in <strong data-visitor-zone>UTC</strong>" in page


def test_a_page_without_a_chosen_zone_is_the_same_for_everyone_and_shared(client, seeded):
    """No cookie: one page for every visitor, which a CDN may keep for a second."""
    # Within one second (the page's Mars clocks tick each second, so two seconds' pages differ).
    with time_machine.travel(datetime(2026, 11, 25, 12, 0, tzinfo=UTC), tick=False):
        first = client.get("/missions/perseverance/")
        other = Client(HTTP_USER_AGENT="another browser", HTTP_ACCEPT_LANGUAGE="fr")
        other.cookies["csrftoken"] = "x" * 32  # cookies other than the zone change nothing
        second = other.get("/missions/perseverance/")
    assert first.content == second.content
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert "Cookie" not in first.get("Vary", "")


def test_a_page_in_a_chosen_zone_is_private_to_that_visitor(client, seeded):
    client.cookies["tz"] = "America/New_York"
    response = client.get("/missions/perseverance/")
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_an_unknown_zone_cookie_falls_back_to_utc(client, seeded):
    client.cookies["tz"] = "Mars/Jezero"
    response = client.get("/missions/perseverance/")
    assert response.status_code == 200
    assert "20:55:00 UTC" in response.content.decode()


def test_unpublished_mission_is_not_found(client):
    make_mission(slug="secret-lander", is_published=False)
    response = client.get("/missions/secret-lander/")
    assert response.status_code == 404
    assert "Lost in space: page not found" in response.content.decode()


def test_bad_slug_gets_the_sites_own_404(client):
    response = client.get("/missions/no-such-mission/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Lost in space" in page
    assert 'href="/static/css/site.css"' in page or "site." in page
    assert re.search(
        r'<img src="/static/img/landing-scene[^"]*\.svg"[^>]*alt="A descent stage', page
    )


def test_unpublished_parent_is_not_linked(client):
    parent = make_mission(name="Hidden Mothership", is_published=False)
    make_mission(slug="heli", name="Heli", parent=parent)
    page = client.get("/missions/heli/").content.decode()
    assert "Hidden Mothership" not in page


def test_milestone_with_unknown_signal_delay_shows_spacecraft_time(client):
    mission = make_mission(slug="zhurong")
    make_milestone(mission, title="Rolls off the lander", signal_delay=None)
    page = client.get("/missions/zhurong/").content.decode()
    assert "at the spacecraft" in page


def test_mission_pages_carry_open_graph_tags(client, seeded):
    page = client.get("/missions/curiosity/").content.decode()
    assert '<meta property="og:title" content="Curiosity">' in page
    assert 'property="og:url" content="http://127.0.0.1:8000/missions/curiosity/"' in page
    # Its own share card (tests/test_share_cards.py), described in words.
    assert re.search(
        r'property="og:image" content="http://127\.0\.0\.1:8000/missions/curiosity/card-[0-9a-f]{16}\.png"',
        page,
    )
    assert '<meta property="og:image:alt" content="Curiosity · Rover · NASA' in page


def test_post_to_a_page_is_refused_cleanly(client, seeded):
    assert client.post("/missions/").status_code == 405
    assert client.post("/missions/perseverance/").status_code == 405


@pytest.mark.parametrize("extra", [0, 40])
def test_query_counts_do_not_grow_with_content(
    client, django_assert_max_num_queries, extra, seeded
):
    for n in range(extra):
        mission = make_mission(name=f"Bulk {n}")
        make_milestone(mission)
    perseverance = reverse("missions:detail", kwargs={"slug": "perseverance"})
    # featured landing (just landed or upcoming, else featured), its timeline, its live
    # posts, events, lights, missions and their images
    with django_assert_max_num_queries(8):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/missions/").status_code == 200
    # the mission, its timeline, images, missions it carried, live posts
    with django_assert_max_num_queries(5):
        assert client.get(perseverance).status_code == 200


def test_mission_list_puts_missions_without_a_launch_date_last_on_every_database(client):
    """PostgreSQL sorts NULL first in a descending order, SQLite last: the page says last."""
    make_mission(name="Sample Return", launch_date=None)
    make_mission(name="Old Rover", launch_date=date(2003, 6, 10))
    make_mission(name="New Rover", launch_date=date(2020, 7, 30))
    page = client.get("/missions/").content.decode()
    assert page.index("New Rover") < page.index("Old Rover") < page.index("Sample Return")


NOWRAP = '<span class="nowrap">{}</span>'


@pytest.mark.parametrize(
    ("prefix", "altitude", "speed", "comma"),
    [
        ("", ("altitude", "125\u00a0km"), "5,400\u00a0m/s", ", "),
        ("/es", ("altitud", "125\u00a0km"), "5\u00a0400\u00a0m/s", ", "),
        ("/ar", ("الارتفاع", "125\u00a0كم"), "5400\u00a0م/ث", "، "),
    ],
)
def test_altitudes_and_speeds_read_alike_in_each_language(
    client, seeded, prefix, altitude, speed, comma
):
    """Before, the timeline said "Altitude 125000 m" beside "19,500 km/h" in the text, and
    units were English on Arabic pages, split from their numbers; then the timeline said
    "Altitude 125 km · speed 5,400 m/s" where the landing picture's legend said "altitude
    125 km, 5,400 m/s" on the same page. Now both say it one way, each number joined to
    its unit on one line."""
    html = client.get(f"{prefix}/missions/perseverance/").content.decode()
    said = f"{altitude[0]} {NOWRAP.format(altitude[1])}{comma}{NOWRAP.format(speed)}"
    legend = re.search(r'<ol class="edl-legend">(.*?)</ol>', html, re.S)[1]
    timeline = html.split('id="timeline-title"')[1]
    assert said in legend
    assert said[0].upper() + said[1:] in timeline
    assert "125000" not in page_text(html)


def test_each_mission_card_shows_a_drawing_of_its_own_craft(client, seeded):
    """Before, four missions' cards showed the same rover."""
    page = client.get("/missions/").content.decode()
    card = r'<img src="/static/img/missions/([a-z-]+)\.svg"[^>]*>\s*.*?<a href="/missions/([a-z0-9-]+)/">'
    drawn = {slug: picture for picture, slug in re.findall(card, page, re.S)}
    rovers = [drawn[slug] for slug in ("perseverance", "curiosity", "spirit", "opportunity")]
    assert len(set(rovers)) == 4
    assert (drawn["insight"], drawn["mars-sample-return"], drawn["hope"]) == (
        "lander",
        "sample-return",
        "orbiter",
    )
    static = Path(__file__).resolve().parents[2] / "static" / "img" / "missions"
    assert all((static / f"{picture}.svg").is_file() for picture in drawn.values())
