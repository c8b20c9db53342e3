from django.core.management.base import BaseCommand

from events.rsvp import rsvps_retry_emails


class Command(BaseCommand):
    help = (
        "Send again the RSVP emails whose sending failed. Safe to run every few minutes from cron."
    )

    def handle(self, *args, **options) -> None:
        count = rsvps_retry_emails()
        self.stdout.write(f"Emails enqueued again: {count}.")
