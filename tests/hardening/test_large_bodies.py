"""A body far larger than any form needs is refused before it is read (it used to be read,
uploads written to disk, and only then refused for want of a CSRF token)."""

import os
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import Rsvp
from lights.models import Lighting
from missions.models import LiveUpdate, Mission
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
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


def test_the_live_desk_takes_an_image_larger_than_a_public_form_may_send(staff_client, settings):
    """It used to answer 413: an editor's photo from Jezero never reached the feed."""
    missions_seed(missions=MISSIONS)
    mission = Mission.objects.get(slug="perseverance")
    noise = Image.frombytes("RGB", (300, 300), os.urandom(300 * 300 * 3))
    buffer = BytesIO()
    noise.save(buffer, "PNG")
    assert len(buffer.getvalue()) > settings.MARSWEB_PUBLIC_POST_MAX_BYTES
    response = staff_client.post(
        f"/live/desk/?mission={mission.slug}",
        {
            "action": "post",
            "headline": "First colour image",
            "kind": "key",
            "image": SimpleUploadedFile("colour.png", buffer.getvalue(), content_type="image/png"),
            "image_alt": "Coloured noise standing in for Jezero",
        },
    )
    assert response.status_code == 302
    assert LiveUpdate.objects.get().image_width == 300
