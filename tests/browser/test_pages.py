import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from events.seed_data import EVENTS
from events.seeding import events_seed
from lights.seed_data import LIGHTINGS
from lights.seeding import lightings_seed
from missions.models import Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/missions/",
    "/missions/perseverance/",
    "/missions/perseverance-rehearsal/",
    "/missions/perseverance-rehearsal/countdown/",
    "/missions/tianwen-1/",
    "/mars-time/?at=2021-02-18T20:55:00Z",
    "/mars-time/?at=nonsense",
    "/events/",
    "/events/perseverance-virtual-nasa-social-rehearsal/",
    "/events/perseverance-landing-live-broadcast/",
    "/events/perseverance-landing-live-broadcast/rsvp/sent/",
    "/lights/",
    "/lights/submit/",
    "/timezone/",
    "/missions/nope/",
]


@pytest.fixture
def seeded():
    missions_seed(missions=MISSIONS)
    events_seed(events=EVENTS)
    lightings_seed(lightings=LIGHTINGS)
    mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=5)


# Moderate to axe, but a visitor meets them all the same: a heading level skipped (a
# screen reader user jumping by headings misses what is under it) and content outside any
# landmark (skipped by anyone moving from landmark to landmark).
ALSO_REFUSED = {"heading-order", "region"}


# A page is drawn once its fonts and pictures are in, those loaded lazily too (asked for at
# once: axe reads and screenshots show the whole page): what they wait for, where "network
# idle" never comes soon on a page that polls.
LOADED = """() => {
  document.querySelectorAll("img[loading=lazy]").forEach(image => { image.loading = "eager"; });
  return document.fonts.status === "loaded" && [...document.images].every(image => image.complete);
}"""


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"} or v["id"] in ALSO_REFUSED
    ]


@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_serious_accessibility_violations(page, seeded, url):
    page.goto(url)
    page.wait_for_function(LOADED)
    assert serious_violations(page) == []
    assert page.locator("main").count() == 1
    assert page.locator("h1").count() == 1
    # The 404 page's own status shows in the console as a failed load; nothing else may.
    errors = [e for e in page.console_errors if not re.search(r"status of 40[04]", e)]
    assert errors == [], "CSP or script errors in the console"


def test_times_show_in_the_browsers_zone_on_a_page_shared_by_everyone(page, seeded):
    response = page.goto("/missions/perseverance/")
    assert response.headers["cache-control"] == "public, max-age=0, s-maxage=1"
    # The server wrote UTC; timezone.js shows the browser's zone (New York here).
    page.wait_for_function(
        "() => document.querySelector('footer [data-visitor-zone]').textContent"
        " === 'New York (Eastern Time)'"
    )
    main = page.locator("main").inner_text()
    assert "Thu 18 Feb 2021, 15:55:00 EST" in main and "20:55:00 UTC" not in main
    assert not [c for c in page.context.cookies() if c["name"] == "tz"]  # nothing stored


def test_a_chosen_zone_wins_over_the_browsers(page, live_server, seeded):
    page.context.add_cookies([{"name": "tz", "value": "Asia/Tokyo", "url": live_server.url}])
    page.goto("/missions/perseverance/")
    assert "05:55:00 JST" in page.locator("main").inner_text()
    assert page.locator("footer [data-visitor-zone]").inner_text() == "Tokyo (JST)"


def test_the_script_reads_the_production_cookie_name_too(page, live_server, seeded):
    """In production the choice is __Host-tz (HTTPS, this host only). The page here is
    rendered in UTC (development's server reads "tz"), so only the script can show Tokyo."""
    page.goto("/missions/perseverance/")
    page.evaluate("document.cookie = '__Host-tz=Asia/Tokyo; Path=/; Secure'")
    assert "__Host-tz=Asia/Tokyo" in page.evaluate("document.cookie")
    page.reload()
    # The browser names Tokyo's zone by its offset (the server's zoneinfo says JST).
    assert "Fri 19 Feb 2021, 05:55:00 GMT+9" in page.locator("main").inner_text()
    # Named as a person names it, never by its IANA id (Asia/Tokyo).
    assert page.locator("footer [data-visitor-zone]").inner_text() == "Tokyo (Japan Standard Time)"


def test_time_zone_can_be_chosen_without_javascript(browser, live_server, seeded):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/missions/perseverance/")
    assert "20:55:00 UTC" in page.locator("main").inner_text()
    page.get_by_role("link", name="Change time zone").click()
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("button", name="Use this time zone").click()
    assert page.url.endswith("/missions/perseverance/")
    assert "05:55:00 JST" in page.locator("main").inner_text()
    context.close()


def test_keyboard_focus_is_visible_and_skip_link_works(page, seeded):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"


def test_the_time_zone_page_offers_the_browsers_own_zone(page):
    page.goto("/timezone/")
    assert page.locator("#id_tz").input_value() == "America/New_York"


@pytest.mark.parametrize(
    "path", ["/events/", "/missions/", "/lights/", "/mars-time/", "/timezone/"]
)
def test_an_inner_pages_first_heading_has_room_below_the_header(page, path):
    page.goto(path)
    gap = page.evaluate(
        """() => document.querySelector('main h1').getBoundingClientRect().top
             - document.querySelector('.site-header').getBoundingClientRect().bottom"""
    )
    assert gap >= 36


def test_a_spanish_page_names_the_visitors_zone_in_spanish(page, seeded):
    page.goto("/es/missions/perseverance/")
    page.wait_for_function(
        "() => document.querySelector('footer [data-visitor-zone]').textContent"
        " === 'New York (hora oriental)'"
    )
    assert page.locator("main time").first.get_attribute("title") == ("New York (hora oriental)")


@pytest.mark.parametrize("zone", ["Etc/UTC", "UTC", "Etc/GMT"])
def test_a_browser_on_utc_leaves_the_utc_page_as_the_server_wrote_it(
    browser, live_server, seeded, zone
):
    """Before, a browser naming UTC "Etc/UTC" (most Linux machines, Lighthouse's among them)
    had every time on the page rewritten, and the longer Arabic dates moved the lines below
    them (layout shift)."""
    context = browser.new_context(base_url=live_server.url, timezone_id="UTC")
    # Chromium names its zone as the machine does; this one says it this way.
    context.add_init_script(
        "const own = Intl.DateTimeFormat.prototype.resolvedOptions;"
        "Intl.DateTimeFormat.prototype.resolvedOptions = function () {"
        f"  return Object.assign(own.call(this), {{timeZone: '{zone}'}}); }};"
    )
    page = context.new_page()
    page.goto("/ar/missions/perseverance/")
    page.wait_for_load_state("networkidle")
    assert page.locator("footer [data-visitor-zone]").inner_text() == "UTC"
    assert not page.evaluate(
        "[...document.querySelectorAll('time[data-local]')].some(t => t.title !== 'UTC')"
    )
    context.close()


@pytest.mark.parametrize("zone", ["UTC", "Europe/Madrid"])
def test_only_a_browser_off_utc_pays_for_an_intl_date_formatter(browser, live_server, seeded, zone):
    """The first Intl date formatter costs a slow phone a quarter of a second (Lighthouse:
    224 ms of blocking on the home page). A browser that keeps UTC all year reads the UTC
    page as the server wrote it and never builds one; a browser elsewhere does, and its
    times are rewritten."""
    context = browser.new_context(base_url=live_server.url, timezone_id=zone)
    context.add_init_script(
        "window.__formatters = 0; const Own = Intl.DateTimeFormat;"
        "Intl.DateTimeFormat = function (...args) { window.__formatters++;"
        "  return new Own(...args); };"
        "Intl.DateTimeFormat.prototype = Own.prototype;"
        "Intl.DateTimeFormat.supportedLocalesOf = Own.supportedLocalesOf;"
    )
    page = context.new_page()
    page.goto("/missions/perseverance/")
    page.wait_for_load_state("networkidle")
    built = page.evaluate("window.__formatters")
    shown = page.locator("main time[data-local]").first.inner_text()
    if zone == "UTC":
        assert built == 0
        assert shown.endswith("UTC")
    else:
        assert built > 0
        assert shown.endswith(("CET", "CEST", "GMT+1", "GMT+2"))
    context.close()
