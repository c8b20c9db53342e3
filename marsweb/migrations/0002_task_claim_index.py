"""An index for the email workers' claim query, on django-tasks-db's table.

A worker claims its next task with ``status = 'READY' AND backend_name = … ORDER BY
priority DESC, run_after, enqueued_at LIMIT 1 FOR UPDATE SKIP LOCKED``. The library's
indexes cover the status and the order, or the backend name, never both: on a table
PostgreSQL has no statistics for yet (a new database, or a burst faster than autovacuum),
it combines the two, then sorts every waiting task to take one. With 8,000 sign-ups
waiting that was 20–35 ms of the database per email, each worker's claim slower as the
queue grew. This index answers the whole query in its own order: one row read, whatever
the statistics say (tests/events/test_task_queue.py).
"""

from django.db import migrations

INDEX = "marsweb_task_claim_idx"
TABLE = "django_tasks_database_dbtaskresult"


class Migration(migrations.Migration):
    dependencies = [
        ("marsweb", "0001_rate_count"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON {TABLE} "
            "(backend_name, priority DESC, run_after, enqueued_at) WHERE status = 'READY'",
            f"DROP INDEX {INDEX}",
        ),
    ]
