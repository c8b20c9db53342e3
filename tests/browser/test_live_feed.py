"""The live feed in a real browser: a post made while a visitor reads reaches them within
one poll (10 s) and a second, behind a button, without moving the page or taking focus."""

import pytest

from marsweb import clock
from missions.models import LiveUpdate, Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed

pytestmark = pytest.mark.django_db(transaction=True)

POLL_AND_A_SECOND_MS = 11_000


@pytest.fixture
def rehearsal() -> Mission:
    missions_seed(missions=MISSIONS)
    rehearsal = mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=30)
    LiveUpdate.objects.create(mission=rehearsal, headline="Welcome to landing night")
    return rehearsal


def test_a_new_post_is_offered_within_a_poll_and_shown_on_request(page, rehearsal):
    page.goto(rehearsal.get_absolute_url())
    page.locator("#live").scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")
    LiveUpdate.objects.create(mission=rehearsal, headline="Touchdown confirmed!", kind="key")
    posted = clock.now()
    button = page.locator("[data-live-show]")
    button.wait_for(state="visible", timeout=POLL_AND_A_SECOND_MS)
    assert (clock.now() - posted).total_seconds() <= 11
    assert button.text_content() == "1 new update"
    assert page.locator("[data-live-announce]").text_content() == (
        "1 new update: Touchdown confirmed!."
    )
    assert page.evaluate("window.scrollY") == scrolled  # nothing moved under the reader
    assert page.evaluate("document.activeElement === document.body")  # focus not taken
    button.click()
    headlines = page.locator("#live .live-entries .live-headline").all_text_contents()
    assert headlines[:2] == ["Touchdown confirmed!", "Welcome to landing night"]
    assert page.locator(".live-new").is_hidden()
    assert not page.console_errors


def test_a_withdrawn_post_leaves_the_page_within_a_poll(page, rehearsal):
    page.goto(rehearsal.get_absolute_url())
    assert page.locator("#live .live-headline").first.text_content() == "Welcome to landing night"
    LiveUpdate.objects.filter(mission=rehearsal).update(withdrawn_at=clock.now())
    page.locator("#live .live-entries .live-entry").first.wait_for(
        state="detached", timeout=POLL_AND_A_SECOND_MS
    )
    assert page.locator("#live .live-entries .live-entry").count() == 0


def test_a_hidden_tab_does_not_poll(page, rehearsal):
    page.goto(rehearsal.get_absolute_url())
    page.evaluate(
        """() => {
            Object.defineProperty(document, 'hidden', {value: true, configurable: true});
            window.fetched = 0;
            document.addEventListener('htmx:afterRequest', () => { window.fetched += 1; });
            htmx.trigger(document.querySelector('[data-live-poll]'), 'live-check');
        }"""
    )
    page.wait_for_timeout(500)
    assert page.evaluate("window.fetched") == 0


def test_touchdown_posted_from_the_desk_reaches_the_home_page_within_a_poll_and_a_second(
    browser, live_server, editor, page, rehearsal
):
    """As on the night: an editor types a headline and presses Post; a visitor reading the
    home page is offered it within 11 s, and one without JavaScript sees it on Refresh."""
    Mission.objects.filter(pk=rehearsal.pk).update(is_featured=True)
    page.goto("/")
    page.locator("#live").scroll_into_view_if_needed()
    no_script = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = no_script.new_page()
    plain.goto("/")
    assert "Touchdown confirmed!" not in plain.locator("#live").text_content()
    spanish = page.context.new_page()
    spanish.goto("/es/")

    editor.goto(f"/live/desk/?mission={rehearsal.slug}")
    editor.fill("#id_headline", "Touchdown confirmed!")
    editor.fill("#id_headline_es", "¡Aterrizaje confirmado!")
    editor.select_option("#id_kind", "key")
    editor.get_by_role("button", name="Post", exact=True).click()
    posted = clock.now()
    assert "Posted: on every page within seconds." in editor.locator("[role=status]").text_content()

    page.locator("[data-live-show]").wait_for(state="visible", timeout=POLL_AND_A_SECOND_MS)
    assert (clock.now() - posted).total_seconds() <= 11
    page.locator("[data-live-show]").click()
    assert page.locator("#live .live-headline").first.text_content() == "Touchdown confirmed!"

    # A Spanish reader is told in Spanish, after a poll as on load.
    spanish.locator("[data-live-show]").wait_for(state="visible", timeout=POLL_AND_A_SECOND_MS)
    assert spanish.locator("[data-live-show]").text_content() == "1 actualización nueva"
    spanish.locator("[data-live-show]").click()
    assert spanish.locator("#live .live-headline").first.text_content() == "¡Aterrizaje confirmado!"

    page.wait_for_timeout(max(0, 1100 - (clock.now() - posted).total_seconds() * 1000))
    plain.get_by_role("link", name="Refresh the updates").click()
    assert plain.locator("#live .live-headline").first.text_content() == "Touchdown confirmed!"
    no_script.close()
    assert not page.console_errors


def test_a_key_event_that_arrives_while_reading_joins_the_key_moments(page, rehearsal):
    """Before, the "Key moments" links held only what was there when the page loaded."""
    page.goto(rehearsal.get_absolute_url())
    assert page.locator("[data-key-moments]").is_hidden()  # none yet
    update = LiveUpdate.objects.create(mission=rehearsal, headline="Parachute deployed", kind="key")
    page.locator("[data-live-show]").wait_for(state="visible", timeout=POLL_AND_A_SECOND_MS)
    page.locator("[data-live-show]").click()
    link = page.locator("[data-key-moments] a")
    assert link.all_text_contents() == ["Parachute deployed"]
    assert link.get_attribute("href") == f"#update-{update.pk}"
    assert page.locator("[data-key-moments]").is_visible()


def test_an_open_page_says_the_mission_is_active_once_earth_hears_it_landed(page):
    """Before, a page open across the touchdown still said "On its way"."""
    missions_seed(missions=MISSIONS)
    rehearsal = mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=0.1)
    page.goto(rehearsal.get_absolute_url())
    status = page.locator(".facts .status")
    assert status.text_content() == "On its way"
    status.page.wait_for_function(
        "() => document.querySelector('.facts .status').textContent === 'Active'", timeout=10_000
    )
    assert "status-active" in status.get_attribute("class")
