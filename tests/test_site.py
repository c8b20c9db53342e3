import re
from io import BytesIO, StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.urls import path
from PIL import Image

from missions.seed_data import MISSIONS
from missions.seeding import missions_seed

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_with_the_database_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_a_probe_that_names_the_server_by_its_address(client, settings):
    """Before: a load balancer probing with Host: 10.0.0.11:8000 got 400 (DisallowedHost)."""
    settings.ALLOWED_HOSTS = ["mars.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.11:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert client.get("/", HTTP_HOST="10.0.0.11:8000").status_code == 400


def test_healthz_is_503_when_the_database_is_unreachable(client):
    with mock.patch("marsweb.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in body


def test_sitemap_lists_published_missions(client):
    missions_seed(missions=MISSIONS)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/missions/perseverance/</loc>" in body
    assert "/missions/</loc>" in body


def test_time_zone_choice_is_remembered_in_a_cookie(client):
    response = client.post("/timezone/", {"tz": "Asia/Dubai", "next": "/missions/"})
    assert response.status_code == 302
    assert response["Location"] == "/missions/"
    assert response.cookies["tz"].value == "Asia/Dubai"
    assert response.cookies["tz"]["samesite"] == "Lax"
    assert (
        "Times are shown in <strong data-visitor-zone>Dubai (UTC+04)</strong>"
        in client.get("/").content.decode()
    )


def test_forgetting_the_zone_choice_deletes_the_cookie(client):
    client.cookies["tz"] = "Asia/Dubai"
    page = client.get("/timezone/").content.decode()
    assert "You chose Dubai (UTC+04)." in page and "Forget my choice" in page
    response = client.post("/timezone/", {"forget": "1", "next": "/missions/"})
    assert response.status_code == 302 and response["Location"] == "/missions/"
    assert response.cookies["tz"].value == "" and response.cookies["tz"]["max-age"] == 0
    assert "You have not chosen one" in client.get("/timezone/").content.decode()


def test_time_zone_form_lists_zones_and_marks_the_current_one(client):
    client.cookies["tz"] = "Europe/Paris"
    page = client.get("/timezone/").content.decode()
    assert '<label for="id_tz">Time zone</label>' in page
    assert '<option value="Europe/Paris" selected>Paris</option>' in page


@pytest.mark.parametrize("bad", ["", "Mars/Jezero", "x" * 5000, "Europe/Paris\r\nSet-Cookie: a=b"])
def test_unknown_time_zone_gets_the_form_back_with_a_message(client, bad):
    response = client.post("/timezone/", {"tz": bad})
    assert response.status_code == 400
    assert "Choose a time zone from the list" in response.content.decode()
    assert "tz" not in response.cookies


def test_time_zone_redirect_never_leaves_the_site(client):
    response = client.post("/timezone/", {"tz": "UTC", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_time_zone_post_without_csrf_token_is_refused(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/timezone/", {"tz": "UTC"})
    assert response.status_code == 403


def _boom(request):
    raise RuntimeError("simulated failure")


urlpatterns = [path("boom/", _boom)]
handler500 = "marsweb.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_shows_the_sites_own_500_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "simulated failure" not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/", "/missions/", "/missions/perseverance/", "/timezone/", "/missions/nope/"]
)
def test_no_page_loads_anything_from_another_host(client, url):
    missions_seed(missions=MISSIONS)
    page = client.get(url).content.decode()
    # The page's own address and its translations' are named, not loaded.
    page = re.sub(r'<link rel="(canonical|alternate)"[^>]*>', "", page)
    loaded = re.findall(
        r'<(?:script|img|link|iframe|source)\b[^>]*\b(?:src|href|srcset)="([^"]+)"', page
    )
    assert loaded, "expected the page to load at least its stylesheet"
    for address in loaded:
        assert not re.match(r"^(https?:)?//", address), f"{url} loads {address} from another host"


def test_pages_send_a_strict_content_security_policy_and_carry_no_inline_script(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    page = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", page)
    # Code only from files; what is inline is data for search engines (JSON-LD), which no
    # browser runs.
    assert scripts and all(
        " src=" in tag or tag == '<script type="application/ld+json">' for tag in scripts
    )
    assert '<script type="application/ld+json">' in scripts
    assert "nonce" not in page  # identical bytes for every visitor


SCRIPT = r'<script src="/static/{}[^"]*\.js" defer>'


def test_a_page_with_a_live_countdown_loads_htmx_and_the_clock_from_this_site_once(client):
    missions_seed(missions=MISSIONS)
    call_command("rehearse", "perseverance", "--minutes", "30", stdout=StringIO())
    page = client.get("/").content.decode()
    # The countdown and the live feed beside it both poll: htmx comes once, last.
    for name in (r"js/timezone", r"js/countdown", r"js/live", r"django_htmx/htmx-2\.min"):
        assert len(re.findall(SCRIPT.format(name), page)) == 1, name
    assert page.rindex("<script") == page.index("django_htmx/htmx-2") - len('<script src="/static/')


def test_a_page_with_nothing_live_loads_neither_htmx_nor_the_clock_nor_the_feed(client):
    """Before, every page loaded all five scripts: 25 KB that a page of missions, events or
    city lights never runs, in the way of its first paint on a slow phone."""
    missions_seed(missions=MISSIONS)
    page = client.get("/missions/").content.decode()
    for name in (r"django_htmx/htmx", r"js/countdown", r"js/live"):
        assert not re.search(SCRIPT.format(name), page), name
    assert re.search(SCRIPT.format(r"js/timezone"), page)
    assert re.search(SCRIPT.format(r"js/language-hint"), page)


def test_the_site_icon_answers_where_browsers_and_phones_look_for_it(client):
    favicon = client.get("/favicon.ico")
    touch = client.get("/apple-touch-icon.png")
    assert favicon.status_code == touch.status_code == 200
    assert favicon["Content-Type"] == touch["Content-Type"] == "image/png"
    assert Image.open(BytesIO(favicon.content)).size == (32, 32)
    assert Image.open(BytesIO(touch.content)).size == (180, 180)
    assert "max-age=604800" in favicon["Cache-Control"]
    home = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" type="image/png" sizes="32x32">' in home
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in home


def test_only_a_page_with_a_countdown_asks_for_the_clock_face_with_the_page(client):
    missions_seed(missions=MISSIONS)
    call_command("rehearse", "perseverance", "--minutes", "30", stdout=StringIO())
    clock_face = '<link rel="preload" href="/static/fonts/jetbrains-mono-clock-700.woff2"'
    assert clock_face in client.get("/").content.decode()
    assert clock_face not in client.get("/missions/").content.decode()


def test_mission_drawings_below_the_first_screen_wait_until_they_near_it(client):
    missions_seed(missions=MISSIONS)
    drawings = re.findall(
        r'<img src="/static/img/missions/[^"]+"[^>]*>', client.get("/missions/").content.decode()
    )
    assert len(drawings) > 3
    assert 'loading="eager"' in drawings[0]
    assert all('loading="lazy"' in drawing for drawing in drawings[1:])
