"""Plain factory functions: the smallest valid object, with any field overridable."""

from datetime import UTC, datetime, timedelta
from io import BytesIO
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import Event, Rsvp
from lights.models import Lighting
from lights.schedule import lighting_save
from missions.models import Milestone, Mission

_sequence = count(1)


def make_mission(**fields) -> Mission:
    n = next(_sequence)
    values = {
        "name": f"Test Rover {n}",
        "slug": f"test-rover-{n}",
        "agency": "NASA / JPL-Caltech",
        "kind": Mission.Kind.ROVER,
        "status": Mission.Status.ACTIVE,
        "summary": "A rover made for a test.",
        "is_published": True,
    }
    values.update(fields)
    mission = Mission(**values)
    mission.full_clean()
    mission.save()
    return mission


def make_milestone(mission: Mission, **fields) -> Milestone:
    values = {
        "kind": Milestone.Kind.TOUCHDOWN,
        "title": "Touchdown",
        "occurs_at": datetime(2021, 2, 18, 20, 43, 38, tzinfo=UTC),
        "signal_delay": timedelta(minutes=11, seconds=22),
    }
    values.update(fields)
    milestone = Milestone(mission=mission, **values)
    milestone.full_clean()
    milestone.save()
    return milestone


def image_bytes(*, size=(1600, 900), image_format="PNG", color=(193, 68, 14)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def image_upload(name="jezero.png", **kwargs) -> SimpleUploadedFile:
    image_format = kwargs.get("image_format", "PNG")
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}.get(
        image_format, "application/octet-stream"
    )
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type=content_type)


def make_event(**fields):
    n = next(_sequence)
    values = {
        "title": f"Landing watch party {n}",
        "slug": f"landing-watch-party-{n}",
        "kind": Event.Kind.VIRTUAL_SOCIAL,
        "starts_at": datetime(2030, 1, 10, 18, 0, tzinfo=UTC),
        "ends_at": datetime(2030, 1, 10, 20, 0, tzinfo=UTC),
        "time_zone": "America/Los_Angeles",
        "summary": "Watch the landing together.",
        "join_url": "https://stream.example.org/secret-room",
        "is_published": True,
    }
    values.update(fields)
    event = Event(**values)
    event.full_clean()
    event.save()
    return event


def make_rsvp(event, **fields):
    n = next(_sequence)
    values = {"name": f"Attendee {n}", "email": f"attendee{n}@example.org"}
    values.update(fields)
    rsvp = Rsvp(event=event, **values)
    rsvp.full_clean()
    rsvp.save()
    return rsvp


def make_lighting(**fields) -> Lighting:
    """A published lighting from sunset on a local date in Paris, saved (times resolved)."""
    n = next(_sequence)
    values = {
        "landmark": f"Tower {n}",
        "city": "Paris",
        "country": "France",
        "latitude": "48.85",
        "longitude": "2.35",
        "time_zone": "Europe/Paris",
        "start_kind": "sunset",
        "start_date": datetime(2021, 2, 18).date(),
        "is_published": True,
    }
    values.update(fields)
    return lighting_save(lighting=Lighting(**values))


def lighting_submission(**overrides) -> dict:
    """What a visitor types into "Light your town red" (/lights/submit/): a valid form."""
    data = {
        "landmark": "Pasadena City Hall",
        "city": "Pasadena",
        "country": "United States",
        "latitude": "34.14778",
        "longitude": "-118.14452",
        "start_kind": "sunset",
        "start_date": "2021-02-18",
        "start_time": "",
        "end_kind": "exact",
        "end_date": "2021-02-19",
        "end_time": "01:00",
        "note": "Red for JPL's rover.",
        "submitter_email": "clerk@example.org",
        "website": "",
    }
    data.update(overrides)
    return data
