from django.core.management.base import BaseCommand

from events.rsvp import rsvps_purge


class Command(BaseCommand):
    help = (
        "Erase names and email addresses of RSVPs to events that ended more than N days ago "
        "(default MARSWEB_RSVP_PURGE_AFTER_DAYS), and of never-confirmed RSVPs whose link "
        "expired. Counts per status stay. Safe to run daily from cron."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days: int | None, **options) -> None:
        count = rsvps_purge(days=days)
        self.stdout.write(f"RSVPs purged: {count}.")
