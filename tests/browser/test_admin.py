"""The admin as a staff editor sees it at 1280 × 900."""

from io import StringIO

import pytest
from django.core.management import call_command

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
