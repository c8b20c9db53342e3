from django.core.management.base import BaseCommand

from events.rsvp import rsvps_send_reminders


class Command(BaseCommand):
    help = (
        "Email each seated attendee one reminder before their event starts "
        "(MARSWEB_REMINDER_MINUTES_BEFORE). Safe to run every minute from cron."
    )

    def handle(self, *args, **options) -> None:
        sent = rsvps_send_reminders()
        self.stdout.write(f"Reminders sent: {sent}.")
