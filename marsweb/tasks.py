"""Enqueueing background work as part of the change that calls for it."""

from django.db import transaction
from django.tasks import Task
from django_tasks_db import DatabaseBackend


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
