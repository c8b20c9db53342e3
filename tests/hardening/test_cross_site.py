"""The public forms carry no token (their pages are shared by a CDN): a POST is accepted by
where the browser says it comes from, with Django's token as the fallback."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from events.models import Rsvp
from lights.models import Lighting
from tests.factories import lighting_submission, make_event

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)
SIGN_UP = {"name": "Ada Lovelace", "email": "ada@example.org", "website": ""}


@pytest.fixture(autouse=True)
def event():
    with time_machine.travel(NOW, tick=False):
        yield make_event(slug="party")


@pytest.fixture
def browser():
    """A browser that enforces nothing for us: only what it sends protects the form."""
    return Client(enforce_csrf_checks=True)


def rsvp(browser, **headers):
    return browser.post("/events/party/rsvp/", SIGN_UP, headers=headers)


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
    ],
)
def test_a_sign_up_posted_from_another_site_is_refused_and_nothing_stored(browser, headers):
    response = rsvp(browser, **headers)
    assert response.status_code == 403
    assert "only works when sent from its own page on this site" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_a_sign_up_from_the_sites_own_page_needs_no_token(browser):
    assert rsvp(browser, **{"Sec-Fetch-Site": "same-origin"}).status_code == 303
    assert Rsvp.objects.filter(email="ada@example.org").exists()


def test_an_older_browser_sending_only_its_origin_is_accepted_from_the_site(browser):
    assert rsvp(browser, Origin="http://testserver").status_code == 303
    assert Rsvp.objects.exists()


def test_an_origin_the_operator_trusts_is_accepted(browser, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://landing.example.org"]
    assert rsvp(browser, Origin="https://landing.example.org").status_code == 303


def test_a_browser_saying_nothing_gets_its_form_back_with_a_token_and_can_send_it(browser):
    response = rsvp(browser)
    assert response.status_code == 403
    page = response.content.decode()
    assert "press RSVP again" in page
    assert 'value="Ada Lovelace"' in page and 'value="ada@example.org"' in page
    assert not Rsvp.objects.exists()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    again = browser.post("/events/party/rsvp/", {**SIGN_UP, "csrfmiddlewaretoken": token})
    assert again.status_code == 303
    assert Rsvp.objects.count() == 1


def test_a_lighting_posted_from_another_site_is_refused(browser):
    response = browser.post(
        "/lights/submit/", lighting_submission(), headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.status_code == 403
    assert not Lighting.objects.exists()


def test_a_lighting_from_the_sites_own_page_is_stored_for_review(browser):
    response = browser.post(
        "/lights/submit/", lighting_submission(), headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert response.status_code == 200
    assert Lighting.objects.get().moderation == "pending"


def test_the_lighting_form_page_is_shared_and_sets_no_cookie(browser):
    response = browser.get("/lights/submit/")
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert not response.cookies


def test_the_admin_still_demands_its_token(browser, django_user_model):
    django_user_model.objects.create_superuser("director", "d@example.org", "correct horse battery")
    response = browser.post(
        "/admin/login/",
        {"username": "director", "password": "correct horse battery"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 403
