"""Email over SMTP as the workers send it: one kept connection to the mail server per
worker, opened again when the server has closed it."""

import socket

import pytest
from aiosmtpd.controller import Controller

from events.models import Rsvp
from events.tasks import build_email
from marsweb.mail import SiteEmail
from tests.factories import make_event


class MailServer:
    """A local SMTP server that counts the connections made to it and keeps each message's
    recipients; `drop_connections` closes them all, as a relay's idle timeout does."""

    def __init__(self):
        self.recipients: list[str] = []
        self.sessions: list = []
        with socket.socket() as probe:  # a port nothing listens on
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = None

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.drop_connections()
        self.controller.stop()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        self.sessions.append(server)
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"

    def drop_connections(self):
        for server in self.sessions:
            if server.transport is not None:
                server.transport.close()


@pytest.fixture
def mail_server(settings):
    server = MailServer()
    server.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
        }
    }
    yield server
    server.stop()


@pytest.fixture
def event(db):
    return make_event(slug="watch-party")


@pytest.fixture
def email_to(event):
    """A confirmation email, as a worker builds it, for a sign-up from this address."""

    def email(address: str) -> SiteEmail:
        return build_email(Rsvp.objects.create(event=event, name="Ada", email=address), "confirm")

    return email


def test_a_worker_sends_its_emails_over_one_kept_connection(mail_server, email_to):
    for n in range(3):
        assert email_to(f"guest{n}@example.org").send() == 1
    assert mail_server.recipients == [f"guest{n}@example.org" for n in range(3)]
    assert len(mail_server.sessions) == 1


def test_after_the_server_closed_the_kept_connection_the_email_goes_over_a_new_one(
    mail_server, email_to
):
    email_to("first@example.org").send()
    mail_server.drop_connections()
    assert email_to("second@example.org").send() == 1
    assert mail_server.recipients == ["first@example.org", "second@example.org"]
    assert len(mail_server.sessions) == 2


def test_with_the_server_down_sending_fails_and_the_next_email_connects_afresh(
    mail_server, email_to
):
    email_to("first@example.org").send()
    mail_server.stop()
    with pytest.raises(OSError):
        email_to("lost@example.org").send()
    mail_server.start()
    assert email_to("third@example.org").send() == 1
    assert mail_server.recipients == ["first@example.org", "third@example.org"]
