"""The site keeps answering, and loses nothing, when a dependency fails."""

from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError

from events import rsvp as flow
from events.models import Rsvp
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_DOWN = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
}


def unreachable(*args, **kwargs):
    raise OperationalError(
        'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
    )


def test_database_unreachable_gives_healthz_503_and_a_friendly_page(client):
    missions_seed(missions=MISSIONS)
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection", unreachable
    ):
        health = client.get("/healthz")
        page = client.get("/missions/perseverance/")
    assert health.status_code == 503
    assert page.status_code == 503
    assert "Back in a moment" in page.content.decode()
    assert "Traceback" not in page.content.decode()
    assert page["Retry-After"] == "30"


def test_a_programming_error_is_still_a_500_not_a_disguised_503(client):
    client.raise_request_exception = False
    with mock.patch(
        "marsweb.views.Mission.objects.published", side_effect=OperationalError("no such column: x")
    ):
        response = client.get("/")
    assert response.status_code == 500


def test_redis_unreachable_pages_and_forms_still_work(client, settings):
    """Rate limits fail open (documented in marsweb/ratelimit.py); fragments just render."""
    settings.CACHES = {**settings.CACHES, "shared": REDIS_DOWN}
    missions_seed(missions=MISSIONS)
    event = make_event(slug="party")
    assert client.get("/").status_code == 200
    assert (
        client.get("/missions/perseverance/countdown/", HTTP_HX_REQUEST="true").status_code == 200
    )
    response = client.post(
        "/events/party/rsvp/", {"name": "Ada", "email": "ada@example.org"}, follow=True
    )
    assert response.status_code == 200
    assert Rsvp.objects.filter(event=event).count() == 1


def test_mail_server_down_stores_the_rsvp_and_retries(client):
    make_event(slug="party")
    with mock.patch("marsweb.mail.SiteEmail.send", side_effect=ConnectionRefusedError):
        response = client.post(
            "/events/party/rsvp/", {"name": "Ada", "email": "ada@example.org"}, follow=True
        )
    assert response.status_code == 200
    assert Rsvp.objects.get().confirmation_sent_at is None
    assert (
        flow.rsvps_retry_emails(
            now=Rsvp.objects.get().created_at + __import__("datetime").timedelta(minutes=2)
        )
        == 1
    )
    assert len(mail.outbox) == 1


def test_a_worker_dying_mid_confirmation_leaves_no_half_written_rsvp():
    """The seat is counted and written in one transaction: if the process dies between
    the write and the commit, the database rolls the whole change back."""
    event = make_event(capacity=1)
    rsvp = make_rsvp(event)

    class WorkerKilled(BaseException):
        """Stands in for SIGKILL: not an Exception, nothing may catch it."""

    with (
        mock.patch("events.rsvp._send_email", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        flow.rsvp_confirm(rsvp=rsvp)
    stored = Rsvp.objects.get(pk=rsvp.pk)
    assert (stored.status, stored.seated_at, stored.confirmed_at) == ("pending", None, None)
    flow.rsvp_confirm(rsvp=stored)  # and it can be confirmed afterwards
    assert Rsvp.objects.get(pk=rsvp.pk).status == "seated"


def test_a_worker_dying_mid_cancellation_keeps_the_seat_and_the_waitlist():
    event = make_event(capacity=1)
    seated = make_rsvp(event, status="seated")
    waiting = make_rsvp(event, status="waitlisted", waitlisted_at=seated.created_at)

    class WorkerKilled(BaseException):
        pass

    with (
        mock.patch("events.rsvp._send_email", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        flow.rsvp_cancel(rsvp=seated)
    assert Rsvp.objects.get(pk=seated.pk).status == "seated"
    assert Rsvp.objects.get(pk=waiting.pk).status == "waitlisted"
