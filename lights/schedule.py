"""City light schedules: resolving rules to times, the state of a lighting, moderation."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lights import sun
from lights.models import Lighting
from lights.tasks import lighting_send_outcome
from marsweb import clock
from marsweb.tasks import enqueue_with_transaction


def _rule(lighting: Lighting, end: str) -> sun.TimeRule:
    return sun.TimeRule(
        kind=getattr(lighting, f"{end}_kind"),
        local_date=getattr(lighting, f"{end}_date"),
        local_time=getattr(lighting, f"{end}_time"),
    )


def start_rule(lighting: Lighting) -> sun.TimeRule:
    return _rule(lighting, "start")


def end_rule(lighting: Lighting) -> sun.TimeRule:
    return _rule(lighting, "end")


def lighting_resolve(lighting: Lighting) -> None:
    """Work out the UTC start and end from the rules (no save)."""
    where = {
        "latitude": float(lighting.latitude),
        "longitude": float(lighting.longitude),
        "zone": lighting.zone,
    }
    start = sun.resolve(start_rule(lighting), **where)
    end = sun.resolve(end_rule(lighting), **where)
    lighting.starts_at, lighting.ends_at = start.at, end.at
    lighting.timing_note = " ".join(n for n in (start.note, end.note) if n)[:300]


def lighting_save(*, lighting: Lighting) -> Lighting:
    """Validate, resolve the rules to UTC times and save. Raises ValidationError."""
    lighting.full_clean(exclude=["starts_at", "ends_at"])
    lighting_resolve(lighting)
    if lighting.starts_at and lighting.ends_at and lighting.ends_at <= lighting.starts_at:
        raise ValidationError({"end_date": _("The lighting must end after it starts.")})
    lighting.save()
    return lighting


@dataclass(frozen=True)
class LightingState:
    kind: str  # lit, upcoming, ended, tba
    label: str
    remaining: timedelta | None = None  # to the start, when upcoming


def lighting_state(lighting: Lighting, *, now: datetime) -> LightingState:
    if lighting.starts_at is None:
        return LightingState("tba", _("Timing to be announced"))
    if now < lighting.starts_at:
        return LightingState("upcoming", _("Upcoming"), lighting.starts_at - now)
    if lighting.ends_at is None or now < lighting.ends_at:
        return LightingState("lit", _("Lit now"))
    return LightingState("ended", _("Ended"))


@dataclass(frozen=True)
class LitNow:
    """What is lit at a moment and what lights next: the page's live "lit now" panel."""

    lit: list[Lighting]
    next: Lighting | None

    @property
    def poll_seconds(self) -> int | None:
        """Once a minute while anything can change; never once everything has ended."""
        return 60 if self.lit or self.next else None


def lit_now(lightings: Iterable[Lighting], *, now: datetime) -> LitNow:
    """What is lit at ``now`` and what lights next, from lightings already loaded."""
    timed = sorted((x for x in lightings if x.starts_at is not None), key=lambda x: x.starts_at)
    lit = [x for x in timed if lighting_state(x, now=now).kind == "lit"]
    return LitNow(lit=lit, next=next((x for x in timed if x.starts_at > now), None))


def lighting_submit(*, lighting: Lighting, now: datetime | None = None) -> Lighting:
    """A visitor's "light your town red": stored unpublished until staff approve it."""
    lighting.is_published = False
    lighting.moderation = Lighting.Moderation.PENDING
    lighting.submitted_at = now or clock.now()
    return lighting_save(lighting=lighting)


def lighting_moderate(
    *, lighting: Lighting, approve: bool, now: datetime | None = None
) -> Lighting:
    """Staff approve (publish) or reject a submission; the submitter is emailed the outcome."""
    with transaction.atomic():
        lighting.moderation = (
            Lighting.Moderation.APPROVED if approve else Lighting.Moderation.REJECTED
        )
        lighting.is_published = approve
        lighting.reviewed_at = now or clock.now()
        lighting.save(update_fields=["moderation", "is_published", "reviewed_at", "updated_at"])
        if lighting.submitter_email:
            enqueue_with_transaction(lighting_send_outcome, lighting_id=lighting.pk)
    return lighting


def lightings_retry_emails(*, now: datetime | None = None) -> int:
    """Enqueue again the moderation outcomes not sent since their review (a failed send, or
    a worker stopped mid-send), for reviews of the last week."""
    now = now or clock.now()
    owed = Lighting.objects.filter(
        Q(outcome_sent_at=None) | Q(outcome_sent_at__lt=F("reviewed_at")),
        reviewed_at__lt=now - timedelta(minutes=1),  # leave one being sent right now alone
        reviewed_at__gt=now - timedelta(days=7),
    ).exclude(submitter_email="")
    count = 0
    with transaction.atomic():
        for lighting_id in owed.values_list("pk", flat=True):
            enqueue_with_transaction(
                lighting_send_outcome, lighting_id=lighting_id, unless_sent=True
            )
            count += 1
    return count
