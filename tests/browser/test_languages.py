"""The language hint: a browser that prefers Spanish or Arabic is offered the page in it."""

import pytest

from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


def browser_page(browser, live_server, locale: str):
    context = browser.new_context(base_url=live_server.url, locale=locale)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


def test_a_spanish_browser_is_offered_the_page_in_spanish_until_it_dismisses_it(
    browser, live_server
):
    missions_seed(missions=MISSIONS)
    context, page, errors = browser_page(browser, live_server, "es-ES")
    try:
        page.goto("/missions/")
        offer = page.get_by_role("link", name="Esta página en español")
        offer.wait_for()
        assert offer.get_attribute("href") == "/es/missions/"
        assert offer.get_attribute("hreflang") == "es"
        assert serious_violations(page) == []
        page.get_by_role("button", name="Cerrar").click()
        assert page.locator(".language-hint").count() == 0
        page.goto("/missions/perseverance/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".language-hint").count() == 0  # dismissed stays dismissed
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(("locale", "path"), [("en-US", "/missions/"), ("es-ES", "/es/missions/")])
def test_no_hint_where_the_page_is_already_in_the_browsers_language(
    browser, live_server, locale, path
):
    missions_seed(missions=MISSIONS)
    context, page, errors = browser_page(browser, live_server, locale)
    try:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".language-hint").count() == 0
        assert errors == []
    finally:
        context.close()


def test_an_arabic_browser_is_offered_the_arabic_page_right_to_left(browser, live_server):
    missions_seed(missions=MISSIONS)
    context, page, errors = browser_page(browser, live_server, "ar-AE")
    try:
        page.goto("/")
        offer = page.get_by_role("link", name="هذه الصفحة بالعربية")
        offer.wait_for()
        assert page.locator(".language-hint").get_attribute("dir") == "rtl"
        offer.click()
        page.wait_for_url("**/ar/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert errors == []
    finally:
        context.close()
