import uuid

import pytest
from django.core.cache import caches


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
