"""Seed the article's lightings (``manage.py seed``), without duplicates."""

from typing import Any

from django.db import transaction

from lights.models import Lighting
from lights.schedule import lighting_save
from lights.seed_data import LIGHTINGS
from lights.seed_translations import LIGHTING_TRANSLATIONS
from marsweb.seeding import SeedReport, seed_upsert, translated_values


def seed(*, overwrite: bool = False) -> SeedReport:
    return lightings_seed(lightings=LIGHTINGS, overwrite=overwrite)


@transaction.atomic
def lightings_seed(*, lightings: list[dict[str, Any]], overwrite: bool = False) -> SeedReport:
    """Lightings are keyed by landmark and city; their times are resolved on the way in."""
    report = SeedReport()
    for data in lightings:
        lookup = {"landmark": data["landmark"], "city": data["city"]}
        values = {k: v for k, v in data.items() if k not in lookup}
        values.setdefault("is_published", True)
        values.update(translated_values(LIGHTING_TRANSLATIONS.get(data["landmark"])))
        seed_upsert(
            model=Lighting,
            lookup=lookup,
            values=values,
            overwrite=overwrite,
            report=report,
            save=lambda lighting: lighting_save(lighting=lighting),
        )
    return report
