"""Load seed content without ever duplicating it or overwriting what staff changed."""

from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction

from missions.models import Milestone, Mission


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, model: type[models.Model]) -> None:
        bucket = self.created if kind == "created" else self.updated
        name = model._meta.verbose_name_plural
        bucket[name] = bucket.get(name, 0) + 1

    def merge(self, other: "SeedReport") -> "SeedReport":
        for mine, theirs in ((self.created, other.created), (self.updated, other.updated)):
            for name, n in theirs.items():
                mine[name] = mine.get(name, 0) + n
        return self

    def __str__(self) -> str:
        if not self.created and not self.updated:
            return "Seed content already present: nothing changed."
        parts = [f"created {n} {name}" for name, n in self.created.items()]
        parts += [f"updated {n} {name}" for name, n in self.updated.items()]
        return "Seeded: " + ", ".join(parts) + "."


def seed_upsert(
    *,
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    overwrite: bool,
    report: SeedReport,
) -> models.Model:
    """Create the row ``lookup`` names with ``values``; when it exists, leave it alone unless
    ``overwrite``, and then save only if a value really differs (so nothing is touched twice).
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        report.count("created", model)
        return instance
    if overwrite:
        changed = [name for name, value in values.items() if _differs(instance, name, value)]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            instance.full_clean()
            instance.save()
            report.count("updated", model)
    return instance


def _differs(instance: models.Model, name: str, value: Any) -> bool:
    current = getattr(instance, name)
    field_ = instance._meta.get_field(name)
    if isinstance(field_, models.ForeignKey):
        return getattr(instance, field_.attname) != (value.pk if value is not None else None)
    return current != field_.to_python(value)


@transaction.atomic
def missions_seed(*, missions: list[dict[str, Any]], overwrite: bool = False) -> SeedReport:
    report = SeedReport()
    by_slug: dict[str, Mission] = {}
    for data in missions:
        values = {k: v for k, v in data.items() if k not in {"slug", "milestones", "parent"}}
        values.setdefault("is_published", True)
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
            seed_upsert(
                model=Milestone,
                lookup={"mission": mission, "kind": milestone["kind"], "title": milestone["title"]},
                values=milestone_values,
                overwrite=overwrite,
                report=report,
            )
    return report


@transaction.atomic
def events_seed(*, events: list[dict[str, Any]], overwrite: bool = False) -> SeedReport:
    from events.models import Event

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
    from events.lights import lighting_save
    from events.models import Lighting

    report = SeedReport()
    for data in lightings:
        lookup = {"landmark": data["landmark"], "city": data["city"]}
        values = {k: v for k, v in data.items() if k not in lookup}
        values.setdefault("is_published", True)
        lighting = Lighting.objects.filter(**lookup).first()
        if lighting is None:
            lighting_save(lighting=Lighting(**lookup, **values))
            report.count("created", Lighting)
        elif overwrite:
            changed = [k for k, v in values.items() if _differs(lighting, k, v)]
            if changed:
                for name in changed:
                    setattr(lighting, name, values[name])
                lighting_save(lighting=lighting)
                report.count("updated", Lighting)
    return report
