"""The RSVP flow as visitors meet it, through requests."""

import email.policy
import re
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from io import BytesIO
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.test import Client
from PIL import Image

from events.boarding_pass import boarding_pass_png
from events.models import Event, Rsvp
from tests.factories import make_event, make_mission, make_rsvp
from tests.text import page_text

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)  # six hours before make_event's start


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def event():
    return make_event(slug="watch-party", capacity=2)


def sign_up(client, event, name="Ada Lovelace", email="ada@example.org", **extra):
    return client.post(
        f"/events/{event.slug}/rsvp/",
        {"name": name, "email": email, "website": "", **extra},
        follow=True,
    )


def confirm_link(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/rsvp/[^/\s]+/confirm/)", message.body).group(1)


def sign_up_and_confirm(client, event, name, email) -> Rsvp:
    mail.outbox.clear()
    sign_up(client, event, name=name, email=email)
    client.post(confirm_link(mail.outbox[-1]))
    return Rsvp.objects.get(event=event, email=email)


def test_event_page_shows_times_seats_countdown_and_the_form(client, event):
    client.cookies["tz"] = "Europe/Paris"
    page = client.get("/events/watch-party/").content.decode()
    assert "Thu 10 Jan 2030, 10:00 PST" in page  # the event's own zone
    assert "your time: <time" in page and "19:00 CET" in page
    assert "<strong>2</strong> seats left of 2." in page
    assert 'hx-get="/events/watch-party/seats/"' in page
    assert 'hx-get="/events/watch-party/countdown/"' in page
    assert '<label for="id_name">Name</label>' in page
    assert 'action="/events/watch-party/rsvp/"' in page
    assert "secret-room" not in page  # the join link is for seated attendees only


def test_events_list_shows_upcoming_first_and_past_below(client):
    make_event(
        title="Old landing", starts_at=NOW - timedelta(days=400), ends_at=NOW - timedelta(days=399)
    )
    make_event(title="Next landing")
    page = client.get("/events/").content.decode()
    assert page.index("Next landing") < page.index("Past events") < page.index("Old landing")


def test_sign_up_stores_a_pending_rsvp_and_emails_a_confirmation_link(client, event):
    response = sign_up(client, event, name="  Ada   Lovelace ", email="  Ada@Example.ORG ")
    # Post/Redirect/Get: reloading the answer never posts the form again.
    assert response.redirect_chain == [("/events/watch-party/rsvp/sent/", 303)]
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    rsvp = Rsvp.objects.get()
    assert (rsvp.name, rsvp.email, rsvp.status) == ("Ada Lovelace", "ada@example.org", "pending")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    assert message.subject.startswith("Confirm your place for")
    assert confirm_link(message) in message.alternatives[0].content
    assert message.alternatives[0].mimetype == "text/html"
    assert (
        "<strong>1</strong> seat" not in client.get("/events/watch-party/").content.decode()
    )  # pending holds none


def test_repeat_sign_up_reveals_nothing_and_sends_a_fresh_link_to_the_same_rsvp(
    client, event, clock
):
    first = sign_up(client, event)
    clock.shift(timedelta(minutes=2))
    second = sign_up(client, event, email="ADA@example.org")

    def without_nonce(response):
        return re.sub(rb'nonce="[^"]+"', b"", response.content)

    assert without_nonce(first) == without_nonce(second)
    assert Rsvp.objects.count() == 1
    assert len(mail.outbox) == 2
    assert confirm_link(mail.outbox[0]) != confirm_link(mail.outbox[1])


def test_repeat_sign_up_of_a_seated_attendee_looks_the_same_and_emails_their_page(
    client, event, clock
):
    sign_up_and_confirm(client, event, "Ada", "ada@example.org")
    clock.shift(timedelta(minutes=2))
    mail.outbox.clear()
    response = sign_up(client, event, email="ada@example.org")
    assert "Check your inbox" in response.content.decode()
    assert mail.outbox[0].subject.startswith("You are already signed up")
    assert Rsvp.objects.count() == 1


def test_a_repeat_sign_up_does_not_rename_a_pending_rsvp(client, event, clock):
    sign_up(client, event, name="Ada Lovelace")
    clock.shift(timedelta(minutes=2))
    sign_up(client, event, name="Click https://evil.example now")
    assert Rsvp.objects.get().name == "Ada Lovelace"
    client.post(confirm_link(mail.outbox[-1]))
    assert (
        "You have a seat, <bdi>Ada Lovelace</bdi>"
        in client.get(Rsvp.objects.get().get_absolute_url()).content.decode()
    )


def test_the_confirmation_email_does_not_repeat_a_name_nobody_has_confirmed(client, event):
    sign_up(client, event, name="Click https://evil.example now")
    message = mail.outbox[0]
    assert message.body.startswith("Hello,")
    assert "evil.example" not in message.body
    assert "evil.example" not in message.alternatives[0].content


def test_sign_ups_within_a_minute_do_not_flood_an_inbox(client, event):
    for _ in range(3):
        sign_up(client, event)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "email": "ada@example.org"}, "name", "Enter your name"),
        (
            {"name": "Ada", "email": "not-an-email"},
            "email",
            "Enter an email address like name@example.org.",
        ),
        ({"name": "Ada", "email": ""}, "email", "Enter your email address"),
        (
            {"name": "x" * 101, "email": "ada@example.org"},
            "name",
            "Keep your name under 100 characters.",
        ),
        (
            {"name": "Ada\r\nBcc: victim@example.org", "email": "ada@example.org"},
            "name",
            "Use letters, numbers and punctuation only.",
        ),
        (
            {"name": "Ada", "email": "ada@example.org\r\nBcc: x@example.org"},
            "email",
            "Enter an email address",
        ),
        ({"name": "   ", "email": "ada@example.org"}, "name", "Enter your name"),
    ],
)
def test_invalid_input_gets_the_form_back_with_the_message_beside_the_field(
    client, event, data, field, message
):
    response = client.post("/events/watch-party/rsvp/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_{field}_error">{message}' in page
    assert 'aria-invalid="true"' in page
    assert not Rsvp.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("email", ["ada@localhost", "ada@[127.0.0.1]"])
def test_an_address_without_a_public_domain_is_refused_clearly(client, event, email):
    response = client.post(
        "/events/watch-party/rsvp/", {"name": "Ada", "email": email, "website": ""}
    )
    assert response.status_code == 400
    assert "Enter an email address with a full domain" in response.content.decode()
    assert not Rsvp.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "name",
    [
        "\u0645\u0647\u200c\u0633\u0627",  # Persian: the non-joiner keeps the letters apart
        "Ada \U0001f469\u200d\U0001f680",  # woman astronaut: an emoji joined with ZWJ
    ],
)
def test_names_that_need_a_joiner_are_accepted(client, event, name):
    response = sign_up(client, event, name=name)
    assert response.status_code == 200
    assert Rsvp.objects.get().name == name


def test_html_in_a_name_is_shown_as_text_everywhere(client, event):
    sign_up_and_confirm(client, event, "<script>alert(1)</script>", "ada@example.org")
    seat_email = mail.outbox[-1].alternatives[0].content
    assert "<script>alert(1)</script>" not in seat_email
    assert "&lt;script&gt;" in seat_email
    page = client.get(Rsvp.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_confirm_link_get_changes_nothing_and_post_seats_the_attendee(client, event):
    sign_up(client, event)
    link = confirm_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirm my place" in page.content.decode()
    assert Rsvp.objects.get().status == "pending"
    response = client.post(link)
    rsvp = Rsvp.objects.get()
    assert response.status_code == 302 and response["Location"] == rsvp.get_absolute_url()
    assert rsvp.status == "seated"
    own = client.get(rsvp.get_absolute_url())
    assert "no-store" in own["Cache-Control"]
    own_page = own.content.decode()
    assert "You have a seat, <bdi>Ada Lovelace</bdi>" in own_page
    assert 'href="https://stream.example.org/secret-room"' in own_page
    assert "/events/watch-party/calendar.ics" in own_page
    assert mail.outbox[-1].subject.startswith("Your seat for")
    assert "secret-room" in mail.outbox[-1].body


def test_confirming_twice_changes_nothing(client, event):
    sign_up(client, event)
    link = confirm_link(mail.outbox[0])
    client.post(link)
    client.post(link)
    assert Rsvp.objects.get().status == "seated"
    assert len(mail.outbox) == 2


def test_when_full_confirmation_puts_the_attendee_on_the_waitlist(client, event):
    sign_up_and_confirm(client, event, "One", "one@example.org")
    sign_up_and_confirm(client, event, "Two", "two@example.org")
    third = sign_up_and_confirm(client, event, "Three", "three@example.org")
    fourth = sign_up_and_confirm(client, event, "Four", "four@example.org")
    assert (third.status, fourth.status) == ("waitlisted", "waitlisted")
    page = client.get(fourth.get_absolute_url()).content.decode()
    assert "You are on the waitlist, <bdi>Four</bdi>" in page
    assert "Number <strong>2</strong> in line" in page
    assert "secret-room" not in page
    assert mail.outbox[-1].subject.startswith("You are on the waitlist")
    assert "<strong>Full.</strong>" in client.get("/events/watch-party/").content.decode()


def test_a_cancelled_seat_goes_to_the_first_on_the_waitlist_who_is_emailed(client, event):
    one = sign_up_and_confirm(client, event, "One", "one@example.org")
    sign_up_and_confirm(client, event, "Two", "two@example.org")
    three = sign_up_and_confirm(client, event, "Three", "three@example.org")
    sign_up_and_confirm(client, event, "Four", "four@example.org")
    mail.outbox.clear()
    ask = client.get(f"/rsvp/{one.token}/cancel/")
    assert "Yes, cancel my RSVP" in ask.content.decode()
    assert "It goes to the next person on the waitlist at once." in ask.content.decode()
    assert Rsvp.objects.get(pk=one.pk).status == "seated"  # the GET only asks
    client.post(f"/rsvp/{one.token}/cancel/")
    assert Rsvp.objects.get(pk=one.pk).status == "cancelled"
    assert Rsvp.objects.get(pk=three.pk).status == "seated"
    assert Rsvp.objects.get(email="four@example.org").status == "waitlisted"
    assert [m.to for m in mail.outbox] == [["one@example.org"], ["three@example.org"]]
    assert "Your seat went to the next person on the waitlist." in mail.outbox[0].body
    assert "a seat opened up and it is yours" in mail.outbox[1].body


def test_a_seat_given_up_with_nobody_waiting_is_not_said_to_go_to_the_waitlist(client, event):
    """Before, the page and the email always said the seat went to the next person on the
    waitlist, even with seats free and nobody waiting."""
    one = sign_up_and_confirm(client, event, "One", "one@example.org")
    mail.outbox.clear()
    ask = client.get(f"/rsvp/{one.token}/cancel/").content.decode()
    assert "waitlist" not in ask
    assert "It is free again for someone else to take." in ask
    client.post(f"/rsvp/{one.token}/cancel/")
    (message,) = mail.outbox
    assert "waitlist" not in message.body
    assert "waitlist" not in message.alternatives[0][0]


def test_cancelled_attendee_can_sign_up_again(client, event, clock):
    one = sign_up_and_confirm(client, event, "One", "one@example.org")
    client.post(f"/rsvp/{one.token}/cancel/")
    clock.shift(timedelta(minutes=2))
    again = sign_up_and_confirm(client, event, "One", "one@example.org")
    assert again.pk == one.pk and again.status == "seated"
    # What held for the cancelled RSVP no longer does: staff see only the new story.
    assert again.cancelled_at is None
    assert again.seated_at == NOW + timedelta(minutes=2)


def test_the_confirm_link_of_a_cancelled_rsvp_says_so_and_offers_to_sign_up_again(client, event):
    sign_up(client, event)
    link = confirm_link(mail.outbox[0])
    client.post(link)
    rsvp = Rsvp.objects.get()
    client.post(f"/rsvp/{rsvp.token}/cancel/")
    page = client.get(link).content.decode()
    assert "Your RSVP for <strong>Landing watch party" in page and "was cancelled" in page
    assert "already confirmed" not in page
    assert '<a class="button" href="/events/watch-party/">Sign up again</a>' in page
    client.post(link)  # the old link cannot bring the cancelled seat back
    assert Rsvp.objects.get().status == "cancelled"


def test_an_expired_confirmation_link_gets_a_clear_410(client, event, clock):
    sign_up(client, event)
    link = confirm_link(mail.outbox[0])
    clock.shift(timedelta(hours=49))
    response = client.post(link)
    assert response.status_code == 410
    assert "This confirmation link has expired" in response.content.decode()
    assert Rsvp.objects.get().status == "pending"


@pytest.mark.parametrize(
    "token",
    [
        "nope",
        "a" * 500,
        "abc:def:ghi",
        "%00",
        "..",
        "Zm9v:1xW1Rj:VqBkR71ZkrXlSf9_JPYmckYNQ3G4q9VTYMUmAPmUSTg",
    ],
)
def test_forged_or_truncated_links_get_a_clear_404(client, event, token):
    for url in (
        f"/rsvp/{token}/confirm/",
        f"/rsvp/{token}/",
        f"/rsvp/{token}/cancel/",
        f"/rsvp/{token}/boarding-pass.png",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code in (404, 405), url


def test_a_truncated_genuine_link_is_404(client, event):
    sign_up(client, event)
    link = confirm_link(mail.outbox[0])
    truncated = link.removesuffix("/confirm/")[:-6] + "/confirm/"
    response = client.get(truncated)
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_closed_rsvp_refuses_sign_ups_clearly(client):
    closed = make_event(slug="closed", rsvp_closes_at=NOW - timedelta(minutes=1))
    assert "RSVPs for this event are closed." in client.get("/events/closed/").content.decode()
    response = sign_up(client, closed)
    assert response.status_code == 400
    assert "RSVPs for this event are closed." in response.content.decode()
    assert not Rsvp.objects.exists()


def test_not_yet_open_rsvp_says_when(client):
    make_event(slug="later", rsvp_opens_at=NOW + timedelta(hours=1))
    assert "RSVPs open" in client.get("/events/later/").content.decode()


def test_honeypot_answers_like_a_success_but_stores_nothing(client, event):
    response = sign_up(client, event, website="http://spam.example")
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert not Rsvp.objects.exists()
    assert not mail.outbox


def test_staff_closing_rsvps_takes_effect_within_a_second(client, event, clock):
    """Sign-ups read the event at most once a second per process, as its page does."""
    assert sign_up(client, event, email="early@example.org").status_code == 200
    Event.objects.filter(pk=event.pk).update(rsvp_closes_at=NOW - timedelta(minutes=1))
    clock.shift(timedelta(seconds=1))
    response = sign_up(client, event, email="late@example.org")
    assert response.status_code == 400
    assert "RSVPs for this event are closed." in response.content.decode()
    assert list(Rsvp.objects.values_list("email", flat=True)) == ["early@example.org"]


def test_a_sign_up_costs_one_write_and_its_email(client, event, django_assert_max_num_queries):
    """Pinned: the insert in its own transaction, then the email task reads the RSVP and
    records the send. Nothing grows with the number of RSVPs already stored."""
    for n in range(20):
        make_rsvp(event, email=f"earlier{n}@example.org")
    sign_up(client, event, email="first@example.org")  # reads the event for this second
    with django_assert_max_num_queries(5):
        response = client.post(
            "/events/watch-party/rsvp/", {"name": "Ada", "email": "ada@example.org", "website": ""}
        )
    assert response.status_code == 303
    assert Rsvp.objects.filter(email="ada@example.org", status="pending").exists()


def test_rsvp_post_without_csrf_token_is_refused(event):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/events/watch-party/rsvp/", {"name": "Ada", "email": "ada@example.org"})
    assert response.status_code == 403
    assert not Rsvp.objects.exists()


def test_unpublished_event_is_not_found(client):
    make_event(slug="draft", is_published=False)
    assert client.get("/events/draft/").status_code == 404
    assert (
        client.post("/events/draft/rsvp/", {"name": "A", "email": "a@example.org"}).status_code
        == 404
    )


def test_boarding_pass_is_a_png_for_confirmed_attendees_only(client, event):
    sign_up(client, event)
    pending = Rsvp.objects.get()
    assert client.get(f"/rsvp/{pending.token}/boarding-pass.png").status_code == 404
    client.post(confirm_link(mail.outbox[0]))
    response = client.get(f"/rsvp/{pending.token}/boarding-pass.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    image = Image.open(BytesIO(response.content))
    assert image.size == (1200, 500)


def test_the_pass_code_tells_nothing_about_how_many_signed_up(client, event):
    codes = []
    for n in range(2):
        rsvp = sign_up_and_confirm(client, event, f"Fan {n}", f"fan{n}@example.org")
        image = Image.open(BytesIO(client.get(f"/rsvp/{rsvp.token}/boarding-pass.png").content))
        code = re.search(r"Pass ([0-9A-Z]+)\.", image.text["Description"]).group(1)
        assert code != f"{rsvp.pk:06d}"
        assert re.fullmatch(r"[0-9A-F]{8}", code) and code not in rsvp.token
        codes.append(code)
    assert codes[0] != codes[1]


def test_a_waitlisted_attendees_pass_says_waitlist_and_their_number(client, event):
    for n in range(3):
        last = sign_up_and_confirm(client, event, f"Fan {n}", f"fan{n}@example.org")
    assert last.status == "waitlisted"
    seated = Rsvp.objects.filter(status="seated").first()
    waitlisted_pass = Image.open(
        BytesIO(client.get(f"/rsvp/{last.token}/boarding-pass.png").content)
    )
    seated_pass = Image.open(BytesIO(client.get(f"/rsvp/{seated.token}/boarding-pass.png").content))
    assert "Waitlist — number 1" in waitlisted_pass.text["Description"]
    assert waitlisted_pass.text["Title"].startswith("Waitlist pass")
    assert "Seated" in seated_pass.text["Description"]
    assert seated_pass.text["Title"].startswith("Boarding pass")
    # The header band is the waitlist's amber, not the boarding pass's Mars red.
    assert waitlisted_pass.getpixel((5, 5)) != seated_pass.getpixel((5, 5))


def test_a_pass_is_drawn_once_per_state_and_again_when_what_it_shows_changes(client, event):
    """Before: every request drew the pass again (0.1 s of CPU each, no limit)."""
    for n in range(3):
        last = sign_up_and_confirm(client, event, f"Fan {n}", f"fan{n}@example.org")
    url = f"/rsvp/{last.token}/boarding-pass.png"
    with mock.patch("events.boarding_pass.boarding_pass_png", wraps=boarding_pass_png) as draw:
        first = client.get(url).content
        assert all(client.get(url).content == first for _ in range(5))
        assert draw.call_count == 1
        # A seat frees up: the waitlisted attendee is seated, and the pass says so at once.
        seated = Rsvp.objects.filter(status="seated").first()
        client.post(f"/rsvp/{seated.token}/cancel/")
        now_seated = Image.open(BytesIO(client.get(url).content))
        assert draw.call_count == 2
    assert "Seated" in now_seated.text["Description"]


def test_seats_fragment_is_live_while_open(client, event):
    fragment = client.get("/events/watch-party/seats/", HTTP_HX_REQUEST="true")
    assert fragment.content.decode().startswith('<div id="seats"')
    assert 'hx-trigger="every 10s"' in fragment.content.decode()
    assert client.get("/events/watch-party/seats/").status_code == 302


def test_event_countdown_fragment_counts_to_the_start(client, event):
    html = client.get("/events/watch-party/countdown/", HTTP_HX_REQUEST="true").content.decode()
    assert "06 hours 00 minutes 00 seconds to the start" in page_text(html)
    page = client.get("/events/watch-party/countdown/").content.decode()
    assert "<html" in page


def test_pages_cost_a_fixed_number_of_queries(client, event, django_assert_max_num_queries):
    for n in range(30):
        make_rsvp(event, status="seated" if n < 2 else "waitlisted")
        make_event()
    with django_assert_max_num_queries(3):
        assert client.get("/events/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/events/watch-party/").status_code == 200


@pytest.mark.parametrize("token", ["%00", "abc%00def", "%F0%9F%9A%80", "a%0Ab"])
def test_tokens_with_odd_bytes_are_404_on_every_database(client, event, token):
    for url in (f"/rsvp/{token}/", f"/rsvp/{token}/confirm/", f"/rsvp/{token}/cancel/"):
        assert client.get(url).status_code == 404


def test_home_lists_the_next_events(client):
    make_event(title="Next landing party")
    make_event(title="Long ago", starts_at=NOW - timedelta(days=9), ends_at=NOW - timedelta(days=8))
    page = client.get("/").content.decode()
    assert "Next landing party" in page
    assert "Long ago" not in page


def test_an_event_that_has_ended_says_so_with_no_countdown_seats_or_form(client):
    mission = make_mission(
        slug="rover",
        name="Rover",
        landed_at=NOW - timedelta(days=30, hours=1),
        latitude="18.4",
        longitude_east="77.5",
    )
    make_event(
        slug="old-party",
        capacity=50,
        mission=mission,
        starts_at=NOW - timedelta(days=30, hours=2),
        ends_at=NOW - timedelta(days=30),
    )
    page = " ".join(client.get("/events/old-party/").content.decode().split())
    assert "This event has ended" in page
    assert 'id="countdown"' not in page and "Pause live updates" not in page
    assert "seats left" not in page and 'id="seats"' not in page
    assert "csrfmiddlewaretoken" not in page and "RSVPs for this event are closed" not in page
    assert 'Rover landed: Earth heard of it <time datetime="2029-12-11T11:00:00Z"' in page
    assert '<a href="/missions/rover/">' in page


def test_cancelling_emails_the_attendee_that_it_is_done(client, event):
    one = sign_up_and_confirm(client, event, "One", "one@example.org")
    mail.outbox.clear()
    client.post(f"/rsvp/{one.token}/cancel/")
    (message,) = mail.outbox
    assert message.to == ["one@example.org"]
    assert message.subject == f"Cancelled: your place for {event.title}"
    assert "is cancelled" in message.body and "/events/watch-party/" in message.body


def test_every_time_in_an_email_is_in_the_events_zone_with_utc_beside_it(client, event):
    sign_up(client, event)
    (message,) = mail.outbox
    html = message.alternatives[0].content
    assert "Starts Thu 10 Jan 2030, 10:00 PST (18:00 UTC)" in message.body
    assert "Thu 10 Jan 2030, 10:00 PST (18:00 UTC)" in html
    assert "18:00 UTC\n" not in message.body.replace("(18:00 UTC)", "")  # no bare UTC-only time


def test_a_subject_too_long_for_one_folded_line_reaches_the_reader_without_a_leading_space(
    client,
):
    long_title = make_event(
        slug="long", title="Virtual NASA Social: Perseverance lands on Mars (Rehearsal)"
    )
    sign_up_and_confirm(client, long_title, "Ada", "ada@example.org")
    seat = mail.outbox[-1]
    raw = seat.message().as_bytes()
    assert message_from_bytes(raw, policy=email.policy.default)["Subject"] == seat.subject
    assert seat.subject.startswith("Your seat for")
