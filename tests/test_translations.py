"""The Spanish and Arabic catalogues: complete, compiled, current, and what their pages say."""

import re
import shutil
from datetime import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from marsweb.timezones import DATE_TIME
from tests.text import page_text

LOCALE = Path(settings.BASE_DIR) / "locale"
# What makemessages leaves out, as `make messages` does (Makefile).
NOT_CODE = (
    ".venv",
    ".git",
    "tests",
    "staticfiles",
    "test-results",
    "deploy",
    "data",
    "node_modules",
)
TRANSLATED = ["es", "ar"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_ui_string_has_a_translation_that_is_not_fuzzy(language):
    catalogue = polib.pofile(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(catalogue) > 400
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_says_what_its_source_says(language):
    """The .mo files are committed: `make messages` compiles them from the .po files."""
    folder = LOCALE / language / "LC_MESSAGES"
    source = polib.pofile(folder / "django.po")
    compiled = polib.mofile(folder / "django.mo")

    def messages(catalogue):
        return {
            (entry.msgctxt, entry.msgid): entry.msgstr
            or {int(form): text for form, text in entry.msgstr_plural.items()}
            for entry in catalogue
            if entry.msgid and (entry.msgstr or entry.msgstr_plural) and "fuzzy" not in entry.flags
        }

    assert messages(compiled) == messages(source)


def test_no_string_in_the_code_is_missing_from_the_catalogues(tmp_path, settings, monkeypatch):
    """What `make messages` would gather today is all there and translated: a string added to
    a template or to Python without its Spanish and Arabic fails here.

    makemessages writes into the ``locale`` folder beside the code it reads, so it runs on a
    copy of the code (before: it ran on the repository, added what was missing to the real
    catalogues and checked an untouched copy, so it never failed)."""
    copy = tmp_path / "marsweb"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*NOT_CODE, "*.mo", "*.png", "*.jpg", "*.woff2", "*.svg"),
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=TRANSLATED,
        ignore_patterns=list(NOT_CODE),
        no_obsolete=True,
        verbosity=0,
    )
    for language in TRANSLATED:
        gathered = polib.pofile(copy / "locale" / language / "LC_MESSAGES" / "django.po")
        missing = [e.msgid for e in gathered.untranslated_entries() + gathered.fuzzy_entries()]
        assert missing == [], (
            f"{language}: translate these in locale/{language} (docs/languages.md)"
        )


@pytest.mark.django_db
def test_the_spanish_home_page_speaks_spanish(site_at_now):
    text = page_text(Client().get("/es/").content.decode())
    assert "Saltar al contenido" in text
    assert "Próximos eventos" in text
    assert "Misiones a Marte" in text
    assert "00 horas 30 minutos 00 segundos para el aterrizaje" in text
    assert "Skip to content" not in text
    assert "Next events" not in text


@pytest.mark.django_db
def test_the_arabic_home_page_speaks_arabic(site_at_now):
    text = page_text(Client().get("/ar/").content.decode())
    assert "انتقل إلى المحتوى" in text
    assert "الفعاليات القادمة" in text
    assert "00 ساعة 30 دقيقة 00 ثانية حتى الهبوط" in text
    assert "Skip to content" not in text


@pytest.mark.django_db
def test_dates_are_written_the_languages_way(site_at_now):
    spanish = page_text(Client().get("/es/missions/hope/").content.decode())
    assert "19 de julio de 2020 (UTC)" in spanish
    assert "mar 9 feb 2021, 15:42:00 UTC" in spanish
    arabic = page_text(Client().get("/ar/missions/hope/").content.decode())
    assert "19 يوليو 2020 (UTC)" in arabic


@pytest.mark.django_db
def test_numbers_for_the_browser_keep_their_point_in_every_language(site_at_now):
    """Spanish and Arabic write 1,5 for people; SVG coordinates and data for scripts stay 1.5."""
    page = Client().get("/es/missions/perseverance/").content.decode()
    assert 'points="78.0,58.0 ' in page
    assert 'cx="78,0"' not in page


@pytest.mark.django_db
def test_a_live_fragment_speaks_its_pages_language(site_at_now):
    fragment = Client().get(
        "/es/missions/perseverance-rehearsal/countdown/", HTTP_HX_REQUEST="true"
    )
    assert fragment.status_code == 200
    assert "para el aterrizaje" in page_text(fragment.content.decode())


@pytest.mark.django_db
def test_a_translated_page_still_escapes_what_it_shows(client):
    response = client.get("/es/%3Cscript%3Ealert(1)%3C/script%3E/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Perdidos en el espacio" in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# What each public page costs, pinned: the same in every language.
PAGE_QUERIES = {
    "": 7,
    "missions/": 3,
    "missions/perseverance/": 5,
    "events/": 3,
    # An ended event names its mission's landing: its milestones, one query.
    "events/perseverance-landing-live-broadcast/": 2,
    "lights/": 1,
    "mars-time/": 2,
}


@pytest.mark.django_db
def test_each_page_costs_the_same_queries_in_every_language(site_at_now, django_assert_num_queries):
    for page, queries in PAGE_QUERIES.items():
        for prefix in ("/", "/es/", "/ar/"):
            with django_assert_num_queries(queries):
                assert Client().get(prefix + page).status_code == 200


def test_arabic_dates_name_the_weekday_as_the_browser_does():
    """Before: the server wrote "خميس" where the browser's Intl (the visitor's time beside it)
    writes "الخميس" for the same Thursday."""
    with translation.override("ar"):
        assert date_format(datetime(2030, 1, 10, 18, 0), DATE_TIME) == "الخميس 10 يناير 2030، 18:00"
    with translation.override("es"):
        assert date_format(datetime(2030, 1, 10, 18, 0), DATE_TIME) == "jue 10 ene 2030, 18:00"


def test_the_scripts_have_no_words_of_their_own():
    """Every word countdown.js and live.js write comes from the page, in its language
    ({% countdown_words %}, {% live_feed_words %}). Before, each kept English forms to fall
    back on ("3 days" once reached a Spanish page that way): no second place for them now."""
    scripts = Path(__file__).resolve().parent.parent / "static" / "js"
    words = re.compile(r"\b(days?|hours?|minutes?|seconds?|updates?|Pause|Resume)\b")
    for name in ("countdown.js", "live.js"):
        code = re.sub(r"//.*", "", (scripts / name).read_text())
        # Text a visitor could read: a string with a space in it, not a selector or pattern.
        texts = [t for t in re.findall(r"\"([^\"]*)\"", code) if " " in t and "[" not in t]
        assert [text for text in texts if words.search(text)] == [], name
