"""Seed the article's events and lightings (``manage.py seed``), without duplicates."""

from typing import Any

from django.db import transaction

from events.lights import lighting_save
from events.models import Event, Lighting
from events.seed_data import EVENTS, LIGHTINGS
from marsweb.seeding import SeedReport, seed_upsert
from missions.models import Mission


def seed(*, overwrite: bool = False) -> SeedReport:
    report = events_seed(events=EVENTS, overwrite=overwrite)
    return report.merge(lightings_seed(lightings=LIGHTINGS, overwrite=overwrite))


@transaction.atomic
def events_seed(*, events: list[dict[str, Any]], overwrite: bool = False) -> SeedReport:
    report = SeedReport()
    for data in events:
        values = {k: v for k, v in data.items() if k not in {"slug", "mission"}}
        values.setdefault("is_published", True)
        values["mission"] = Mission.objects.filter(slug=data["mission"]).first()
        seed_upsert(
            model=Event,
            lookup={"slug": data["slug"]},
            values=values,
            overwrite=overwrite,
            report=report,
        )
    return report


@transaction.atomic
def lightings_seed(*, lightings: list[dict[str, Any]], overwrite: bool = False) -> SeedReport:
    """Lightings are keyed by landmark and city; their times are resolved on the way in."""
    report = SeedReport()
    for data in lightings:
        lookup = {"landmark": data["landmark"], "city": data["city"]}
        values = {k: v for k, v in data.items() if k not in lookup}
        values.setdefault("is_published", True)
        seed_upsert(
            model=Lighting,
            lookup=lookup,
            values=values,
            overwrite=overwrite,
            report=report,
            save=lambda lighting: lighting_save(lighting=lighting),
        )
    return report
