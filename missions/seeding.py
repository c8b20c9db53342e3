"""Seed the missions the article names (``manage.py seed``), without duplicates."""

from typing import Any

from django.db import transaction

from marsweb.seeding import SeedReport, seed_upsert, translated_values
from missions.models import LiveUpdate, Milestone, Mission
from missions.seed_data import LIVE_UPDATES, MISSIONS
from missions.seed_translations import (
    LIVE_UPDATE_TRANSLATIONS,
    MILESTONE_TRANSLATIONS,
    MISSION_TRANSLATIONS,
)


def seed(*, overwrite: bool = False) -> SeedReport:
    return missions_seed(
        missions=MISSIONS, live_updates=LIVE_UPDATES, translated=True, overwrite=overwrite
    )


@transaction.atomic
def missions_seed(
    *,
    missions: list[dict[str, Any]],
    live_updates: dict[str, list[dict[str, Any]]] | None = None,
    translated: bool = False,
    overwrite: bool = False,
) -> SeedReport:
    """The missions, their timelines and live posts; with ``translated``, their Spanish and
    Arabic too (missions.seed_translations)."""

    def translations(table: dict, key) -> dict[str, str]:
        return translated_values(table.get(key)) if translated else {}

    report = SeedReport()
    by_slug: dict[str, Mission] = {}
    for data in missions:
        values = {k: v for k, v in data.items() if k not in {"slug", "milestones", "parent"}}
        values.setdefault("is_published", True)
        values.update(translations(MISSION_TRANSLATIONS, data["slug"]))
        if data.get("parent"):
            values["parent"] = by_slug[data["parent"]]
        mission = seed_upsert(
            model=Mission,
            lookup={"slug": data["slug"]},
            values=values,
            overwrite=overwrite,
            report=report,
        )
        by_slug[mission.slug] = mission
        for milestone in data.get("milestones", []):
            milestone_values = {k: v for k, v in milestone.items() if k not in {"kind", "title"}}
            milestone_values.update(
                translations(MILESTONE_TRANSLATIONS, (data["slug"], milestone["kind"]))
            )
            seed_upsert(
                model=Milestone,
                lookup={"mission": mission, "kind": milestone["kind"], "title": milestone["title"]},
                values=milestone_values,
                overwrite=overwrite,
                report=report,
            )
    for slug, updates in (live_updates or {}).items():
        for update in updates:
            seed_upsert(
                model=LiveUpdate,
                lookup={"mission": by_slug[slug], "headline": update["headline"]},
                values={
                    **{k: v for k, v in update.items() if k != "headline"},
                    **translations(LIVE_UPDATE_TRANSLATIONS, (slug, update["headline"])),
                },
                overwrite=overwrite,
                report=report,
            )
    return report
