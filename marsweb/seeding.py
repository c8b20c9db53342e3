"""Seed content: loaded without ever duplicating it or overwriting what staff changed.

Each app keeps its seed data (``seed_data.py``) and a ``seeding.py`` whose
``seed(*, overwrite)`` loads it through ``seed_upsert`` and returns a ``SeedReport``;
``manage.py seed`` runs them in the order of INSTALLED_APPS (events after the missions
they belong to).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import models

# The source every seeded row cites: the article announcing Perseverance's landing.
ARTICLE = (
    "Elizabeth Howell, “NASA is about to send the ultimate valentine to Mars with "
    "Perseverance rover landing”, Space.com, February 2021."
)


def utc(*parts: int) -> datetime:
    """A UTC moment for seed data: ``utc(2021, 2, 18, 20, 55)``."""
    return datetime(*parts, tzinfo=UTC)


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


def translated_values(translations: dict[str, dict[str, str]] | None) -> dict[str, str]:
    """``{"es": {"name": "…"}}`` as the model's own fields: ``{"name_es": "…"}``
    (django-modeltranslation's columns beside each translated field)."""
    return {
        f"{field}_{language}": text
        for language, fields in (translations or {}).items()
        for field, text in fields.items()
    }


def seed_upsert(
    *,
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    overwrite: bool,
    report: SeedReport,
    save: Callable[[models.Model], object] | None = None,
) -> models.Model:
    """Create the row ``lookup`` names with ``values``; when it exists, leave it alone unless
    ``overwrite``, and then save only if a value really differs (so nothing is touched twice).

    ``save`` stores a validated-or-not instance; by default full_clean() then save(). A
    model whose writes go through a domain function passes that function.
    """
    save = save or _clean_and_save
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        save(instance)
        report.count("created", model)
        return instance
    if overwrite:
        changed = [name for name, value in values.items() if _differs(instance, name, value)]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            save(instance)
            report.count("updated", model)
    return instance


def _clean_and_save(instance: models.Model) -> None:
    instance.full_clean()
    instance.save()


def _differs(instance: models.Model, name: str, value: Any) -> bool:
    current = getattr(instance, name)
    field_ = instance._meta.get_field(name)
    if isinstance(field_, models.ForeignKey):
        return getattr(instance, field_.attname) != (value.pk if value is not None else None)
    return current != field_.to_python(value)
