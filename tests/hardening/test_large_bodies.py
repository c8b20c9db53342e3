"""A body far larger than any form needs is refused before it is read (it used to be read,
uploads written to disk, and only then refused for want of a CSRF token)."""

import pytest
from django.core import mail

from events.models import Rsvp
from lights.models import Lighting
from tests.factories import make_event
from tests.text import page_text

pytestmark = pytest.mark.django_db

HUGE = str(300 * 1024 * 1024)


@pytest.mark.parametrize("path", ["/events/party/rsvp/", "/lights/submit/", "/timezone/"])
def test_a_huge_body_on_a_public_form_is_refused_unread_with_a_413(client, path):
    make_event(slug="party")
    response = client.post(path, {"name": "Ada", "email": "ada@example.org"}, CONTENT_LENGTH=HUGE)
    assert response.status_code == 413
    assert "That was too much to send" in page_text(response.content.decode())
    assert response["Connection"] == "close"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert not Rsvp.objects.exists() and not Lighting.objects.exists() and not mail.outbox


def test_a_form_of_normal_size_still_goes_through(client):
    make_event(slug="party")
    response = client.post("/events/party/rsvp/", {"name": "Ada", "email": "ada@example.org"})
    assert response.status_code == 303  # to "check your inbox"
    assert Rsvp.objects.count() == 1


def test_the_admin_takes_bodies_larger_than_a_public_form_may_send(client, settings):
    body = {"username": "x", "password": "p" * (settings.MARSWEB_PUBLIC_POST_MAX_BYTES + 1)}
    assert client.post("/events/party/rsvp/", body).status_code == 413
    assert client.post("/admin/login/", body).status_code == 200  # read, and refused as a login
