"""English, Spanish and Arabic: the language is in the address, and nothing else chooses it."""

import re

import pytest

from missions.seed_data import MISSIONS
from missions.seeding import missions_seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def missions():
    missions_seed(missions=MISSIONS)


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [("/missions/", "en", "ltr"), ("/es/missions/", "es", "ltr"), ("/ar/missions/", "ar", "rtl")],
)
def test_a_page_names_the_language_and_direction_of_its_address(
    client, missions, path, lang, direction
):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}"' in response.content.decode()
    assert response["Content-Language"] == lang


def test_the_browser_language_never_redirects_or_varies_a_shared_page(client, missions):
    response = client.get("/missions/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9,ar;q=0.8")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")
    spanish = client.get("/es/missions/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="es"' in spanish.content.decode()
    assert "Accept-Language" not in spanish.get("Vary", "")


@pytest.mark.parametrize("path", ["/fr/missions/", "/en/missions/", "/zz/", "/de/"])
def test_an_unknown_language_prefix_is_a_404_in_the_sites_look(client, path):
    response = client.get(path)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Lost in space: page not found" in page
    assert 'class="site-header"' in page


def test_every_page_links_its_translations_and_names_english_the_default(client, missions):
    page = client.get("/es/missions/perseverance/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert alternates == {
        "en": "http://127.0.0.1:8000/missions/perseverance/",
        "x-default": "http://127.0.0.1:8000/missions/perseverance/",
        "es": "http://127.0.0.1:8000/es/missions/perseverance/",
        "ar": "http://127.0.0.1:8000/ar/missions/perseverance/",
    }


def test_the_language_switcher_links_the_same_page_in_the_other_languages(client, missions):
    page = client.get("/ar/missions/perseverance/").content.decode()
    switcher = re.search(r'<nav class="languages".*?</nav>', page, re.S).group(0)
    assert (
        '<a\n                href="/missions/perseverance/" hreflang="en" lang="en">English</a>'
        in switcher
    )
    assert 'href="/es/missions/perseverance/" hreflang="es" lang="es">Español</a>' in switcher
    assert '<span class="current" lang="ar">العربية</span>' in switcher
    assert 'href="/ar/' not in switcher


def test_the_switcher_keeps_only_the_query_the_page_reads(client, missions):
    page = client.get("/es/lights/?city=chicago&utm_source=x").content.decode()
    switcher = re.search(r'<nav class="languages".*?</nav>', page, re.S).group(0)
    assert "utm_source" not in switcher


def test_a_missing_page_offers_each_languages_home_and_names_no_alternates(client):
    page = client.get("/es/no-such-page/").content.decode()
    assert 'hreflang="x-default"' not in page
    switcher = re.search(r'<nav class="languages".*?</nav>', page, re.S).group(0)
    assert 'href="/" hreflang="en"' in switcher
    assert 'href="/ar/" hreflang="ar"' in switcher


def test_the_navigation_marks_the_current_section_in_every_language(client, missions):
    page = client.get("/es/missions/perseverance/").content.decode()
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', page)
    assert current == ["/es/missions/"]


def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(client, missions):
    body = client.get("/sitemap.xml").content.decode()
    for prefix in ("", "/es", "/ar"):
        assert f"<loc>http://testserver{prefix}/missions/perseverance/</loc>" in body
    assert (
        '<xhtml:link rel="alternate" hreflang="ar" '
        'href="http://testserver/ar/missions/perseverance/"/>'
    ) in body
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" '
        'href="http://testserver/missions/perseverance/"/>'
    ) in body


def test_machine_and_staff_addresses_have_no_language_prefix(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/es/healthz").status_code == 404
    assert client.get("/es/admin/").status_code == 404


def test_a_live_fragment_names_its_language_when_answered_from_memory(client, missions):
    path = "/es/missions/perseverance/countdown/"
    first = client.get(path, HTTP_HX_REQUEST="true")
    again = client.get(path, HTTP_HX_REQUEST="true")
    assert first.status_code == again.status_code == 200
    assert first["Content-Language"] == again["Content-Language"] == "es"


def test_the_sitemap_lists_the_events_the_lights_and_mars_time_too(client, site_at_now):
    """Before, it held 33 addresses: no /events/, no event page, no /lights/, no /mars-time/."""
    body = client.get("/sitemap.xml").content.decode()
    for prefix in ("", "/es", "/ar"):
        for path in (
            "/events/",
            "/events/perseverance-landing-live-broadcast/",
            "/lights/",
            "/lights/submit/",
            "/mars-time/",
        ):
            assert f"<loc>http://testserver{prefix}{path}</loc>" in body, prefix + path
    assert "rehearsal" not in body


def test_the_arabic_missing_page_shows_the_address_as_typed(client):
    """Before, right to left, "/ar/no-such/" read "/no-such/ar/"."""
    page = client.get("/ar/no-such-page/").content.decode()
    assert '<code dir="ltr">/ar/no-such-page/</code>' in page
