"""No email is lost: a failed send or a worker stopped mid-task, for every kind of email.

The queue is the database's, as production runs it; `retry_emails` runs from cron.
"""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from events import rsvp as flow
from events.models import Rsvp
from lights.models import Lighting
from lights.schedule import lighting_moderate
from tests.factories import make_event, make_lighting, make_rsvp

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def worker_claims_and_dies():
    """A worker takes every waiting task and is killed before finishing any."""
    for result in DBTaskResult.objects.ready():
        result.claim("worker-that-was-killed")


def run_worker_failing():
    with mock.patch("marsweb.mail.SiteEmail.send", side_effect=ConnectionRefusedError):
        run_worker()


def retry_later(clock, minutes=2):
    clock.shift(timedelta(minutes=minutes))
    call_command("retry_emails", stdout=None)
    run_worker()


def test_a_task_left_running_by_a_killed_worker_is_recovered_and_its_email_sent_once(clock):
    event = make_event(slug="party")
    flow.rsvp_request(event=event, name="Ada", email="ada@example.org")
    worker_claims_and_dies()
    retry_later(clock, minutes=11)
    assert not DBTaskResult.objects.running().exists()
    stopped = DBTaskResult.objects.failed().get()
    assert stopped.exception_class_path == "marsweb.tasks.WorkerStopped"
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    retry_later(clock)
    assert len(mail.outbox) == 1


def test_a_task_still_within_its_time_is_left_running(clock):
    event = make_event(slug="party")
    flow.rsvp_request(event=event, name="Ada", email="ada@example.org")
    worker_claims_and_dies()
    clock.shift(timedelta(minutes=5))
    call_command("retry_emails")
    assert DBTaskResult.objects.running().count() == 1


def test_a_lighting_outcome_whose_send_failed_is_sent_by_retry_emails(clock):
    lighting = make_lighting(
        is_published=False, moderation="pending", submitter_email="clerk@example.org"
    )
    lighting_moderate(lighting=lighting, approve=True)
    run_worker_failing()
    assert not mail.outbox
    assert Lighting.objects.get().outcome_sent_at is None
    retry_later(clock)
    assert [m.subject for m in mail.outbox] == [f"Published: {lighting.landmark}"]
    retry_later(clock)
    assert len(mail.outbox) == 1


def test_a_lighting_outcome_lost_with_its_worker_is_sent_once(clock):
    lighting = make_lighting(
        is_published=False, moderation="pending", submitter_email="clerk@example.org"
    )
    lighting_moderate(lighting=lighting, approve=False)
    worker_claims_and_dies()
    retry_later(clock, minutes=11)
    assert [m.subject for m in mail.outbox] == [f"Not published: {lighting.landmark}"]
    retry_later(clock)
    assert len(mail.outbox) == 1


def test_a_reminder_lost_with_its_worker_is_sent_by_retry_emails(clock):
    event = make_event(starts_at=NOW + timedelta(minutes=50), ends_at=NOW + timedelta(hours=2))
    make_rsvp(
        event, status="seated", confirmed_at=NOW, seated_at=NOW, status_email_sent_at=NOW,
        email="ada@example.org",
    )  # fmt: skip
    call_command("send_reminders")
    worker_claims_and_dies()
    call_command("send_reminders")  # claimed already: not sent twice by the reminder run
    retry_later(clock, minutes=11)
    assert [m.subject for m in mail.outbox] == [f"Starting soon: {event.title}"]
    retry_later(clock)
    assert len(mail.outbox) == 1


def test_an_already_signed_up_note_whose_send_failed_is_sent_by_retry_emails(clock):
    event = make_event(slug="party")
    rsvp = make_rsvp(
        event,
        status="seated",
        confirmed_at=NOW,
        seated_at=NOW,
        email="ada@example.org",
        confirmation_requested_at=NOW - timedelta(hours=1),
        confirmation_sent_at=NOW - timedelta(hours=1),
        status_email_sent_at=NOW,
    )
    flow.rsvp_request(event=event, name="Ada", email="ada@example.org")
    run_worker_failing()
    retry_later(clock)
    assert [m.subject for m in mail.outbox] == [f"You are already signed up for {event.title}"]
    assert Rsvp.objects.get(pk=rsvp.pk).confirmation_sent_at == NOW + timedelta(minutes=2)
    retry_later(clock)
    assert len(mail.outbox) == 1
