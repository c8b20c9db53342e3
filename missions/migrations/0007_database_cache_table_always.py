from io import StringIO

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    # 0002 asked createcachetable, which makes only the tables of the caches configured at
    # that moment: a release migrated with REDIS_URL set got none, and a server started
    # later without Redis kept its rate limits in a table that was not there (failing
    # open). Create the database cache's table whatever the settings say; if it exists,
    # nothing happens.
    command = CreateCacheTable(stdout=StringIO())
    command.verbosity = 0  # set by handle(), which is not called here
    command.create_table(schema_editor.connection.alias, "marsweb_cache", False)


class Migration(migrations.Migration):
    dependencies = [("missions", "0006_featured_after_landing")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
