"""Editors enter and read an event's times on the event's own clock, the zone named."""

import re
from datetime import UTC, datetime

import pytest

from events.models import Event
from tests.factories import make_event, make_rsvp

pytestmark = pytest.mark.django_db


def change_form(staff_client, event) -> dict:
    form = staff_client.get(f"/admin/events/event/{event.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"mission": "", "is_published": "on"})
    for name in ("starts_at", "ends_at", "rsvp_opens_at", "rsvp_closes_at"):
        value = form[name].value()
        data[f"{name}_0"], data[f"{name}_1"] = (
            (f"{value:%Y-%m-%d}", f"{value:%H:%M:%S}") if value else ("", "")
        )
    return data


def test_the_event_form_shows_and_reads_times_in_the_events_zone(staff_client):
    # 18:00 UTC is 10:00 in Los Angeles.
    event = make_event(slug="party", starts_at=datetime(2030, 1, 10, 18, 0, tzinfo=UTC))
    page = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'name="starts_at_1" value="10:00:00"' in page
    assert "On the clock of the event's time zone, now America/Los_Angeles." in page
    data = change_form(staff_client, event)
    data.update({"time_zone": "Europe/Paris", "starts_at_1": "21:00:00", "ends_at_1": "23:00:00"})
    response = staff_client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.starts_at == datetime(2030, 1, 10, 20, 0, tzinfo=UTC)  # 21:00 in Paris


def test_the_event_zone_is_chosen_from_real_zones_not_typed(staff_client):
    event = make_event(slug="party")
    page = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert re.search(r'<select name="time_zone"[^>]*>', page)
    assert '<optgroup label="America">' in page
    data = change_form(staff_client, event)
    data["time_zone"] = "Mars/Jezero"
    response = staff_client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Event.objects.get(pk=event.pk).time_zone == "America/Los_Angeles"


def test_lists_and_read_only_times_name_their_zone(staff_client):
    event = make_event(slug="party", starts_at=datetime(2030, 1, 10, 18, 0, tzinfo=UTC))
    rsvp = make_rsvp(event)
    events = staff_client.get("/admin/events/event/").content.decode()
    assert "Thu 10 Jan 2030, 10:00 PST (18:00 UTC)" in events
    rsvp_page = staff_client.get(f"/admin/events/rsvp/{rsvp.pk}/change/").content.decode()
    # "Created at": a read-only time, in the editor's zone (UTC here), named.
    assert re.search(r'<div class="readonly">\w+\.? \d+, \d{4}, [^<]+ UTC</div>', rsvp_page)
