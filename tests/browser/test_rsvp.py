import re
from datetime import timedelta

import pytest
from django.core import mail
from playwright.sync_api import expect

from marsweb import clock
from tests.browser.test_pages import serious_violations
from tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_follow_the_email_link_and_see_the_seat_and_join_link(page):
    now = clock.now()
    make_event(
        slug="watch-party",
        title="Landing watch party",
        capacity=10,
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
    )
    page.goto("/events/watch-party/")
    page.get_by_label("Name").fill("Katherine Johnson")
    page.get_by_label("Email").fill("katherine@example.org")
    page.get_by_role("button", name="RSVP").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    assert serious_violations(page) == []

    link = re.search(r"http://127\.0\.0\.1:8000(/rsvp/\S+/confirm/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Confirm my place").click()
    page.get_by_role("heading", name="You have a seat, Katherine Johnson").wait_for()
    assert serious_violations(page) == []
    join = page.get_by_role("link", name="Join Landing watch party")
    assert join.get_attribute("href") == "https://stream.example.org/secret-room"
    assert page.get_by_role("link", name="Add to calendar (.ics)").is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download your boarding pass (PNG)").click()
    assert download.value.suggested_filename == "boarding-pass-watch-party.png"

    page.get_by_role("link", name="Cancel my RSVP").click()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Yes, cancel my RSVP").click()
    page.get_by_role("heading", name="Your RSVP is cancelled").wait_for()


# What each language says at each step of signing up (the catalogues in locale/).
WORDS = {
    "es": {
        "name": "Nombre",
        "email": "Correo electrónico",
        "rsvp": "Inscribirme",
        "inbox": "Revisa tu bandeja de entrada",
        "subject": "Confirma tu plaza para Fiesta del aterrizaje",
        "confirm": "Confirmar mi plaza",
        "seat": "Tienes plaza, Katherine Johnson",
        "calendar": "Añadir al calendario (.ics)",
        "seated": "Tu plaza para Fiesta del aterrizaje",
    },
    "ar": {
        "name": "الاسم",
        "email": "البريد الإلكتروني",
        "rsvp": "سجّل حضورك",
        "inbox": "تفقّد بريدك الوارد",
        "subject": "أكّد مكانك في حفلة الهبوط",
        "confirm": "تأكيد مكاني",
        "seat": "لديك مقعد يا ليلى",
        "calendar": "أضف إلى التقويم (‎.ics)",
        "seated": "مقعدك في حفلة الهبوط",
    },
}


@pytest.mark.parametrize("language", WORDS)
def test_sign_up_in_spanish_or_arabic_and_everything_speaks_it(page, language):
    words = WORDS[language]
    name = "Katherine Johnson" if language == "es" else "ليلى"
    now = clock.now()
    make_event(
        slug="watch-party",
        title="Landing watch party",
        title_es="Fiesta del aterrizaje",
        title_ar="حفلة الهبوط",
        capacity=10,
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
    )
    page.goto(f"/{language}/events/watch-party/")
    assert page.locator("html").get_attribute("lang") == language
    page.get_by_label(words["name"]).fill(name)
    page.get_by_label(words["email"]).fill("katherine@example.org")
    page.get_by_role("button", name=words["rsvp"]).click()
    page.get_by_role("heading", name=words["inbox"]).wait_for()
    assert serious_violations(page) == []

    email = mail.outbox[-1]
    assert email.subject == words["subject"]
    assert words["confirm"] in email.alternatives[0].content
    link = re.search(rf"http://127\.0\.0\.1:8000(/{language}/rsvp/\S+/confirm/)", email.body)
    page.goto(link.group(1))
    page.get_by_role("button", name=words["confirm"]).click()
    page.get_by_role("heading", name=words["seat"]).wait_for()
    assert serious_violations(page) == []
    assert mail.outbox[-1].subject == words["seated"]
    calendar = page.get_by_role("link", name=words["calendar"])
    assert calendar.get_attribute("href") == f"/{language}/events/watch-party/calendar.ics"


def test_a_mistake_in_the_form_is_announced_beside_the_field(page):
    now = clock.now()
    make_event(
        slug="watch-party", starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=3)
    )
    page.goto("/events/watch-party/")
    page.get_by_label("Name").fill("Katherine Johnson")
    page.get_by_label("Email").fill("not an address")
    page.get_by_role("button", name="RSVP").click()
    email = page.get_by_label("Email")
    assert email.get_attribute("aria-invalid") == "true"
    # The message is the field's accessible description: a screen reader reads it with it.
    expect(email).to_have_accessible_description(
        re.compile(r"Enter an email address like name@example\.org\.")
    )
    assert serious_violations(page) == []


def test_a_form_with_mistakes_puts_focus_on_the_summary_of_them(page):
    page.goto("/lights/submit/")
    page.get_by_role("button", name="Send for review").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("^Landmark or building")).click()
    expect(page.locator("#id_landmark")).to_be_focused()
    assert serious_violations(page) == []
