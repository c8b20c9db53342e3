from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from marsweb.seeding import SeedReport


class Command(BaseCommand):
    help = (
        "Load the content the Perseverance article names: missions, events, city lights. "
        "Idempotent: existing rows are left as staff left them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also reset seeded rows that differ from the seed data (staff edits to them are lost).",
        )

    @transaction.atomic
    def handle(self, *args, update: bool = False, **options) -> None:
        report = SeedReport()
        # Each app seeds its own content, in INSTALLED_APPS order (events after missions).
        for app in apps.get_app_configs():
            if find_spec(f"{app.name}.seeding") is None:
                continue
            seeding = import_module(f"{app.name}.seeding")
            if hasattr(seeding, "seed"):
                report.merge(seeding.seed(overwrite=update))
        self.stdout.write(str(report))
