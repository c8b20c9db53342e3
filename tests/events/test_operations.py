"""Calendar, reminders, purge, retries, concurrency and the staff side of RSVPs."""

import csv
import io
import threading
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from icalendar import Calendar

from events import rsvp as flow
from events.models import Event, Rsvp
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def seated(event, n, **fields):
    return [
        make_rsvp(event, status="seated", confirmed_at=NOW, seated_at=NOW, **fields)
        for _ in range(n)
    ]


def test_calendar_parses_back_with_utc_times_a_stable_uid_and_no_join_link(client):
    event = make_event(slug="watch-party")
    response = client.get("/events/watch-party/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"secret-room" not in response.content
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["uid"]) == f"event-{event.pk}@127.0.0.1"
    assert entry.decoded("dtstart") == datetime(2030, 1, 10, 18, 0, tzinfo=UTC)
    assert entry.decoded("dtend") == datetime(2030, 1, 10, 20, 0, tzinfo=UTC)
    assert entry.decoded("dtstamp").tzinfo is not None
    assert b"DTSTART:20300110T180000Z" in response.content
    assert str(entry["url"]) == "http://127.0.0.1:8000/events/watch-party/"
    again = Calendar.from_ical(client.get("/events/watch-party/calendar.ics").content)
    assert str(again.walk("VEVENT")[0]["uid"]) == str(entry["uid"])


def test_reminders_go_out_once_across_repeated_runs(clock):
    event = make_event(starts_at=NOW + timedelta(minutes=30), ends_at=NOW + timedelta(hours=2))
    seated(event, 2)
    make_rsvp(event, status="waitlisted", waitlisted_at=NOW)
    later = make_event(starts_at=NOW + timedelta(days=2), ends_at=NOW + timedelta(days=2, hours=1))
    seated(later, 1)
    call_command("send_reminders")
    call_command("send_reminders")
    clock.shift(timedelta(minutes=5))
    call_command("send_reminders")
    reminders = [m for m in mail.outbox if m.subject.startswith("Starting soon")]
    assert len(reminders) == 2
    assert all("secret-room" in m.body for m in reminders)
    assert (
        Rsvp.objects.filter(event=event, status="seated").exclude(reminder_sent_at=None).count()
        == 2
    )


def test_a_failed_reminder_is_tried_again_on_the_next_run():
    event = make_event(starts_at=NOW + timedelta(minutes=30), ends_at=NOW + timedelta(hours=2))
    (rsvp,) = seated(event, 1)
    with mock.patch("marsweb.mail.SiteEmail.send", side_effect=OSError("mail server down")):
        call_command("send_reminders")
    assert Rsvp.objects.get(pk=rsvp.pk).reminder_sent_at is None
    assert not mail.outbox
    call_command("send_reminders")
    assert len(mail.outbox) == 1


def test_mail_server_down_keeps_the_rsvp_and_retry_emails_sends_it_later(client, clock):
    event = make_event(slug="watch-party")
    with mock.patch("marsweb.mail.SiteEmail.send", side_effect=OSError("mail server down")):
        response = client.post(
            "/events/watch-party/rsvp/", {"name": "Ada", "email": "ada@example.org"}, follow=True
        )
    assert response.status_code == 200
    rsvp = Rsvp.objects.get(event=event)
    assert rsvp.status == "pending" and rsvp.confirmation_sent_at is None
    assert not mail.outbox
    clock.shift(timedelta(minutes=2))
    call_command("retry_emails")
    assert len(mail.outbox) == 1
    assert Rsvp.objects.get(pk=rsvp.pk).confirmation_sent_at is not None
    call_command("retry_emails")
    assert len(mail.outbox) == 1


def test_purge_erases_personal_data_after_the_event_and_keeps_counts(clock):
    old = make_event(
        starts_at=NOW - timedelta(days=40), ends_at=NOW - timedelta(days=40) + timedelta(hours=2)
    )
    seated(old, 3)
    make_rsvp(old, status="cancelled")
    recent = make_event(
        starts_at=NOW - timedelta(days=2), ends_at=NOW - timedelta(days=2) + timedelta(hours=2)
    )
    seated(recent, 1)
    call_command("purge_rsvps")
    counts = Event.objects.with_counts().get(pk=old.pk)
    assert counts.seated_count == 3
    assert not Rsvp.objects.filter(event=old).exclude(email=None).exists()
    assert set(Rsvp.objects.filter(event=old).values_list("name", flat=True)) == {""}
    assert Rsvp.objects.filter(event=recent).exclude(email=None).count() == 1
    call_command("purge_rsvps", "--days", "1")
    assert not Rsvp.objects.filter(event=recent).exclude(email=None).exists()


def test_purged_rsvp_pages_are_gone(client):
    old = make_event(
        starts_at=NOW - timedelta(days=40), ends_at=NOW - timedelta(days=40) + timedelta(hours=2)
    )
    (rsvp,) = seated(old, 1)
    call_command("purge_rsvps")
    assert client.get(f"/rsvp/{rsvp.token}/").status_code == 404


def test_unconfirmed_rsvps_expire_and_are_purged(clock):
    event = make_event()
    rsvp = make_rsvp(event)
    clock.shift(timedelta(hours=49))
    assert flow.rsvp_is_expired(Rsvp.objects.get(pk=rsvp.pk))
    call_command("purge_rsvps")
    assert Rsvp.objects.get(pk=rsvp.pk).email is None


def confirm_all_at_once(rsvps):
    barrier = threading.Barrier(len(rsvps))
    errors = []

    def confirm(rsvp):
        try:
            barrier.wait()
            flow.rsvp_confirm(rsvp=rsvp)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(r,)) for r in rsvps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_fifty_simultaneous_confirmations_never_exceed_ten_seats():
    """One transaction per confirmation locks the event row (PostgreSQL: SELECT … FOR
    UPDATE; SQLite: BEGIN IMMEDIATE), so the seat count read and the seat taken cannot
    interleave. Runs on both databases in CI."""
    event = make_event(capacity=10)
    rsvps = [make_rsvp(event) for _ in range(50)]
    errors = confirm_all_at_once(rsvps)
    assert errors == []
    statuses = list(Rsvp.objects.filter(event=event).values_list("status", flat=True))
    assert len(statuses) == 50
    assert statuses.count("seated") == 10
    assert statuses.count("waitlisted") == 40
    assert len(mail.outbox) == 50  # everyone heard where they stand


def test_concurrent_cancellations_promote_each_freed_seat_once():
    event = make_event(capacity=5)
    seats = seated(event, 5)
    for n in range(10):
        make_rsvp(event, status="waitlisted", waitlisted_at=NOW + timedelta(seconds=n))
    barrier = threading.Barrier(5)

    def cancel(rsvp):
        try:
            barrier.wait()
            flow.rsvp_cancel(rsvp=rsvp)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in seats]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert Rsvp.objects.filter(event=event, status="seated").count() == 5
    assert Rsvp.objects.filter(event=event, status="waitlisted").count() == 5
    assert Rsvp.objects.filter(event=event).count() == 15


def test_admin_event_list_shows_counts_without_a_query_per_row(
    staff_client, django_assert_max_num_queries
):
    for n in range(15):
        event = make_event(title=f"Event {n}", capacity=3)
        seated(event, 2)
        make_rsvp(event, status="waitlisted", waitlisted_at=NOW)
        make_rsvp(event)
    with django_assert_max_num_queries(8):
        response = staff_client.get("/admin/events/event/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<td class="field-seated">2</td>' in page
    assert '<td class="field-waitlisted">1</td>' in page
    assert '<td class="field-pending">1</td>' in page


def test_admin_rsvp_list_filters_and_searches(staff_client):
    event = make_event()
    make_rsvp(event, name="Grace Hopper", email="grace@example.org")
    make_rsvp(event, name="Alan Turing", email="alan@example.org", status="seated")
    page = staff_client.get("/admin/events/rsvp/?q=grace").content.decode()
    assert "Grace Hopper" in page and "Alan Turing" not in page
    page = staff_client.get("/admin/events/rsvp/?status__exact=seated").content.decode()
    assert "Alan Turing" in page and "Grace Hopper" not in page


def test_admin_exports_attendees_as_csv(staff_client):
    event = make_event(title="Watch party")
    make_rsvp(event, name='=HYPERLINK("x")', email="eve@example.org", status="seated")
    make_rsvp(event, name="Grace", email="grace@example.org")
    ids = list(Rsvp.objects.values_list("pk", flat=True))
    response = staff_client.post(
        "/admin/events/rsvp/", {"action": "export_csv", "_selected_action": ids}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["event", "name", "email", "status"]
    assert rows[1][:4] == ["Watch party", '\'=HYPERLINK("x")', "eve@example.org", "Seated"]
    assert len(rows) == 3


def test_the_csv_export_neutralises_a_formula_in_an_email_address_too(staff_client):
    event = make_event(title="+Watch party")
    make_rsvp(event, name="Eve", email="=1+2@example.org", status="seated")
    response = staff_client.post(
        "/admin/events/rsvp/",
        {
            "action": "export_csv",
            "_selected_action": list(Rsvp.objects.values_list("pk", flat=True)),
        },
    )
    row = list(csv.reader(io.StringIO(response.content.decode())))[1]
    assert row[:3] == ["'+Watch party", "Eve", "'=1+2@example.org"]


def test_admin_resends_a_confirmation(staff_client):
    rsvp = make_rsvp(make_event())
    staff_client.post(
        "/admin/events/rsvp/", {"action": "resend_confirmation", "_selected_action": [rsvp.pk]}
    )
    assert mail.outbox[-1].subject.startswith("Confirm your place")


def test_admin_promotes_from_the_waitlist_only_when_a_seat_is_free(staff_client):
    event = make_event(capacity=1)
    seated(event, 1)
    waiting = make_rsvp(event, status="waitlisted", waitlisted_at=NOW)
    response = staff_client.post(
        "/admin/events/rsvp/", {"action": "promote", "_selected_action": [waiting.pk]}, follow=True
    )
    assert "is full: raise its capacity" in response.content.decode()
    assert Rsvp.objects.get(pk=waiting.pk).status == "waitlisted"
    Event.objects.filter(pk=event.pk).update(capacity=2)
    staff_client.post(
        "/admin/events/rsvp/", {"action": "promote", "_selected_action": [waiting.pk]}
    )
    assert Rsvp.objects.get(pk=waiting.pk).status == "seated"
    assert mail.outbox[-1].to == [waiting.email]


def test_raising_capacity_in_the_admin_seats_the_waitlist(staff_client):
    event = make_event(capacity=1, slug="party")
    seated(event, 1)
    first = make_rsvp(event, status="waitlisted", waitlisted_at=NOW)
    make_rsvp(event, status="waitlisted", waitlisted_at=NOW + timedelta(seconds=1))
    form = staff_client.get(f"/admin/events/event/{event.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "capacity": "2",
            "starts_at_0": "2030-01-10",
            "starts_at_1": "18:00:00",
            "ends_at_0": "2030-01-10",
            "ends_at_1": "20:00:00",
            "rsvp_opens_at_0": "",
            "rsvp_opens_at_1": "",
            "rsvp_closes_at_0": "",
            "rsvp_closes_at_1": "",
            "mission": "",
            "is_published": "on",
        }
    )
    response = staff_client.post(f"/admin/events/event/{event.pk}/change/", data, follow=True)
    assert "moved from the waitlist" in response.content.decode()
    assert Rsvp.objects.get(pk=first.pk).status == "seated"
    assert Rsvp.objects.filter(event=event, status="waitlisted").count() == 1
