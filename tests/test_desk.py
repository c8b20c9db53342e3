"""The live desk (/live/desk/): staff post, pin, withdraw and watch the night's numbers."""

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client

from events.models import Rsvp
from missions.models import LiveUpdate, Mission
from missions.rehearsal import mission_rehearse
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import image_upload, make_event
from tests.text import page_text

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)
DESK = "/live/desk/"


@pytest.fixture
def rehearsal():
    with time_machine.travel(NOW, tick=False) as traveller:
        missions_seed(missions=MISSIONS)
        rehearsal = mission_rehearse(mission=Mission.objects.get(slug="perseverance"), minutes=30)
        rehearsal.is_featured = True
        rehearsal.save()
        rehearsal.clock = traveller
        yield rehearsal


def desk(client, rehearsal, **query):
    return client.get(DESK, {"mission": rehearsal.slug, **query})


def test_a_headline_posts_in_two_clicks_and_reaches_the_home_page(staff_client, rehearsal):
    response = staff_client.post(
        f"{DESK}?mission={rehearsal.slug}",
        {"action": "post", "headline": "Touchdown confirmed!", "kind": "key", "body": ""},
    )
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert (update.mission, update.posted_by.username) == (rehearsal, "flight-director")
    assert "Posted: on every page within seconds." in page_text(
        staff_client.get(response["Location"]).content.decode()
    )
    rehearsal.clock.shift(timedelta(seconds=1))
    assert "Touchdown confirmed!" in page_text(staff_client.get("/").content.decode())
    entry = LogEntry.objects.get()
    assert entry.user.username == "flight-director" and "live desk" in entry.change_message


def test_a_post_written_in_spanish_and_arabic_reaches_those_pages_in_them(staff_client, rehearsal):
    """Before, the desk had English fields only: Spanish pages announced the touchdown in
    English."""
    response = staff_client.post(
        f"{DESK}?mission={rehearsal.slug}",
        {
            "action": "post",
            "kind": "key",
            "headline": "Touchdown confirmed!",
            "headline_es": "¡Aterrizaje confirmado!",
            "headline_ar": "تأكيد الهبوط!",
            "body": "Safe on the crater floor.",
            "body_es": "A salvo en el fondo del cráter.",
        },
    )
    assert response.status_code == 302
    rehearsal.clock.shift(timedelta(seconds=1))
    spanish = page_text(Client().get("/es/").content.decode())
    assert "¡Aterrizaje confirmado!" in spanish
    assert "A salvo en el fondo del cráter." in spanish
    assert "Touchdown confirmed!" not in spanish
    assert "تأكيد الهبوط!" in page_text(Client().get("/ar/").content.decode())
    assert "Touchdown confirmed!" in page_text(Client().get("/").content.decode())


def test_the_desk_says_which_languages_a_post_is_missing_in(staff_client, rehearsal):
    LiveUpdate.objects.create(mission=rehearsal, headline="Parachute", headline_es="Paracaídas")
    page = page_text(desk(staff_client, rehearsal).content.decode())
    assert "Not yet in العربية: those pages show it in English." in page


def test_the_desk_offers_no_language_links_that_lead_back_to_itself(staff_client, rehearsal):
    """Before, its Español and العربية links led to the English desk."""
    page = desk(staff_client, rehearsal).content.decode()
    assert 'hreflang="es"' not in page
    assert 'class="language-list"' not in page


def test_pin_unpin_withdraw_and_put_back_with_one_button_each(staff_client, rehearsal):
    update = LiveUpdate.objects.create(mission=rehearsal, headline="Parachute deployed")
    for action, check in [
        ("pin", lambda u: u.is_pinned),
        ("unpin", lambda u: not u.is_pinned),
        ("withdraw", lambda u: u.withdrawn_at == NOW),
        ("restore", lambda u: u.withdrawn_at is None),
    ]:
        response = staff_client.post(
            f"{DESK}?mission={rehearsal.slug}", {"action": action, "update": update.pk}
        )
        assert response.status_code == 302
        update.refresh_from_db()
        assert check(update), action
    assert LogEntry.objects.count() == 4


def test_an_empty_headline_is_a_clear_400_and_nothing_is_stored(staff_client, rehearsal):
    response = staff_client.post(
        f"{DESK}?mission={rehearsal.slug}", {"action": "post", "headline": "", "kind": "key"}
    )
    assert response.status_code == 400
    assert "This field is required." in page_text(response.content.decode())
    assert not LiveUpdate.objects.exists()


def test_the_next_milestones_key_event_can_be_prepared_and_waits_for_it(staff_client, rehearsal):
    page = page_text(desk(staff_client, rehearsal).content.decode())
    assert "Next milestone: Cruise stage separation" in page
    milestone = rehearsal.milestones.get(kind="cruise-stage-separation")
    milestone.title_es = "Separación de la etapa de crucero"
    milestone.save()
    prepared = desk(staff_client, rehearsal, prepare=milestone.pk).content.decode()
    assert f'name="milestone" value="{milestone.pk}"' in prepared
    assert 'value="Cruise stage separation"' in prepared
    assert 'value="Separación de la etapa de crucero"' in prepared  # its translations too
    staff_client.post(
        f"{DESK}?mission={rehearsal.slug}",
        {
            "action": "post",
            "headline": "Cruise stage: gone, as planned",
            "kind": "key",
            "body": "",
            "milestone": milestone.pk,
        },
    )
    assert LiveUpdate.objects.get().milestone == milestone
    feed = page_text(staff_client.get(rehearsal.get_absolute_url()).content.decode())
    assert "Cruise stage: gone, as planned" not in feed  # not heard on Earth yet


def test_the_numbers_of_the_night_refresh_on_their_own(staff_client, rehearsal):
    event = make_event(mission=rehearsal, capacity=10)
    Rsvp.objects.create(event=event, name="Ada", email="ada@example.org", status="seated")
    html = desk(staff_client, rehearsal, part="numbers").content.decode()
    assert 'data-hx-trigger="every 10s"' in html
    text = page_text(html)
    assert re.search(r"Sign-ups, last 10 minutes\s*1\b", text)
    assert re.search(re.escape(event.title) + r"\s*1 of 10 seated", text)


def test_visitors_and_staff_without_the_permission_cannot_use_the_desk(
    client, rehearsal, django_user_model
):
    assert client.get(DESK).status_code == 302  # to the admin's login
    response = client.post(DESK, {"action": "post", "headline": "x", "kind": "key"})
    assert response.status_code == 302 and not LiveUpdate.objects.exists()
    clerk = django_user_model.objects.create_user(
        username="clerk", password="x" * 12, is_staff=True
    )
    client.force_login(clerk)
    assert client.get(DESK).status_code == 403
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_liveupdate", "change_liveupdate"])
    )
    clerk = django_user_model.objects.get(pk=clerk.pk)
    client.force_login(clerk)
    assert client.get(DESK).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_editors_posting_at_the_same_moment_both_get_their_post(django_user_model):
    with time_machine.travel(NOW, tick=True):
        missions_seed(missions=MISSIONS)
        perseverance = Mission.objects.get(slug="perseverance")
        clients = []
        for name in ("flight-director", "capcom"):
            user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "x" * 12)
            editor = Client()
            editor.force_login(user)
            clients.append(editor)
        start = threading.Barrier(2)
        answers = []

        def post(editor, headline):
            start.wait()
            answers.append(
                editor.post(
                    f"{DESK}?mission=perseverance",
                    {"action": "post", "headline": headline, "kind": "update", "body": ""},
                ).status_code
            )
            connection.close()

        threads = [
            threading.Thread(target=post, args=(editor, f"Post from editor {n}"))
            for n, editor in enumerate(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert answers == [302, 302]
    assert sorted(
        LiveUpdate.objects.filter(mission=perseverance).values_list("headline", flat=True)
    ) == [
        "Post from editor 0",
        "Post from editor 1",
    ]


def test_a_post_from_the_desk_may_carry_an_image_with_its_alt_text(staff_client, rehearsal):
    response = staff_client.post(
        f"{DESK}?mission={rehearsal.slug}",
        {
            "action": "post",
            "headline": "First image from Jezero",
            "kind": "key",
            "body": "",
            "image": image_upload("first.png", size=(1024, 1024)),
            "image_alt": "Jezero's rocky floor under the rover's wheel",
        },
    )
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert set(update.image_renditions) == {"320", "640"}
    rehearsal.clock.shift(timedelta(seconds=1))
    assert "Jezero&#x27;s rocky floor under the rover&#x27;s wheel" in (
        Client().get(rehearsal.get_absolute_url()).content.decode()
    )


def test_a_desk_image_without_alt_text_is_a_clear_400_and_nothing_is_stored(
    staff_client, rehearsal
):
    response = staff_client.post(
        f"{DESK}?mission={rehearsal.slug}",
        {
            "action": "post",
            "headline": "First image from Jezero",
            "kind": "key",
            "image": image_upload("first.png"),
            "image_alt": "",
        },
    )
    assert response.status_code == 400
    assert "Describe the image for people who cannot see it." in page_text(
        response.content.decode()
    )
    assert not LiveUpdate.objects.exists()
