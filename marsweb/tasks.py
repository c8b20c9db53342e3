"""Background work: enqueueing it with the change that calls for it, and recovering the
tasks a stopped worker left behind."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import Task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from marsweb import clock


class WorkerStopped(Exception):
    """A worker claimed the task and stopped (killed, its machine gone) before finishing it."""


def enqueue_with_transaction(task: Task, **kwargs) -> None:
    """Enqueue ``task`` so that it runs if, and only if, the current transaction commits.

    With the database queue (django-tasks-db) the task is a row written inside the
    transaction: it commits or rolls back with the change that called for it, and costs no
    commit of its own. Any other backend (the immediate one in development and tests) is
    handed the task once the transaction has committed, so that it never acts on a change
    that was rolled back and a failure in it cannot undo that change.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(**kwargs))


def recover_stale_tasks(*, now: datetime | None = None) -> int:
    """Mark as failed the tasks that have been running for longer than any can
    (``MARSWEB_TASK_STALE_MINUTES``): their worker was stopped mid-task and nothing else
    would ever finish them. What they were to send is owed still, and ``retry_emails``
    (which runs this first) sends it again.
    """
    now = now or clock.now()
    stale = DBTaskResult.objects.running().filter(
        started_at__lt=now - timedelta(minutes=settings.MARSWEB_TASK_STALE_MINUTES)
    )
    stopped = WorkerStopped(f"Its worker stopped: still running at {now:%Y-%m-%d %H:%M} UTC.")
    with transaction.atomic():
        results = list(stale.select_for_update(skip_locked=True))
        for result in results:
            result.set_failed(stopped)
    return len(results)
