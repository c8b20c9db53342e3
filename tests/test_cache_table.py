"""The database cache's table exists after `migrate`, whatever cache the settings name."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

migration = import_module("missions.migrations.0007_database_cache_table_always")


def test_migrating_with_redis_configured_still_creates_the_database_cache_table(settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
        },
    }
    with connection.cursor() as cursor:  # as a release migrated with REDIS_URL left it
        cursor.execute("DROP TABLE marsweb_cache")
    assert "marsweb_cache" not in connection.introspection.table_names()
    editor = SimpleNamespace(connection=connection)  # all the migration reads of it
    migration.create_cache_table(None, editor)
    assert "marsweb_cache" in connection.introspection.table_names()
    migration.create_cache_table(None, editor)  # again: nothing happens
