"""Seed the article's events (``manage.py seed``), without duplicates."""

from typing import Any

from django.db import transaction

from events.models import Event
from events.seed_data import EVENTS
from events.seed_translations import EVENT_TRANSLATIONS
from marsweb.seeding import SeedReport, seed_upsert, translated_values
from missions.models import Mission


def seed(*, overwrite: bool = False) -> SeedReport:
    return events_seed(events=EVENTS, overwrite=overwrite)


@transaction.atomic
def events_seed(*, events: list[dict[str, Any]], overwrite: bool = False) -> SeedReport:
    report = SeedReport()
    for data in events:
        values = {k: v for k, v in data.items() if k not in {"slug", "mission"}}
        values.setdefault("is_published", True)
        values["mission"] = Mission.objects.filter(slug=data["mission"]).first()
        values.update(translated_values(EVENT_TRANSLATIONS.get(data["slug"])))
        seed_upsert(
            model=Event,
            lookup={"slug": data["slug"]},
            values=values,
            overwrite=overwrite,
            report=report,
        )
    return report
