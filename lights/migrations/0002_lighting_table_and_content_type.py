# The table takes this app's name, and so does its index. The content type follows, so
# staff's permissions on lightings and the admin's history of each lighting carry over.

from django.db import migrations


def move_content_type(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label=target, model="lighting").exists():
        types.filter(app_label=source, model="lighting").update(app_label=target)


def forwards(apps, schema_editor) -> None:
    move_content_type(apps, schema_editor, source="events", target="lights")


def backwards(apps, schema_editor) -> None:
    move_content_type(apps, schema_editor, source="lights", target="events")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('events', '0003_lighting_moves_to_lights'),
        ('lights', '0001_initial'),
    ]

    operations = [
        migrations.RenameIndex(
            model_name='lighting',
            new_name='lights_ligh_is_publ_5bf03b_idx',
            old_name='events_ligh_is_publ_0b5214_idx',
        ),
        migrations.AlterModelTable(
            name='lighting',
            table=None,
        ),
        migrations.RunPython(forwards, backwards),
    ]
