import uuid
from datetime import UTC, datetime
from io import StringIO

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command

from events.models import Event, Rsvp

# The moment the landing-night site below is seen at: its rehearsal lands 30 minutes later.
SITE_NOW = datetime(2030, 1, 10, 12, 0, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_media_and_caches(settings, tmp_path):
    """Uploads go to a temporary folder; no test sees another's cached values."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The hashed manifest storage needs collectstatic first; one test covers it on its own.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The shared cache is the database's by default; its table outlives transactional tests,
    # so tests share nothing through it: each gets an empty cache in memory instead.
    # (tests/events/test_rsvp_flow.py checks the rate limit in the database cache itself.)
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "shared-tests",
        },
    }
    for alias in settings.CACHES:
        caches[alias].clear()
    yield


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="flight-director", email="fd@example.org", password="correct horse battery"
    )
    client.force_login(user)
    return client


@pytest.fixture
def redis_cache(settings):
    """The shared cache in the local Redis (it runs on every machine and in CI), under a key
    prefix of this test's own; its keys are deleted afterwards."""
    prefix = f"marsweb-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    cache = caches["shared"]
    try:
        cache.get("ping")
    except Exception as error:
        pytest.fail(f"Redis does not answer at 127.0.0.1:6379 ({error}): start it to run this test")
    yield cache
    client = cache._cache.get_client()
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def site():
    """The seed content and a rehearsal landing 30 minutes from the frozen "now"."""
    with time_machine.travel(SITE_NOW, tick=False):
        call_command("seed", stdout=StringIO())
        call_command("rehearse", "perseverance", "--minutes", "30", stdout=StringIO())
        party = Event.objects.get(slug="perseverance-virtual-nasa-social-rehearsal")
        people = {
            status: Rsvp.objects.create(
                event=party,
                name=f"{status.title()} Attendee",
                email=f"{status}@example.org",
                status=status,
                token=f"token-{status}",
                waitlisted_at=SITE_NOW if status == Rsvp.Status.WAITLISTED else None,
            )
            for status in Rsvp.Status.values
        }
        yield people


@pytest.fixture
def site_at_now(site):
    """The seeded site (``site``) with the clock held at SITE_NOW for the whole test."""
    with time_machine.travel(SITE_NOW, tick=False):
        yield site
