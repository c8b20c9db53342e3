"""Times in an event's description are data: shown in every zone, moved with a rehearsal."""

import html
import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from events.models import Event
from events.text import shift_times
from tests.factories import make_event

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)


def test_shifting_moves_written_times_and_leaves_start_and_end_to_the_event():
    text = "Doors open [start]; touchdown at [time 2021-02-18T20:55:00Z]; ends [end]."
    shifted = shift_times(text, timedelta(days=3, minutes=5))
    assert shifted == "Doors open [start]; touchdown at [time 2021-02-21T21:00:00Z]; ends [end]."


def test_the_event_page_shows_each_time_in_the_events_zone_and_the_visitors(client):
    make_event(
        slug="party",
        description="Coverage starts [start].\n\nTouchdown about [time 2030-01-10T20:55:00Z] <b>!</b>",
    )
    client.cookies["tz"] = "Europe/Paris"
    page = client.get("/events/party/").content.decode()
    prose = re.search(r'<div class="prose[^"]*">(.*?)</div>', page, re.S).group(1)
    assert "Coverage starts <time" in prose and "10:00 PST" in prose and "19:00 CET" in prose
    assert "12:55 PST" in prose and "21:55 CET" in prose
    assert prose.count("<p>") == 2
    assert "&lt;b&gt;!&lt;/b&gt;" in prose  # staff text is text, not HTML


def test_a_time_pages_cannot_read_is_refused_with_a_clear_message():
    event = make_event(slug="party")
    event.description = "Touchdown at [time next Tuesday]"
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "“[time next Tuesday]” is not a time we can read" in str(refused.value)


def test_a_rehearsals_event_text_names_its_own_times_not_the_real_nights():
    with time_machine.travel(NOW, tick=False):
        call_command("seed", stdout=StringIO())
        call_command("rehearse", "perseverance", "--minutes", "30", stdout=StringIO())
    real = Event.objects.get(slug="perseverance-landing-live-broadcast")
    copy = Event.objects.get(slug="perseverance-landing-live-broadcast-rehearsal")
    shift = copy.starts_at - real.starts_at
    touchdown = datetime(2021, 2, 18, 20, 55, tzinfo=UTC) + shift
    assert f"[time {touchdown:%Y-%m-%dT%H:%M:%S}Z]" in copy.description
    with time_machine.travel(NOW, tick=False):
        page = Client().get(copy.get_absolute_url()).content.decode()
    prose = re.search(r'<div class="prose[^"]*">(.*?)</div>', page, re.S).group(1)
    assert "a.m. PST" not in prose and "p.m. PST" not in prose
    assert f'<time datetime="{touchdown:%Y-%m-%dT%H:%M:%S}Z"' in prose
    # The sources quote the real night's times, and say so.
    sources = re.search(r'<section aria-labelledby="sources-title".*?</section>', page, re.S)
    assert "the times they give are the real night's" in html.unescape(sources[0])
