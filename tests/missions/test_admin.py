import os
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from missions.models import Mission, MissionImage
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import image_upload, make_event, make_milestone, make_mission

pytestmark = pytest.mark.django_db


def mission_form(**overrides) -> dict:
    data = {
        "name_en": "Rosalind Franklin",
        "slug": "rosalind-franklin",
        "agency": "ESA",
        "kind": "rover",
        "status": "planned",
        "summary_en": "ESA's ExoMars rover, built to drill two metres down.",
        "body_en": "",
        "status_note": "",
        "launch_date": "",
        "landed_at_0": "",
        "landed_at_1": "",
        "landing_site_name": "Oxia Planum",
        "latitude": "18.2",
        "longitude_east": "335.45",
        "landing_sol": "0",
        "source_note": "ESA",
        "is_published": "on",
        "featured_after_landing": "24:00:00",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "1000",
        "milestones-0-kind": "launch",
        "milestones-0-title_en": "Launch",
        "milestones-0-occurs_at_0": "2028-10-01",
        "milestones-0-occurs_at_1": "12:00:00",
        "milestones-0-signal_delay": "00:00:00",
        "milestones-0-source_note": "ESA plan",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "images-0-image": image_upload("rover.png", size=(1600, 900)),
        "images-0-alt_text_en": "The Rosalind Franklin rover on a test bench",
        "images-0-caption_en": "",
        "images-0-credit": "ESA",
        "images-0-position": "0",
    }
    data.update(overrides)
    return data


def test_staff_create_a_mission_with_a_milestone_and_an_image_and_see_it_on_the_site(
    staff_client, client
):
    response = staff_client.post("/admin/missions/mission/add/", mission_form())
    assert response.status_code == 302, response.context["errors"] if response.context else response
    mission = Mission.objects.get(slug="rosalind-franklin")
    assert mission.milestones.get().title == "Launch"
    image = mission.images.get()
    assert (image.width, image.height) == (1600, 900)
    assert set(image.renditions) == {"320", "640", "1280"}

    page = client.get("/missions/rosalind-franklin/").content.decode()
    assert "Rosalind Franklin" in page
    assert 'alt="The Rosalind Franklin rover on a test bench"' in page
    assert "320w" in page and "1600w" in page  # srcset from renditions and the original
    assert client.get(image.image.url).status_code == 200


def test_a_draft_mission_is_not_on_the_site_until_published(staff_client):
    visitor = Client()
    staff_client.post("/admin/missions/mission/add/", mission_form(is_published=""))
    assert visitor.get("/missions/rosalind-franklin/").status_code == 404
    mission = Mission.objects.get(slug="rosalind-franklin")
    staff_client.post(
        "/admin/missions/mission/",
        {"action": "publish", "_selected_action": [mission.pk]},
    )
    assert visitor.get("/missions/rosalind-franklin/").status_code == 200


def test_staff_preview_a_draft_on_the_site_and_nobody_else_sees_it(staff_client):
    staff_client.post("/admin/missions/mission/add/", mission_form(is_published=""))
    preview = staff_client.get("/missions/rosalind-franklin/")
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "<strong>Preview:</strong> not published. Only staff can see this page." in page
    assert '<meta name="robots" content="noindex">' in page
    assert preview["Cache-Control"] == "private, no-store"
    # Not kept for anyone else, in this second or any other.
    assert Client().get("/missions/rosalind-franklin/").status_code == 404
    assert "Preview:" not in Client().get("/missions/").content.decode()


def test_staff_preview_a_draft_event_too(staff_client):
    make_event(slug="draft-party", is_published=False)
    preview = staff_client.get("/events/draft-party/")
    assert preview.status_code == 200 and preview["Cache-Control"] == "private, no-store"
    assert "<strong>Preview:</strong>" in preview.content.decode()
    assert Client().get("/events/draft-party/").status_code == 404


def test_an_image_needs_alt_text(staff_client):
    response = staff_client.post(
        "/admin/missions/mission/add/", mission_form(**{"images-0-alt_text_en": ""})
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Mission.objects.exists()


def test_a_non_image_upload_gets_a_clear_error(staff_client):
    fake = SimpleUploadedFile("rover.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = staff_client.post(
        "/admin/missions/mission/add/", mission_form(**{"images-0-image": fake})
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not MissionImage.objects.exists()


def test_an_oversized_upload_gets_a_clear_error(staff_client, settings):
    settings.MARSWEB_IMAGE_MAX_BYTES = 10_000
    noise = Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3))
    buffer = BytesIO()
    noise.save(buffer, "PNG")
    big = SimpleUploadedFile("noise.png", buffer.getvalue(), content_type="image/png")
    response = staff_client.post(
        "/admin/missions/mission/add/", mission_form(**{"images-0-image": big})
    )
    assert response.status_code == 200
    assert "images may be at most 9.8\xa0KB" in response.content.decode()
    assert not Mission.objects.exists()


def test_a_gif_is_refused_with_the_formats_named(staff_client):
    gif = image_upload("anim.gif", size=(100, 100), image_format="GIF")
    response = staff_client.post(
        "/admin/missions/mission/add/", mission_form(**{"images-0-image": gif})
    )
    assert response.status_code == 200
    assert (
        "GIF images are not accepted. Upload a JPEG, PNG or WebP file." in response.content.decode()
    )


def test_the_mission_changelist_filters_and_searches(staff_client, django_assert_max_num_queries):
    for n in range(20):
        make_milestone(make_mission(name=f"Bulk {n}"))
    make_mission(name="Tianwen-1", agency="CNSA")
    with django_assert_max_num_queries(12):
        response = staff_client.get("/admin/missions/mission/?q=CNSA")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tianwen-1" in page and "Bulk 3" not in page
    assert staff_client.get("/admin/missions/mission/?status__exact=ended").status_code == 200


def test_the_mission_change_page_shows_earth_received_times(staff_client):
    mission = make_mission()
    make_milestone(mission)
    page = staff_client.get(f"/admin/missions/mission/{mission.pk}/change/").content.decode()
    assert "2021-02-18 20:55:00 UTC" in page


def test_a_milestones_description_is_edited_in_the_mission_form(staff_client):
    data = mission_form(**{"milestones-0-description_en": "Atlas V 541 from Cape Canaveral."})
    staff_client.post("/admin/missions/mission/add/", data)
    milestone = Mission.objects.get(slug="rosalind-franklin").milestones.get()
    assert milestone.description == "Atlas V 541 from Cape Canaveral."
    page = staff_client.get(f"/admin/missions/mission/{milestone.mission_id}/change/")
    assert 'name="milestones-0-description_en"' in page.content.decode()


def test_each_published_box_in_the_mission_list_is_named_for_its_mission(staff_client):
    make_mission(slug="insight", name="InSight")
    page = staff_client.get("/admin/missions/mission/").content.decode()
    box = re.search(r'<input type="checkbox" name="form-0-is_published"[^>]*>', page).group(0)
    assert 'aria-label="Published: InSight"' in box


def test_the_mission_form_loads_the_script_that_names_its_autocomplete_box(staff_client):
    mission = make_mission(slug="insight", name="InSight")
    page = staff_client.get(f"/admin/missions/mission/{mission.pk}/change/").content.decode()
    assert 'src="/static/js/admin-labels.js"' in page
    assert '<label for="id_parent">' in page


def test_the_admin_names_every_section_as_staff_know_it_and_links_the_live_desk(staff_client):
    """Before, the index read "AXES" and "TASKS DATABASE BACKEND", and nothing in the admin
    led to the live desk."""
    page = staff_client.get("/admin/").content.decode()
    assert "Sign-in lockouts" in page and "Email queue" in page
    assert ">Axes<" not in page and "Tasks Database Backend" not in page
    assert '<a href="/live/desk/">Live desk</a>' in page
    assert (
        '<a href="/live/desk/">Live desk</a>'
        in staff_client.get("/admin/missions/liveupdate/").content.decode()
    )


def test_a_missions_timeline_is_a_table_and_each_milestone_translates_on_its_own_page(
    staff_client,
):
    """Before, the mission's page stacked every milestone in every language: 18,000 px and
    217 boxes for Perseverance."""
    missions_seed(missions=MISSIONS, translated=True)
    mission = Mission.objects.get(slug="perseverance")
    page = staff_client.get(f"/admin/missions/mission/{mission.pk}/change/").content.decode()
    boxes = re.findall(r'<(?:input|select|textarea)\b(?![^>]*type="hidden")', page)
    assert len(boxes) <= 120
    assert 'name="milestones-0-title_es"' not in page  # the Spanish is on its own page
    milestone = mission.milestones.get(kind="touchdown")

    link = f'<a href="/admin/missions/milestone/{milestone.pk}/change/">'
    assert link in page
    assert "2021-02-18 20:55:00 UTC" in page  # its Earth-received time, in its row
    own = staff_client.get(f"/admin/missions/milestone/{milestone.pk}/change/").content.decode()
    assert 'name="title_es"' in own and 'name="title_ar"' in own
    assert 'name="altitude_m"' in own
