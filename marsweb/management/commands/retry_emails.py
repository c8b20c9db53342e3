from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from marsweb.tasks import recover_stale_tasks


class Command(BaseCommand):
    help = (
        "Send again every email that was called for and has not gone out: its send failed, "
        "or the worker sending it was stopped. Safe to run every few minutes from cron."
    )

    def handle(self, *args, **options) -> None:
        recovered = recover_stale_tasks()
        # Each app that sends email names its own retry in its AppConfig (retry_emails).
        retries = [
            import_string(config.retry_emails)
            for config in apps.get_app_configs()
            if getattr(config, "retry_emails", None)
        ]
        count = sum(retry() for retry in retries)
        self.stdout.write(f"Tasks left running by a stopped worker: {recovered}.")
        self.stdout.write(f"Emails enqueued again: {count}.")
