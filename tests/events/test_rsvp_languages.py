"""An attendee is written to in the language of the page they signed up on."""

import re
from datetime import UTC, datetime
from io import BytesIO

import pytest
import time_machine
from django.core import mail
from django.test import Client
from PIL import Image

from events.models import Rsvp
from events.rsvp import rsvp_cancel
from tests.factories import make_event
from tests.text import page_text

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def event():
    return make_event(slug="watch-party", capacity=1)


def sign_up(client, prefix, email="ana@example.org", name="Ana García"):
    return client.post(
        f"{prefix}/events/watch-party/rsvp/",
        {"name": name, "email": email, "website": ""},
        follow=True,
    )


LINKS = {
    "confirm/": r"(/(?:es/|ar/)?rsvp/[^/\s]+/confirm/)",
    "rsvp/": r"(/(?:es/|ar/)?rsvp/[^/\s]+/)(?=\s|$)",
    "calendar.ics": r"(/(?:es/|ar/)?events/[^/\s]+/calendar\.ics)",
}


def link(message, kind) -> str:
    """The path of a link in the email's text: its confirmation, RSVP page or calendar."""
    return re.search(r"http://127\.0\.0\.1:8000" + LINKS[kind], message.body, re.M).group(1)


def test_a_spanish_sign_up_is_remembered_and_every_email_speaks_spanish(client, event):
    answer = sign_up(client, "/es")
    assert answer.redirect_chain == [("/es/events/watch-party/rsvp/sent/", 303)]
    assert "Revisa tu bandeja de entrada" in answer.content.decode()
    rsvp = Rsvp.objects.get()
    assert rsvp.language == "es"
    confirmation = mail.outbox[-1]
    assert confirmation.subject.startswith("Confirma tu plaza para")
    assert "Confirmar mi plaza" in confirmation.alternatives[0].content
    confirm_path = link(confirmation, "confirm/")
    assert confirm_path.startswith("/es/rsvp/")

    page = client.get(confirm_path).content.decode()
    assert "Confirma tu plaza" in page_text(page)
    mail.outbox.clear()
    client.post(confirm_path)
    seated = mail.outbox[-1]
    assert seated.subject.startswith("Tu plaza para")
    assert "Estás confirmado: tienes plaza." in seated.body
    assert link(seated, "calendar.ics").startswith("/es/events/watch-party/")
    attendee_page = client.get(link(seated, "rsvp/")).content.decode()
    assert "Tienes plaza, Ana García" in page_text(attendee_page)


def test_an_arabic_attendee_hears_of_the_waitlist_and_the_seat_in_arabic(client, event):
    sign_up(client, "", email="first@example.org", name="First")
    client.post(link(mail.outbox[-1], "confirm/"))
    mail.outbox.clear()
    sign_up(client, "/ar", email="layla@example.org", name="ليلى")
    client.post(link(mail.outbox[-1], "confirm/"))
    waitlisted = mail.outbox[-1]
    assert waitlisted.subject.startswith("أنت في قائمة الانتظار")
    assert '<html lang="ar" dir="rtl">' in waitlisted.alternatives[0].content
    assert "مرحبًا <bdi>ليلى</bdi>،" in waitlisted.alternatives[0].content
    # The address of the attendee's page reads left to right, not split by the direction.
    assert re.search(
        r'<a href="http://[^"]+/rsvp/[^"]+" dir="ltr"', waitlisted.alternatives[0].content
    )
    mail.outbox.clear()

    rsvp_cancel(rsvp=Rsvp.objects.get(email="first@example.org"))
    seat = next(m for m in mail.outbox if m.to == ["layla@example.org"])
    assert seat.subject.startswith("مقعدك في")
    assert "أخبار سارة: توفّر مقعد وهو لك." in seat.body
    # The first attendee signed up in English and is told of the cancellation in English.
    cancelled = next(m for m in mail.outbox if m.to == ["first@example.org"])
    assert cancelled.subject.startswith("Cancelled: your place for")


def test_signing_up_again_from_another_language_switches_the_emails_to_it(client, event, clock):
    sign_up(client, "/es")
    clock.shift(120)
    sign_up(client, "")
    assert Rsvp.objects.get().language == "en"
    assert mail.outbox[-1].subject.startswith("Confirm your place for")


def test_staff_see_and_change_an_attendees_language(staff_client, event):
    sign_up(Client(), "/ar")
    rsvp = Rsvp.objects.get()
    listing = staff_client.get("/admin/events/rsvp/?language__exact=ar").content.decode()
    assert "Ana García" in listing
    form = staff_client.get(f"/admin/events/rsvp/{rsvp.pk}/change/").content.decode()
    assert '<option value="ar" selected>العربية</option>' in form
    answer = staff_client.post(
        f"/admin/events/rsvp/{rsvp.pk}/change/",
        {"name": rsvp.name, "email": rsvp.email, "language": "es"},
    )
    assert answer.status_code == 302
    rsvp.refresh_from_db()
    assert rsvp.language == "es"


def test_a_name_in_arabic_is_isolated_on_the_attendee_page(client, event):
    sign_up(client, "", email="noor@example.org", name="نور (Noor) 2")
    client.post(link(mail.outbox[-1], "confirm/"))
    page = client.get(link(mail.outbox[-1], "rsvp/")).content.decode()
    assert "<bdi>نور (Noor) 2</bdi>" in page


def boarding_pass(client, path) -> Image.Image:
    answer = client.get(path)
    assert answer["Content-Type"] == "image/png"
    return Image.open(BytesIO(answer.content))


def test_the_boarding_pass_speaks_the_attendees_language_whichever_address_serves_it(client, event):
    """Before: every pass was in English."""
    sign_up(client, "/es")
    client.post(link(mail.outbox[-1], "confirm/"))
    token = Rsvp.objects.get().token
    for prefix in ("/es", "", "/ar"):
        image = boarding_pass(client, f"{prefix}/rsvp/{token}/boarding-pass.png")
        assert image.text["Title"].startswith("Tarjeta de embarque: ")
        assert "salida jue 10 ene 2030" in image.text["Description"]
        assert image.text["Description"].endswith(
            "Con plaza. Tarjeta " + Rsvp.objects.get().pass_code + "."
        )


def test_an_arabic_boarding_pass_is_laid_out_right_to_left(client, event):
    sign_up(client, "/ar", name="ليلى")
    client.post(link(mail.outbox[-1], "confirm/"))
    rsvp = Rsvp.objects.get()
    arabic = boarding_pass(client, f"/rsvp/{rsvp.token}/boarding-pass.png")
    assert arabic.text["Title"].startswith("بطاقة الصعود: ")
    assert arabic.text["Description"].startswith("ليلى، ")
    rsvp.language = "en"
    rsvp.save()
    english = boarding_pass(client, f"/rsvp/{rsvp.token}/boarding-pass.png")
    assert english.text["Title"].startswith("Boarding pass: ")
    # Mars, on the stub, is at the end of the line: on the left in Arabic, the right in English.
    mars = (193, 68, 14)
    assert arabic.convert("RGB").getpixel((190, 280)) == mars
    assert english.convert("RGB").getpixel((190, 280)) != mars
    assert english.convert("RGB").getpixel((1010, 280)) == mars
