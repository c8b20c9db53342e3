from django.core.management.base import BaseCommand

from events.seed_data import EVENTS, LIGHTINGS
from events.seeding import events_seed, lightings_seed
from missions.seed_data import MISSIONS
from missions.seeding import missions_seed


class Command(BaseCommand):
    help = (
        "Load the missions (and, as they arrive, events and city lights) that the Perseverance "
        "article names. Idempotent: existing rows are left as staff left them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also reset seeded rows that differ from the seed data (staff edits to them are lost).",
        )

    def handle(self, *args, update: bool = False, **options) -> None:
        report = missions_seed(missions=MISSIONS, overwrite=update)
        report.merge(events_seed(events=EVENTS, overwrite=update))
        report.merge(lightings_seed(lightings=LIGHTINGS, overwrite=update))
        self.stdout.write(str(report))
