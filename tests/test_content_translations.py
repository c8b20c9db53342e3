"""Content in Spanish and Arabic: staff write it beside the English; what is missing shows in
English, marked as English; the seed loads it."""

import re
from html.parser import HTMLParser

import pytest
from django.core.cache import caches
from django.test import Client

from events.models import Event
from lights.models import Lighting
from missions.models import Milestone, Mission
from missions.rehearsal import mission_rehearse
from tests.factories import make_lighting
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_a_spanish_mission_page_shows_the_spanish_content(site_at_now):
    page = Client().get("/es/missions/perseverance/").content.decode()
    text = page_text(page)
    assert "El rover más ambicioso de la NASA" in text
    assert "Cráter Jezero (Aterrizaje Octavia E. Butler)" in text
    assert "Separación de la etapa de crucero" in text
    assert "NASA's most ambitious rover yet" not in text
    assert "<h1>Perseverance</h1>" in page
    assert '<p class="lead">El rover más ambicioso' in page


def test_the_hope_mission_reads_in_arabic(site_at_now):
    page = Client().get("/ar/missions/hope/").content.decode()
    assert "<h1>مسبار الأمل (مشروع الإمارات لاستكشاف المريخ)</h1>" in page
    assert "أول مهمة عربية بين الكواكب" in page_text(page)
    assert "تأكيد الدخول في مدار المريخ" in page_text(page)


def untranslated_in_arabic(*, summary: bool = True, step: str = "cruise-stage-separation"):
    """Perseverance as before staff wrote its Arabic: its summary and one step."""
    if summary:
        Mission.objects.filter(slug="perseverance").update(summary_ar="")
    Milestone.objects.filter(mission__slug="perseverance", kind=step).update(title_ar="")


def test_what_is_not_translated_yet_shows_in_english_marked_as_english(site_at_now):
    untranslated_in_arabic()
    page = Client().get("/ar/missions/perseverance/").content.decode()
    assert '<p class="lead" lang="en" dir="ltr">NASA&#x27;s most ambitious rover yet' in page
    assert '<span lang="en" dir="ltr">Cruise stage separation</span>' in page


def test_a_countdown_phase_naming_an_untranslated_step_marks_the_step_as_english(site_at_now):
    """Before: "الاقتراب النهائي: Cruise stage separation" was all marked Arabic."""
    untranslated_in_arabic(summary=False)
    mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=12)
    page = Client().get("/ar/").content.decode()
    assert (
        '<p class="countdown-phase">الاقتراب النهائي: '
        '<span lang="en" dir="ltr">Cruise stage separation</span></p>'
    ) in page
    # Where the step is translated, nothing is marked.
    spanish = Client().get("/es/").content.decode()
    assert (
        '<p class="countdown-phase">Aproximación final: Separación de la etapa de crucero</p>'
    ) in spanish


def test_the_lights_name_their_cities_and_countries_in_the_pages_language(site_at_now):
    spanish = page_text(Client().get("/es/lights/").content.decode())
    assert "Nueva York, Estados Unidos" in spanish
    assert "United States" not in spanish
    arabic = Client().get("/ar/lights/").content.decode()
    assert "نيويورك، الولايات المتحدة" in page_text(
        arabic
    ) or "نيويورك, الولايات المتحدة" in page_text(arabic)
    chicago = Lighting.objects.get(city_en="Chicago")
    chicago.city_ar = ""
    chicago.save()
    caches["default"].clear()
    arabic = Client().get("/ar/lights/").content.decode()
    assert '<span lang="en" dir="ltr">Chicago</span>، الولايات المتحدة' in arabic


def test_names_not_translated_yet_read_left_to_right_as_one_phrase_on_an_arabic_page(
    site_at_now,
):
    """Before, an English landmark and city on an Arabic page were two names the page's
    direction reversed: "Sydney ,Sydney Opera House sails"."""
    make_lighting(
        landmark="Sydney Opera House sails",
        city="Sydney",
        country="Australia",
        latitude="-33.8568",
        longitude="151.2153",
        time_zone="Australia/Sydney",
    )
    arabic = Client().get("/ar/lights/").content.decode()
    assert '<span lang="en" dir="ltr">Sydney, Australia</span>' in arabic
    assert "Sydney ,Sydney" not in page_text(arabic)


def test_a_rehearsal_carries_every_translation_with_its_own_label(site_at_now):
    rehearsal = Mission.objects.get(slug="perseverance-rehearsal")
    assert rehearsal.name_es == "Perseverance (Ensayo)"
    assert rehearsal.name_ar == "بيرسيفيرانس (تدريب)"
    # A mission whose name is not translated yet still says "Rehearsal" in every language.
    curiosity = mission_rehearse(mission=Mission.objects.get(slug="curiosity"), minutes=60)
    assert curiosity.name_ar == "Curiosity (تدريب)"
    assert curiosity.status_note_ar.startswith("تدريب: إعادة للجدول الزمني الحقيقي")
    assert rehearsal.summary_es.startswith("El rover más ambicioso")
    event = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
    assert event.title_es == "NASA Social virtual: Perseverance aterriza en Marte (Ensayo)"
    home = page_text(Client().get("/es/").content.decode())
    assert "Perseverance (Ensayo)" in home
    assert "NASA Social virtual: Perseverance aterriza en Marte (Ensayo)" in home


def test_english_pages_keep_the_english_content(site_at_now):
    text = page_text(Client().get("/missions/perseverance/").content.decode())
    assert "NASA's most ambitious rover yet" in text
    assert "El rover más ambicioso" not in text


def test_html_in_a_translation_is_shown_as_text(site_at_now):
    Mission.objects.filter(slug="insight").update(summary_es="<script>alert(1)</script>")
    caches["default"].clear()
    page = Client().get("/es/missions/insight/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_staff_edit_every_language_beside_the_english(site_at_now, staff_client):
    hope = Mission.objects.get(slug="hope")
    form = staff_client.get(f"/admin/missions/mission/{hope.pk}/change/").content.decode()
    for field in ("name_en", "name_es", "name_ar", "summary_ar", "body_es"):
        assert f'name="{field}"' in form
    assert 'lang="ar" dir="auto"' in form


def test_the_admin_lists_which_translations_are_missing(site_at_now, staff_client):
    listing = staff_client.get("/admin/missions/mission/?missing=ar").content.decode()
    assert '<span title="body, landing_site_name, name, status_note, summary">Arabic</span>' in (
        listing
    )
    assert ">Curiosity</a>" in listing
    assert ">Perseverance</a>" not in listing  # the night's mission is written in Arabic
    assert ">Hope (Emirates Mars Mission)</a>" not in listing
    complete = staff_client.get("/admin/missions/mission/?missing=es").content.decode()
    assert ">Hope (Emirates Mars Mission)</a>" not in complete


class _TextOutsideEnglish(HTMLParser):
    """A page's text, leaving out what is marked English (lang="en": content not translated
    yet, sources) and what is not shown (scripts, styles)."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: is it (inside) English or hidden?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.VOID:
            return
        inherited = bool(self.stack and self.stack[-1])
        attributes = dict(attrs)
        skipped = tag in ("script", "style", "title") or (
            attributes.get("lang") == "en" and tag != "html"
        )
        self.stack.append(inherited or skipped)

    def handle_endtag(self, tag) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def text_outside_english(html: str) -> str:
    parser = _TextOutsideEnglish()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


# Words an English sentence can hardly do without, and no Spanish or Arabic one uses.
ENGLISH_WORDS = re.compile(r"\b(the|The|your|Your|and|with|from|for|this|you|You|is|are)\b")
PUBLIC_PAGES = [
    "",
    "missions/",
    "missions/perseverance/",
    "missions/perseverance-rehearsal/",
    "missions/hope/",
    "events/",
    "events/perseverance-virtual-nasa-social-rehearsal/",
    "events/perseverance-virtual-nasa-social-rehearsal/rsvp/sent/",
    "lights/",
    "lights/submit/",
    "mars-time/?at=2021-02-18T20:55:00Z",
    "timezone/",
    "rsvp/token-seated/",
    "missions/no-such-mission/",
]


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_visitor_meets_no_english_outside_what_is_marked_english(site_at_now, language):
    found = {}
    for page in PUBLIC_PAGES:
        text = text_outside_english(Client().get(f"/{language}/{page}").content.decode())
        # The language switcher names English in English, as it should.
        words = set(ENGLISH_WORDS.findall(text.replace("English", "")))
        if words:
            found[page] = sorted(words)
    assert found == {}


def test_calendar_files_speak_the_language_of_their_address(site_at_now):
    event = Client().get("/es/events/perseverance-landing-live-broadcast/calendar.ics")
    body = event.content.decode()
    assert "SUMMARY:Aterrizaje de Perseverance: transmisión en directo en NASA TV" in body
    assert "LOCATION:En línea" in body
    lights = Client().get("/es/lights/calendar.ics").content.decode()
    assert "SUMMARY:Empire State Building iluminado de rojo por Marte" in lights
    assert "URL:http://127.0.0.1:8000/es/lights/" in lights
    english = Client().get("/lights/calendar.ics").content.decode()
    assert "SUMMARY:Empire State Building lit red for Mars" in english
