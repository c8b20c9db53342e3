# Lighting now belongs to the lights app (lights/migrations/0001_initial.py): the events
# app forgets the model without touching its table, which lights 0002 renames.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_lightings'),
        ('lights', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Lighting')],
            database_operations=[],
        ),
    ]
