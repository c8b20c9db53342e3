"""Landing night in Spanish and Arabic: what a page polls (the countdown, the live feed, the
event countdown) and what feed readers fetch (Atom) speak the page's language at every
moment of the night, from half an hour before touchdown to an hour after: no English where
a translation exists, and what is not translated yet is marked English."""

import html
from datetime import timedelta

import feedparser
import pytest
import time_machine
from django.test import Client

from events.models import Event
from missions.models import LiveUpdate, Milestone, Mission
from tests.conftest import SITE_NOW
from tests.test_content_translations import ENGLISH_WORDS, text_outside_english
from tests.test_structured_data import blocks

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
TOUCHDOWN_HEARD = SITE_NOW + timedelta(minutes=30)  # the site's rehearsal lands then
# From half an hour before Earth hears of the touchdown to an hour after, through the
# seven minutes of the landing second by second where its steps follow each other.
MOMENTS = [
    TOUCHDOWN_HEARD + timedelta(seconds=offset)
    for offset in (-1800, -600, -420, -400, -330, -240, -160, -140, -60, -20, 0, 5, 300, 3600)
]


@pytest.fixture
def night(site_at_now):
    """The rehearsal with a post written in every language, as the desk writes one."""
    rehearsal = Mission.objects.get(slug="perseverance-rehearsal")
    LiveUpdate.objects.create(
        mission=rehearsal,
        kind=LiveUpdate.Kind.KEY,
        headline_en="Touchdown confirmed",
        headline_es="Aterrizaje confirmado",
        headline_ar="تأكيد الهبوط",
        body_en="The rover is safe on the floor of the crater.",
        body_es="El rover está a salvo en el fondo del cráter.",
        body_ar="المركبة بأمان في قاع الفوهة.",
        posted_at=TOUCHDOWN_HEARD + timedelta(seconds=2),
    )
    return rehearsal


def english_with_translation(mission: Mission, language: str) -> set[str]:
    """The English texts of the night that have a translation in ``language``: a page in
    that language must show the translation instead."""
    texts = set()
    rows = [
        (mission, ("name", "landing_site_name")),
        *((m, ("title", "description")) for m in Milestone.objects.filter(mission=mission)),
        *((u, ("headline", "body")) for u in LiveUpdate.objects.filter(mission=mission)),
        *((e, ("title",)) for e in Event.objects.filter(mission=mission)),
    ]
    for row, fields in rows:
        for field in fields:
            english = getattr(row, f"{field}_en")
            translated = getattr(row, f"{field}_{language}")
            if english and translated and translated != english:
                texts.add(english)
    return texts


def polled(client: Client, language: str, mission: Mission) -> dict[str, str]:
    fragments = {
        path: client.get(f"/{language}{path}", **HX).content.decode()
        for path in (
            f"/missions/{mission.slug}/countdown/",
            f"/missions/{mission.slug}/live/",
            *(f"/events/{e.slug}/countdown/" for e in Event.objects.filter(mission=mission)),
        )
    }
    atom = client.get(f"/{language}/missions/{mission.slug}/live.atom").content.decode()
    fragments["live.atom"] = atom
    return fragments


def atom_text(atom: str) -> str:
    """The feed's text, leaving out what it marks English (an entry's ``xml:lang``, an
    element's ``lang``), as a feed reader would know it."""
    feed = feedparser.parse(atom)
    parts = [feed.feed.title, feed.feed.get("subtitle", "")]
    for entry in feed.entries:
        if entry.title_detail.language != "en":
            parts.append(entry.title)
        if entry.summary_detail.language != "en":
            parts.append(text_outside_english(entry.summary))
    return " ".join(parts)


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_polled_fragment_and_feed_speaks_the_pages_language_all_night(night, language):
    untranslated = english_with_translation(night, language)
    assert "Touchdown confirmed" in untranslated  # the check has something to find
    found: dict[str, set[str]] = {}
    for moment in MOMENTS:
        with time_machine.travel(moment, tick=False):
            for path, body in polled(Client(), language, night).items():
                text = atom_text(body) if path == "live.atom" else text_outside_english(body)
                raw = html.unescape(body)
                english = {t for t in untranslated if t in raw}
                words = set(ENGLISH_WORDS.findall(text))
                if english or words:
                    found.setdefault(f"{moment:%H:%M:%S} {path}", set()).update(english | words)
    assert found == {}


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_whole_pages_read_without_javascript_stay_in_the_pages_language_all_night(
    night, language
):
    """With JavaScript off a visitor reloads the page: the home page and the mission's, at
    each moment of the night, hold no English where a translation exists."""
    untranslated = english_with_translation(night, language)
    found: dict[str, set[str]] = {}
    for moment in MOMENTS:
        with time_machine.travel(moment, tick=False):
            for path in ("/", f"/missions/{night.slug}/"):
                body = Client().get(f"/{language}{path}").content.decode()
                raw = html.unescape(body)
                english = {t for t in untranslated if t in raw}
                words = set(
                    ENGLISH_WORDS.findall(text_outside_english(body).replace("English", ""))
                )
                if english or words:
                    found.setdefault(f"{moment:%H:%M:%S} {path}", set()).update(english | words)
    assert found == {}


def test_the_landing_arrives_in_spanish_in_the_polled_fragments(night):
    with time_machine.travel(TOUCHDOWN_HEARD - timedelta(seconds=160), tick=False):
        countdown = Client().get(f"/es/missions/{night.slug}/countdown/", **HX)
    assert "Despliegue del paracaídas" in countdown.content.decode()
    assert "Siguiente: Separación del escudo térmico" in countdown.content.decode()
    with time_machine.travel(TOUCHDOWN_HEARD + timedelta(seconds=5), tick=False):
        feed = Client().get(f"/es/missions/{night.slug}/live/", **HX).content.decode()
    assert "Aterrizaje confirmado" in feed
    assert "Touchdown confirmed" not in feed
    assert "Heat shield separation" not in feed


def test_an_untranslated_post_is_marked_english_in_the_fragment(night):
    LiveUpdate.objects.create(
        mission=night, headline="Parachute looks good", posted_at=SITE_NOW - timedelta(seconds=1)
    )
    feed = Client().get(f"/es/missions/{night.slug}/live/", **HX).content.decode()
    assert 'lang="en" dir="ltr">Parachute looks good<' in feed


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_atom_feed_names_itself_and_its_sources_in_the_pages_language(night, language):
    with time_machine.travel(TOUCHDOWN_HEARD + timedelta(minutes=5), tick=False):
        atom = Client().get(f"/{language}/missions/{night.slug}/live.atom").content.decode()
    feed = feedparser.parse(atom)
    assert feed.feed.language == language
    assert "live updates" not in feed.feed.title
    assert "(rehearsal)" not in feed.feed.title
    assert "Source:" not in atom


def test_the_live_blogs_structured_data_is_in_the_pages_language(night):
    page = Client().get(f"/es/missions/{night.slug}/").content.decode()
    live_blog = next(b for b in blocks(page) if b["@type"] == "LiveBlogPosting")
    assert live_blog["headline"] == "Perseverance (Ensayo): actualizaciones en directo"
    assert live_blog["inLanguage"] == "es"
