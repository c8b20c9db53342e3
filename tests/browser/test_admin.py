"""The admin as a staff editor sees it at 1280 × 900."""

from io import StringIO

import pytest
from django.core.management import call_command

from missions.models import Mission
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize(
    ("path", "last_column"),
    [
        ("/admin/missions/mission/", "Missing"),
        ("/admin/events/event/", "Missing"),
        ("/admin/events/rsvp/", "Created at"),
        ("/admin/lights/lighting/", "Missing"),
    ],
)
def test_each_list_fits_the_screen_with_every_column_in_view(editor, path, last_column):
    call_command("seed", stdout=StringIO())
    event = make_event(slug="party", title="Perseverance landing: live broadcast (Rehearsal)")
    make_rsvp(event, name="Katherine Coleman Goble Johnson", email="katherine.johnson@example.org")
    editor.goto(path)
    table = editor.locator("#result_list")
    overflow = table.evaluate("t => t.scrollWidth - t.parentElement.clientWidth")
    assert overflow <= 0
    header = editor.locator("#result_list thead th").last
    assert last_column.lower() in header.inner_text().lower()
    box = header.bounding_box()
    assert box["x"] + box["width"] <= DESKTOP["width"]


def test_a_new_milestones_earth_time_shows_as_it_is_typed(editor):
    """Before, the Earth-received time of a new milestone showed only once saved; and the
    mission's page stacked every milestone in every language, some 18,000 px tall."""
    missions_seed(missions=MISSIONS)
    mission = Mission.objects.get(slug="perseverance")
    editor.goto(f"/admin/missions/mission/{mission.pk}/change/")
    assert editor.evaluate("document.documentElement.scrollHeight") < 7000
    rows = editor.locator("#milestones-group tr.form-row.has_original")
    before = rows.count()
    editor.locator("#milestones-group .add-row a").click()
    row = editor.locator("#milestones-group tr.form-row.dynamic-milestones").last
    row.locator('input[name$="-occurs_at_0"]').fill("2021-02-18")
    row.locator('input[name$="-occurs_at_1"]').fill("20:43:38")
    row.locator('input[name$="-signal_delay"]').fill("00:11:22")
    assert row.locator("td.field-earth_received").inner_text().strip() == "2021-02-18 20:55:00 UTC"
    assert rows.count() == before
