"""A database made by the layout before the lights app migrates forward with nothing lost.

The test migrates its database back to where the previous layout left it (Lighting in the
events app), puts a row in every table, migrates forward, and finds every row again: the
lightings under the lights app's table, and the content type (so staff permissions and the
admin's history) carried over.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lights.models import Lighting

# The migrations the previous layout ended with; the lights app did not exist.
PREVIOUS_LAYOUT = [
    ("missions", "0004_missions_without_launch_date_last"),
    ("events", "0002_lightings"),
    ("lights", None),
]
NOW = datetime(2030, 1, 10, 12, 0, tzinfo=UTC)


def migrate(targets=None):
    """Migrate to ``targets`` (all the way forward without) and return the models then."""
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return state.apps


def table_columns() -> dict[str, list[str]]:
    """Every table's column names (Django's own migration records aside)."""
    with connection.cursor() as cursor:
        return {
            table: [c.name for c in connection.introspection.get_table_description(cursor, table)]
            for table in connection.introspection.table_names()
            if table != "django_migrations"
        }


def every_row(columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The rows of each table in ``columns``, those columns only, in primary-key order."""
    rows = {}
    with connection.cursor() as cursor:
        for table, names in columns.items():
            quoted = ", ".join(connection.ops.quote_name(name) for name in names)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)} ORDER BY 1")
            rows[table] = [tuple(map(str, row)) for row in cursor.fetchall()]
    return rows


def fill_every_table(apps) -> None:
    """A row in every table, made with the models as the previous layout had them."""
    model = apps.get_model
    mission = model("missions", "Mission").objects.create(
        name="Perseverance", slug="perseverance", agency="NASA", kind="rover", summary="A rover."
    )
    model("missions", "Milestone").objects.create(
        mission=mission, kind="touchdown", title="Touchdown", occurs_at=NOW
    )
    model("missions", "MissionImage").objects.create(
        mission=mission, image="missions/2021/jezero.png", alt_text="Jezero", width=10, height=10
    )
    event = model("events", "Event").objects.create(
        title="Watch party", slug="party", kind="virtual-social", mission=mission,
        starts_at=NOW, ends_at=NOW + timedelta(hours=2), summary="Together.",
    )  # fmt: skip
    model("events", "Rsvp").objects.create(event=event, name="Ada", email="ada@example.org")
    Lighting = model("events", "Lighting")
    lit = Lighting.objects.create(
        landmark="Empire State Building", city="New York", country="United States",
        latitude="40.74844", longitude="-73.98566", time_zone="America/New_York",
        start_kind="exact", start_date=NOW.date(), start_time=NOW.time(), starts_at=NOW,
        is_published=True,
    )  # fmt: skip
    Lighting.objects.create(
        landmark="Town hall", city="Lyon", country="France", latitude="45.75",
        longitude="4.85", time_zone="Europe/Paris", moderation="pending",
        submitter_email="mayor@example.org", submitted_at=NOW,
    )  # fmt: skip
    ContentType = model("contenttypes", "ContentType")
    lighting_type, _ = ContentType.objects.get_or_create(app_label="events", model="lighting")
    can_change = model("auth", "Permission").objects.get_or_create(
        content_type=lighting_type, codename="change_lighting", name="Can change lighting"
    )[0]
    moderators = model("auth", "Group").objects.create(name="Moderators")
    moderators.permissions.add(can_change)
    editor = model("auth", "User").objects.create(username="editor", is_staff=True)
    editor.groups.add(moderators)
    editor.user_permissions.add(can_change)
    model("admin", "LogEntry").objects.create(
        user=editor, content_type=lighting_type, object_id=str(lit.pk),
        object_repr=str(lit.landmark), action_flag=2, action_time=NOW,
    )  # fmt: skip
    model("sessions", "Session").objects.create(
        session_key="k" * 32, session_data="{}", expire_date=NOW
    )
    model("axes", "AccessAttempt").objects.create(
        ip_address="192.0.2.1", username="editor", failures_since_start=1, attempt_time=NOW
    )
    model("axes", "AccessAttemptExpiration").objects.create(
        access_attempt=model("axes", "AccessAttempt").objects.get(), expires_at=NOW
    )
    model("axes", "AccessFailureLog").objects.create(
        ip_address="192.0.2.1", username="editor", attempt_time=NOW
    )
    model("axes", "AccessLog").objects.create(
        ip_address="192.0.2.1", username="editor", attempt_time=NOW
    )
    model("django_tasks_database", "DBTaskResult").objects.create(
        task_path="events.tasks.rsvp_send_email", args_kwargs={}, backend_name="default",
        queue_name="default", priority=0, run_after=NOW,
    )  # fmt: skip
    model("marsweb", "RateCount").objects.create(key="ratelimit:rsvp:address:x:1", expires_at=NOW)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO marsweb_cache (cache_key, value, expires) VALUES (%s, %s, %s)",
            ["marsweb:1:ratelimit:rsvp:192.0.2.1:1", "gAVLAS4=", NOW],
        )


@pytest.mark.django_db(transaction=True)
def test_the_previous_layouts_database_migrates_forward_with_every_row():
    fill_every_table(migrate(PREVIOUS_LAYOUT))
    columns = table_columns()
    before = every_row(columns)
    assert "lights_lighting" not in before and len(before["events_lighting"]) == 2
    assert all(rows for rows in before.values()), [t for t, rows in before.items() if not rows]

    migrate()
    # The columns there were before, in every table now there (later migrations add their own).
    columns["lights_lighting"] = columns.pop("events_lighting")
    after = every_row(
        {table: columns.get(table, names) for table, names in table_columns().items()}
    )

    # The lightings, moderation queue included, are the lights app's now, row for row.
    assert after.pop("lights_lighting") == before.pop("events_lighting")
    assert "events_lighting" not in after
    assert Lighting.objects.filter(moderation="pending").get().landmark == "Town hall"
    # The content type moved under the same id: permissions and admin history follow it.
    moved = [row for row in before["django_content_type"] if row[1:] == ("events", "lighting")]
    (content_type_id,) = (row[0] for row in moved)
    assert (content_type_id, "lights", "lighting") in after["django_content_type"]
    before["django_content_type"] = [
        (row[0], "lights", "lighting") if row in moved else row
        for row in before["django_content_type"]
    ]
    # Tables later migrations created (the live feed's, say) start empty.
    created = {table: rows for table, rows in after.items() if table not in before}
    assert all(not rows for rows in created.values()), created
    assert {table: rows for table, rows in after.items() if table in before} == before
