"""The live feed of landing night as visitors and staff meet it: staff posts, the key events
milestones post by themselves, the fragment pages poll, and the home page during coverage."""

import json
import re
from datetime import timedelta
from io import StringIO

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from missions.models import LiveUpdate, Milestone, Mission
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import image_upload
from tests.missions.conftest import HX, NOW
from tests.text import page_text

pytestmark = pytest.mark.django_db


def post(mission, headline, **fields) -> LiveUpdate:
    return LiveUpdate.objects.create(mission=mission, headline=headline, **fields)


def feed_text(client, mission, query="") -> str:
    """The live feed section of the mission's page, as text."""
    html = client.get(mission.get_absolute_url() + query).content.decode()
    section = re.search(r'<section class="live-feed".*?</section>', html, re.S)
    assert section, "no live feed on the page"
    return page_text(section.group(0))


def entries_text(client, mission) -> str:
    """The posts of the mission's feed, in the order the page lists them, as text."""
    html = client.get(mission.get_absolute_url()).content.decode()
    return page_text(re.search(r'<ol class="live-entries".*?</ol>', html, re.S).group(0))


def fragment(client, mission, **headers):
    return client.get(f"/missions/{mission.slug}/live/", **HX, **headers)


def test_a_staff_post_shows_on_the_mission_page_with_its_time_and_zone(client, rehearsal):
    post(rehearsal, "Cruise stage separated", body="All nominal.\n\nNext: entry.")
    text = feed_text(client, rehearsal)
    assert "Cruise stage separated" in text
    assert "All nominal." in text and "Next: entry." in text
    assert "Wed 25 Nov 2026, 12:00 UTC" in text


def test_a_post_timed_for_later_waits_and_a_withdrawn_one_is_gone(client, rehearsal, clock):
    post(rehearsal, "Written ahead", posted_at=NOW + timedelta(minutes=5))
    post(rehearsal, "Posted by mistake", withdrawn_at=NOW)
    assert "Written ahead" not in feed_text(client, rehearsal)
    clock.shift(timedelta(minutes=5))
    text = feed_text(client, rehearsal)
    assert "Written ahead" in text
    assert "Posted by mistake" not in text


def test_milestones_post_themselves_when_earth_hears_of_them(client, rehearsal, clock):
    touchdown = rehearsal.milestones.get(kind=Milestone.Kind.TOUCHDOWN)
    assert touchdown.title not in feed_text(client, rehearsal)
    clock.move_to(touchdown.earth_received_at - timedelta(seconds=1))
    assert (
        "Key moments" not in feed_text(client, rehearsal)
        or touchdown.title not in (feed_text(client, rehearsal).split("Key moments")[1])
    )
    clock.move_to(touchdown.earth_received_at)
    text = feed_text(client, rehearsal)
    assert f"Key event · {touchdown.title}" not in text  # the headline stands on its own line
    assert "Key event" in text and touchdown.title in text
    html = client.get(rehearsal.get_absolute_url()).content.decode()
    assert f'href="#milestone-{touchdown.pk}"' in html  # in the key moments strip
    assert f'id="milestone-{touchdown.pk}"' in html


def test_staff_rewrite_a_milestones_key_event_or_suppress_it(client, rehearsal, clock):
    touchdown = rehearsal.milestones.get(kind=Milestone.Kind.TOUCHDOWN)
    parachute = rehearsal.milestones.get(kind=Milestone.Kind.PARACHUTE_DEPLOY)
    post(rehearsal, "Touchdown confirmed! Perseverance is on Mars", milestone=touchdown)
    post(rehearsal, "unused", milestone=parachute, withdrawn_at=NOW)
    clock.move_to(touchdown.earth_received_at - timedelta(seconds=5))
    assert "Touchdown confirmed!" not in feed_text(client, rehearsal)  # written ahead, waits
    clock.move_to(touchdown.earth_received_at)
    text = feed_text(client, rehearsal)
    assert "Touchdown confirmed! Perseverance is on Mars" in text
    assert parachute.title not in text
    assert text.count(touchdown.title) == 0 or touchdown.title in "Touchdown confirmed!"


def test_pinned_first_then_newest_first_and_oldest_first_by_a_plain_link(client, rehearsal):
    post(rehearsal, "First post", posted_at=NOW - timedelta(minutes=20))
    post(rehearsal, "Second post", posted_at=NOW - timedelta(minutes=10))
    post(rehearsal, "Watch with us", posted_at=NOW - timedelta(minutes=30), is_pinned=True)
    text = feed_text(client, rehearsal)
    assert text.index("Watch with us") < text.index("Second post") < text.index("First post")
    html = client.get(rehearsal.get_absolute_url()).content.decode()
    assert f'href="{rehearsal.get_absolute_url()}?order=oldest#live"' in html
    oldest = feed_text(client, rehearsal, "?order=oldest")
    assert oldest.index("Watch with us") < oldest.index("First post") < oldest.index("Second post")


def test_a_rehearsal_has_its_own_labelled_feed_never_mixed_with_the_real_one(client, rehearsal):
    real = rehearsal.rehearsal_of
    post(real, "A post on the real night")
    post(rehearsal, "A practice post")
    rehearsal_text = feed_text(client, rehearsal)
    assert "A practice post" in rehearsal_text and "A post on the real night" not in rehearsal_text
    assert "Rehearsal" in rehearsal_text and "never the real night's" in rehearsal_text
    real_text = feed_text(client, real)
    assert "A post on the real night" in real_text and "A practice post" not in real_text


def test_the_live_badge_shows_during_coverage_only(client, rehearsal, clock):
    rehearsal.live_from = NOW + timedelta(minutes=10)
    rehearsal.save()
    badge = re.compile(r"Live updates\s+Live\b")
    before = feed_text(client, rehearsal)
    assert not badge.search(before) and "Coverage starts Wed 25 Nov 2026, 12:10 UTC" in before
    clock.shift(timedelta(minutes=10))
    assert badge.search(feed_text(client, rehearsal))
    clock.move_to(rehearsal.milestones.get(kind="touchdown").earth_received_at + timedelta(hours=3))
    after = feed_text(client, rehearsal)
    assert not badge.search(after) and "Coverage ended" in after


def test_hostile_markup_from_staff_reaches_visitors_as_text(client, rehearsal):
    post(
        rehearsal,
        '<script>alert("x")</script>',
        body='<img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a> javascript:alert(1) '
        "https://mars.nasa.gov/mars2020/",
    )
    html = client.get(rehearsal.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    assert '<a href="https://mars.nasa.gov/mars2020/" rel="nofollow">' in html


def test_the_fragment_polls_every_10_s_while_live_every_minute_before_and_never_after(
    client, rehearsal, clock
):
    assert 'data-hx-trigger="every 10s, live-check"' in fragment(client, rehearsal).content.decode()
    assert fragment(client, rehearsal)["Cache-Control"] == "public, max-age=10, s-maxage=10"
    rehearsal.live_from = NOW + timedelta(hours=1)
    rehearsal.save()
    clock.shift(timedelta(seconds=1))
    assert 'data-hx-trigger="every 60s, live-check"' in fragment(client, rehearsal).content.decode()
    clock.shift(timedelta(hours=4))
    html = fragment(client, rehearsal).content.decode()
    assert "hx-trigger" not in html and "hx-get" not in html


def test_the_fragment_is_the_same_bytes_for_everyone_and_a_repeat_is_a_304(client, rehearsal):
    post(rehearsal, "Entry in seven minutes")
    first = fragment(client, rehearsal)
    client.cookies["tz"] = "Asia/Tokyo"
    second = fragment(client, rehearsal)
    assert first.content == second.content and "Entry in seven minutes" in first.content.decode()
    again = fragment(client, rehearsal, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_the_fragment_costs_two_queries_on_a_miss_and_none_on_a_hit(
    client, rehearsal, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the mission with its timeline, then its posts
        fragment(client, rehearsal)
    with django_assert_num_queries(0):
        assert fragment(client, rehearsal).status_code == 200


def test_a_new_post_reaches_the_fragment_within_a_second(client, rehearsal, clock):
    fragment(client, rehearsal)
    post(rehearsal, "Parachute deployed!")
    assert "Parachute deployed!" not in fragment(client, rehearsal).content.decode()  # this second
    clock.shift(timedelta(seconds=1))
    assert "Parachute deployed!" in fragment(client, rehearsal).content.decode()


def test_without_htmx_the_fragment_address_leads_to_the_feed_on_the_page(client, rehearsal):
    response = client.get(f"/missions/{rehearsal.slug}/live/")
    assert response.status_code == 302
    assert response["Location"] == rehearsal.get_absolute_url() + "#live"
    assert client.get("/missions/nope/live/", **HX).status_code == 404


def test_the_refresh_link_loads_the_page_again_in_its_order_not_just_scrolls_to_the_feed(
    client, rehearsal, clock
):
    """A link to the page itself (as it was) only scrolls: the browser does not load again."""
    url = rehearsal.get_absolute_url()
    first = re.search(
        r'<a href="([^"]+)"\s+rel="nofollow">Refresh the updates</a>', feed_html(client, url)
    )
    assert first.group(1) == f"{url}?refreshed={int(NOW.timestamp())}#live"
    clock.shift(timedelta(seconds=5))
    again = client.get(first.group(1).replace("&amp;", "&").split("#")[0])
    assert again.status_code == 200
    second = re.search(r'href="([^"]+)"\s+rel="nofollow">Refresh', again.content.decode())
    assert second.group(1) == f"{url}?refreshed={int(NOW.timestamp()) + 5}#live"
    oldest = re.search(
        r'href="([^"]+)"\s+rel="nofollow">Refresh', feed_html(client, url + "?order=oldest")
    )
    assert oldest.group(1) == f"{url}?order=oldest&amp;refreshed={int(NOW.timestamp()) + 5}#live"


def feed_html(client, url) -> str:
    return client.get(url).content.decode()


def test_the_home_page_carries_the_featured_landings_feed_while_it_is_live(client, rehearsal):
    rehearsal.is_featured = True
    rehearsal.save()
    post(rehearsal, "Welcome to landing night")
    text = page_text(client.get("/").content.decode())
    assert "Live updates" in text and "Welcome to landing night" in text


def test_a_mission_with_nothing_to_cover_shows_no_feed(client, clock):
    missions_seed(missions=MISSIONS)
    html = client.get("/missions/mars-sample-return/").content.decode()
    assert "live-feed" not in html


def test_perseverances_landing_night_is_seeded_as_a_finished_feed(client, clock):
    call_command("seed", stdout=StringIO())
    perseverance = Mission.objects.get(slug="perseverance")
    assert "Coverage ended Thu 18 Feb 2021, 23:55 UTC" in feed_text(client, perseverance)
    text = entries_text(client, perseverance)
    assert text.index("Watch the landing with us") < text.index("First images from Jezero Crater")
    assert "Key event · Thu 18 Feb 2021, 20:55 UTC" in text  # touchdown, as heard on Earth
    assert text.index("First images from Jezero Crater") < text.index("Ingenuity rides along")
    assert "Source: NASA/JPL, “NASA's Mars Perseverance Rover Safely Lands" in text
    call_command("seed", stdout=StringIO())  # again: nothing doubled
    assert LiveUpdate.objects.filter(headline="Ingenuity rides along").count() == 1


def admin_post(client, mission, **fields):
    data = {
        "mission": mission.pk,
        "kind": "key",
        "headline_en": "Touchdown confirmed!",
        "body_en": "",
        "posted_at_0": "2026-11-25",
        "posted_at_1": "12:00:00",
        "source_note": "",
        **fields,
    }
    return client.post("/admin/missions/liveupdate/add/", data)


def test_staff_post_from_the_admin_and_the_post_records_who(staff_client, rehearsal):
    response = admin_post(staff_client, rehearsal)
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert update.posted_by.username == "flight-director"
    assert "Touchdown confirmed!" in feed_text(staff_client, rehearsal)


def test_an_edit_shows_when_the_post_was_updated(staff_client, rehearsal, clock):
    update = post(rehearsal, "Parachute deployd")
    clock.shift(timedelta(minutes=3))
    response = staff_client.post(
        f"/admin/missions/liveupdate/{update.pk}/change/",
        {
            "mission": rehearsal.pk,
            "kind": "update",
            "headline_en": "Parachute deployed",
            "body_en": "",
            "posted_at_0": "2026-11-25",
            "posted_at_1": "12:00:00",
            "source_note": "",
            "opened_revision": 0,
        },
    )
    assert response.status_code == 302
    assert "Parachute deployed Update · Wed 25 Nov 2026, 12:00 UTC · updated" not in (
        text := feed_text(staff_client, rehearsal)
    )
    assert "updated Wed 25 Nov 2026, 12:03 UTC" in text


def test_visitors_and_non_staff_cannot_post(client, rehearsal, django_user_model):
    assert admin_post(client, rehearsal).status_code == 302  # to the login page
    user = django_user_model.objects.create_user(username="visitor", password="x" * 12)
    client.force_login(user)
    assert admin_post(client, rehearsal).status_code == 302
    assert not LiveUpdate.objects.exists()


def test_each_mission_has_an_atom_feed_a_feed_reader_accepts(client, clock):
    call_command("seed", stdout=StringIO())
    response = client.get("/missions/perseverance/live.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Perseverance: live updates"
    titles = [entry.title for entry in parsed.entries]
    assert "Key event: First images from Jezero Crater" in titles
    assert "Watch the landing with us" in titles
    for entry in parsed.entries:
        assert (
            entry.id
            and entry.updated
            and entry.link.startswith("http://127.0.0.1:8000/missions/perseverance/#")
        )
    page = client.get("/missions/perseverance/").content.decode()
    assert (
        'type="application/atom+xml"' in page and 'href="/missions/perseverance/live.atom"' in page
    )
    assert client.get("/missions/nope/live.atom").status_code == 404


def test_the_page_describes_its_feed_as_a_live_blog_for_search_engines(client, rehearsal):
    post(rehearsal, "Entry in ten minutes </script><script>alert(1)</script>")
    html = client.get(rehearsal.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = next(d for d in map(json.loads, blocks) if d["@type"] == "LiveBlogPosting")
    assert data["coverageStartTime"] == "2026-11-25T10:30:00Z"
    assert data["coverageEndTime"] == "2026-11-25T15:30:00Z"
    update = data["liveBlogUpdate"][0]
    assert update["@type"] == "BlogPosting"
    assert update["headline"].startswith("Entry in ten minutes </script>")  # kept, escaped
    assert update["datePublished"] == "2026-11-25T12:00:00Z"


def test_a_post_made_during_a_second_shows_on_that_seconds_page(client, rehearsal, clock):
    clock.move_to(NOW + timedelta(milliseconds=700))
    post(rehearsal, "Made at 12:00:00.7")
    assert "Made at 12:00:00.7" in feed_text(client, rehearsal)


def change_form_data(update, **fields):
    return {
        "mission": update.mission_id,
        "kind": update.kind,
        "headline_en": update.headline,
        "body_en": update.body,
        "posted_at_0": "2026-11-25",
        "posted_at_1": "12:00:00",
        "source_note": "",
        "opened_revision": update.revision,
        **fields,
    }


def test_an_edit_made_stale_by_another_editor_is_refused_and_theirs_stands(
    staff_client, rehearsal, client, django_user_model
):
    update = post(rehearsal, "Parachute deplyed")
    url = f"/admin/missions/liveupdate/{update.pk}/change/"
    opened = staff_client.get(url).content.decode()
    assert 'name="opened_revision" value="0"' in opened
    other = django_user_model.objects.create_superuser("capcom", "c@example.org", "x" * 12)
    client.force_login(other)
    assert (
        client.post(url, change_form_data(update, headline_en="Parachute deployed")).status_code
        == 302
    )
    # The first editor, still on the form they opened at revision 0, saves their fix.
    response = staff_client.post(url, change_form_data(update, headline_en="Parachute deployed!"))
    assert response.status_code == 200
    assert "Someone changed this post while you were editing it" in page_text(
        response.content.decode()
    )
    assert 'value="Parachute deployed!"' in response.content.decode()  # their text, kept
    update.refresh_from_db()
    assert (update.headline, update.revision) == ("Parachute deployed", 1)


def test_a_post_with_an_image_shows_it_with_alt_text_and_webp_copies_everywhere(
    staff_client, client, rehearsal
):
    response = admin_post(
        staff_client,
        rehearsal,
        image=image_upload("hazcam.png", size=(1600, 900)),
        image_alt_en="Jezero's floor seen by the rover's hazard camera, its shadow in front",
    )
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert (update.image_width, update.image_height) == (1600, 900)
    assert set(update.image_renditions) == {"320", "640", "1280"}
    assert all(name.endswith(".webp") for name in update.image_renditions.values())
    alt = 'alt="Jezero&#x27;s floor seen by the rover&#x27;s hazard camera, its shadow in front"'
    page = client.get(rehearsal.get_absolute_url()).content.decode()
    assert alt in page
    assert "320w" in page and "1600w" in page  # srcset: the copies and the original
    assert alt in fragment(client, rehearsal).content.decode()
    assert client.get(update.image.url).status_code == 200
    entry = feedparser.parse(client.get(f"/missions/{rehearsal.slug}/live.atom").content).entries[0]
    assert "hazcam" in entry.summary and "hazard camera" in entry.summary
    (live_data,) = [
        data
        for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        if "LiveBlogPosting" in data
    ]
    update_data = json.loads(live_data)["liveBlogUpdate"][0]
    assert update_data["image"].startswith("http") and update_data["image"].endswith(".webp")


def test_an_image_without_alt_text_is_refused_and_nothing_is_stored(staff_client, rehearsal):
    response = admin_post(
        staff_client, rehearsal, image=image_upload("hazcam.png"), image_alt_en=""
    )
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it." in page_text(
        response.content.decode()
    )
    assert not LiveUpdate.objects.exists()


def test_a_non_image_or_oversized_upload_gets_a_clear_error_and_nothing_is_stored(
    staff_client, rehearsal, settings
):
    fake = SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = admin_post(staff_client, rehearsal, image=fake, image_alt_en="A photo")
    assert response.status_code == 200
    assert "Upload a valid image" in page_text(response.content.decode())
    settings.MARSWEB_IMAGE_MAX_BYTES = 1_000
    big = image_upload("big.png", size=(400, 400))
    response = admin_post(staff_client, rehearsal, image=big, image_alt_en="A photo")
    assert response.status_code == 200
    assert "images may be at most 1000" in page_text(response.content.decode())
    assert not LiveUpdate.objects.exists()


def test_removing_a_posts_image_removes_it_from_the_feed_and_marks_the_post_updated(
    staff_client, client, rehearsal, clock
):
    admin_post(
        staff_client, rehearsal, image=image_upload("hazcam.png"), image_alt_en="Hazcam view"
    )
    update = LiveUpdate.objects.get()
    clock.shift(timedelta(minutes=2))
    response = staff_client.post(
        f"/admin/missions/liveupdate/{update.pk}/change/",
        {**change_form_data(update), "image-clear": "on", "image_alt_en": ""},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert not update.image and update.image_renditions == {}
    text = feed_text(client, rehearsal)
    assert "Hazcam view" not in client.get(rehearsal.get_absolute_url()).content.decode()
    assert "updated Wed 25 Nov 2026, 12:02 UTC" in text
