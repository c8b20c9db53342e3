"""A rehearsed landing read in Spanish and in Arabic in a real browser, across the touchdown,
after the polls have brought the new phase and the key events: not one English word where a
translation exists, as on load (tests/missions/test_live_languages.py holds the fragments
and feeds at every moment of the night; this holds what the scripts make of them)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from missions.models import LiveUpdate, Mission
from missions.rehearsal import mission_rehearse
from tests.missions.test_live_languages import english_with_translation
from tests.test_content_translations import ENGLISH_WORDS

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.realtime]

LANDS_IN_S = 20

# The page's text, leaving out what is marked English (content not translated yet, sources)
# and what is not shown.
TEXT_OUTSIDE_ENGLISH = """() => {
  const parts = [];
  const walk = node => {
    if (node.nodeType === Node.TEXT_NODE) { parts.push(node.textContent); return; }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (["SCRIPT", "STYLE", "TEMPLATE"].includes(node.tagName)) return;
    if (node.getAttribute("lang") === "en" && node !== document.documentElement) return;
    if (node.hidden || getComputedStyle(node).display === "none") return;
    node.childNodes.forEach(walk);
  };
  walk(document.body);
  return parts.join(" ").replace(/\\s+/g, " ");
}"""


@pytest.fixture
def night():
    call_command("seed", stdout=StringIO())
    rehearsal = mission_rehearse(
        mission=Mission.objects.get(slug="perseverance"), minutes=LANDS_IN_S / 60
    )
    rehearsal.is_featured = True
    rehearsal.save()
    return rehearsal


@pytest.mark.parametrize(
    ("language", "landed", "translated_post"),
    [
        ("es", "Aterrizaje confirmado", "¡Estamos en Marte!"),
        ("ar", "تأكّد الهبوط", "نحن على المريخ!"),
    ],
)
def test_the_landing_read_in_spanish_or_arabic_stays_in_it_after_every_poll(
    browser, live_server, night, language, landed, translated_post
):
    context = browser.new_context(base_url=live_server.url, locale=f"{language}-ES")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"/{language}/missions/{night.slug}/")
    before = page.evaluate(TEXT_OUTSIDE_ENGLISH)
    LiveUpdate.objects.create(
        mission=night,
        kind="key",
        headline_en="We are on Mars!",
        **{f"headline_{language}": translated_post},
    )
    # Across the touchdown: the countdown's new phase, and the post, after the polls.
    page.wait_for_function(
        "() => document.querySelector('#countdown').dataset.phase === 'landed'", timeout=40_000
    )
    touchdown = night.milestones.get(kind="touchdown")
    page.wait_for_selector(
        f'[data-live-poll] [data-entry="milestone-{touchdown.pk}"]',
        state="attached",
        timeout=15_000,
    )
    page.locator("[data-live-show]").click()
    assert page.locator(f"#milestone-{touchdown.pk}").count() == 1
    after = page.evaluate(TEXT_OUTSIDE_ENGLISH)
    assert landed in after
    assert translated_post in after and "We are on Mars!" not in after
    untranslated = english_with_translation(night, language)
    for text in (before, after):
        assert [english for english in untranslated if english in text] == []
        words = set(ENGLISH_WORDS.findall(text.replace("English", "")))
        assert words == set(), re.findall(r"[^.]*\b(?:the|and|with|from)\b[^.]*", text)[:5]
    assert errors == []
    context.close()
