"""Email through the worker's queue (django-tasks-db), as production runs it.

The request stores the RSVP and its email's task in one transaction and answers at once;
`manage.py db_worker` sends the email.
"""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from events import rsvp as flow
from events.models import Rsvp
from tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def event():
    return make_event(slug="watch-party")


def sign_up(client, email="ada@example.org"):
    return client.post(
        "/events/watch-party/rsvp/",
        {"name": "Ada Lovelace", "email": email, "website": ""},
        follow=True,
    )


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_sign_up_answers_at_once_and_the_worker_sends_the_email(client, event):
    response = sign_up(client)
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    rsvp = Rsvp.objects.get()
    assert not mail.outbox and rsvp.confirmation_sent_at is None
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert mail.outbox[0].subject.startswith("Confirm your place for")
    rsvp.refresh_from_db()
    assert rsvp.confirmation_sent_at == NOW
    assert DBTaskResult.objects.successful().count() == 1


def test_a_change_rolled_back_leaves_no_email_in_the_queue(event):
    with pytest.raises(RuntimeError), transaction.atomic():
        flow.rsvp_request(event=event, name="Ada", email="ada@example.org")
        raise RuntimeError("the request failed after the sign-up was written")
    assert not Rsvp.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_mail_relay_down_the_task_fails_and_retry_emails_sends_it(client, event, database_queue):
    sign_up(client)
    with mock.patch("marsweb.mail.SiteEmail.send", side_effect=ConnectionRefusedError):
        run_worker()
    assert DBTaskResult.objects.failed().count() == 1
    assert Rsvp.objects.get().confirmation_sent_at is None and not mail.outbox

    database_queue.shift(timedelta(minutes=5))
    call_command("retry_emails", verbosity=0)
    run_worker()
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert Rsvp.objects.get().confirmation_sent_at is not None


def test_a_retry_queued_behind_the_first_email_sends_nothing_more(client, event, database_queue):
    """The worker fell behind: retry_emails sees no send yet and queues a copy."""
    sign_up(client)
    database_queue.shift(timedelta(minutes=5))
    assert flow.rsvps_retry_emails() == 1
    assert DBTaskResult.objects.ready().count() == 2
    run_worker()
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.successful().count() == 2


def test_a_form_posted_again_before_the_worker_sent_the_email_sends_one_email(client, event):
    # The guard used to read the time the worker records after sending: still empty here.
    sign_up(client)
    with time_machine.travel(NOW + timedelta(seconds=0.3), tick=False):
        sign_up(client)
    assert DBTaskResult.objects.ready().count() == 1
    run_worker()
    assert len(mail.outbox) == 1


def test_a_minute_later_the_visitor_may_ask_again(client, event):
    sign_up(client)
    run_worker()
    with time_machine.travel(NOW + timedelta(minutes=1, seconds=1), tick=False):
        sign_up(client)
        run_worker()
    assert len(mail.outbox) == 2


def waiting_tasks(count: int) -> None:
    """`count` emails waiting for a worker, stored in one statement."""
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            args_kwargs={"args": [], "kwargs": {"rsvp_id": n, "kind": "confirm"}},
            task_path="events.tasks.rsvp_send_email",
            backend_name="default",
            run_after=NOW,
            enqueued_at=NOW + timedelta(microseconds=n),
        )
        for n in range(count)
    )


def forget_statistics() -> None:
    """The database knows nothing of the queue's table yet: a new database, or a burst of
    sign-ups faster than autovacuum."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM pg_statistic WHERE starelid = %s::regclass",
                [DBTaskResult._meta.db_table],
            )


def test_a_worker_claims_its_next_email_without_sorting_the_whole_queue():
    waiting_tasks(3000)
    forget_statistics()
    # The query db_worker runs for each task, as it runs it.
    claim = DBTaskResult.objects.ready().filter(backend_name="default")
    with transaction.atomic():
        plan = claim.select_for_update(skip_locked=True)[:1].explain()
    if connection.vendor == "postgresql":
        assert "Sort" not in plan and "marsweb_task_claim_idx" in plan, plan
    else:
        assert "TEMP B-TREE" not in plan and "marsweb_task_claim_idx" in plan, plan
    with transaction.atomic():
        first = claim.get_locked()
    assert first.enqueued_at == NOW  # the oldest waiting email goes first
