from io import StringIO

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    # The "shared" cache lives in the database unless REDIS_URL is set; creating its table
    # here means no deployment can forget to. createcachetable is idempotent and does
    # nothing for non-database caches.
    call_command("createcachetable", database=schema_editor.connection.alias, stdout=StringIO())


class Migration(migrations.Migration):
    dependencies = [("missions", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
