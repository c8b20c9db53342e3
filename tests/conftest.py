import pytest


@pytest.fixture(autouse=True)
def _isolated_media_and_caches(settings, tmp_path):
    """Uploads go to a temporary folder; no test sees another's cached values."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The hashed manifest storage needs collectstatic first; one test covers it on its own.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import caches

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
