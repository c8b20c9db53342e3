"""How the site looks: every main page at desktop and phone size, in the dark and the light
theme, saved as screenshots to look at, and checked with axe in each.

The screenshots land in test-results/screenshots/ (README.md and docs/tests.md say so): open them and
judge them as a visitor would.
"""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from events.models import Event, Rsvp
from marsweb import clock
from missions.models import Mission
from missions.rehearsal import mission_rehearse
from tests.browser.test_pages import LOADED, serious_violations

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.look]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("dark", "light")
PAGES = {
    "home": "/",
    "missions": "/missions/",
    "mission": "/missions/perseverance-rehearsal/",
    "events": "/events/",
    "event": "/events/perseverance-virtual-nasa-social-rehearsal/",
    "lights": "/lights/",
    "mars-time": "/mars-time/?at=2021-02-18T20:55:00Z",
    "rsvp": "/rsvp/token-of-a-seated-attendee/",
    "not-found": "/missions/no-such-mission/",
}


@pytest.fixture
def landing_night():
    call_command("seed", stdout=StringIO())
    mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=12)
    Rsvp.objects.create(
        event=Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal"),
        name="Katherine Johnson",
        email="katherine@example.org",
        status=Rsvp.Status.SEATED,
        token="token-of-a-seated-attendee",
    )


# Each page as a visitor reading that language sees it: their browser speaks it too (a
# mismatched browser is offered the page in its language: tests/browser/test_languages.py).
LOCALES = {"en": "en-US", "es": "es-ES", "ar": "ar-AE"}


def new_context(browser, live_server, size: str, scheme: str, language: str = "en"):
    return browser.new_context(
        base_url=live_server.url,
        viewport=SIZES[size],
        color_scheme=scheme,
        timezone_id="America/New_York",
        locale=LOCALES[language],
    )


def save(page, name: str, size: str, scheme: str) -> list[str]:
    """Save the page's screenshot as it stands; what axe finds serious in it."""
    # Bring in what loads lazily (pictures far down), then back to the top once every font
    # and picture is in: no fixed wait (the page polls, so the network is never idle long).
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function(LOADED)
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{size}-{scheme}.png", full_page=True)
    return serious_violations(page)


def shoot(
    browser, live_server, path: str, name: str, size: str, scheme: str, language: str = "en"
) -> list[str]:
    """Save the page's screenshot; what axe finds serious in it."""
    context = new_context(browser, live_server, size, scheme, language)
    try:
        page = context.new_page()
        page.goto(path)
        return save(page, name, size, scheme)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_every_page_in_each_theme_and_size_has_no_serious_accessibility_violation(
    browser, live_server, landing_night, size, scheme
):
    found = {
        name: violations
        for name, path in PAGES.items()
        if (violations := shoot(browser, live_server, path, name, size, scheme))
    }
    assert found == {}


@pytest.mark.parametrize(
    ("language", "size", "scheme"),
    [
        ("ar", "desktop", "dark"),
        ("ar", "phone", "light"),
        ("es", "phone", "dark"),
        ("es", "desktop", "light"),
    ],
)
def test_every_page_in_spanish_and_arabic_has_no_serious_accessibility_violation(
    browser, live_server, landing_night, language, size, scheme
):
    """Screenshots of each page in Arabic (right to left) and in Spanish, at both sizes and
    in both themes (``home-ar-phone-light.png``…), each checked with axe."""
    found = {
        name: violations
        for name, path in PAGES.items()
        if (
            violations := shoot(
                browser,
                live_server,
                f"/{language}{path}",
                f"{name}-{language}",
                size,
                scheme,
                language,
            )
        )
    }
    assert found == {}


def test_the_touchdown_moment_before_and_after(browser, live_server, landing_night):
    """T−30 s and T+5 s around a rehearsal's touchdown, as Earth hears it."""
    rehearsal = Mission.objects.rehearsals().get()
    for label, offset in (("before-touchdown", -30), ("after-touchdown", 5)):
        moment = rehearsal.landed_at + timedelta(seconds=offset)
        with time_machine.travel(moment, tick=True):
            assert abs((clock.now() - moment).total_seconds()) < 5
            for size in SIZES:
                assert shoot(browser, live_server, "/", label, size, "dark") == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_the_admin_as_an_editor_sees_it_in_each_theme_and_size(
    browser, live_server, landing_night, django_user_model, size, scheme
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "correct horse 1")
    mission = Mission.objects.get(slug="perseverance")
    context = new_context(browser, live_server, size, scheme)
    try:
        page = context.new_page()
        page.goto("/admin/login/")
        found = {}
        if violations := save(page, "admin-login", size, scheme):
            found["admin-login"] = violations
        page.fill("#id_username", "editor")
        page.fill("#id_password", "correct horse 1")
        page.click("input[type=submit]")
        for name, path in {
            "admin-home": "/admin/",
            "admin-missions": "/admin/missions/mission/",
            "admin-mission": f"/admin/missions/mission/{mission.pk}/change/",
            "admin-events": "/admin/events/event/",
            "admin-lightings": "/admin/lights/lighting/",
            "admin-live-update": "/admin/missions/liveupdate/add/",
            "live-desk": "/live/desk/?mission=perseverance",
        }.items():
            page.goto(path)
            if violations := save(page, name, size, scheme):
                found[name] = violations
        # The rehearse form: an action on the mission list.
        page.goto("/admin/missions/mission/")
        page.locator(f"input[name=_selected_action][value='{mission.pk}']").check()
        page.select_option("select[name=action]", "rehearse")
        page.locator("button[name=index]").click()
        page.locator("input[name=minutes]").wait_for()
        if violations := save(page, "admin-rehearse", size, scheme):
            found["admin-rehearse"] = violations
    finally:
        context.close()
    assert found == {}
