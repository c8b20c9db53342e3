import secrets
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse

from marsweb import timezones


def new_token() -> str:
    """An unguessable secret for an attendee's own page."""
    return secrets.token_urlsafe(24)


def validate_time_zone(name: str) -> None:
    if timezones.parse(name) is None:
        raise ValidationError(
            "Choose an IANA time zone, e.g. America/Los_Angeles.", code="bad_zone"
        )


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, *, now):
        """Events not yet over, soonest first."""
        return self.filter(ends_at__gt=now).order_by("starts_at", "pk")

    def past(self, *, now):
        return self.filter(ends_at__lte=now).order_by("-starts_at", "pk")

    def with_counts(self):
        """Seated, waitlisted and pending RSVPs per event, in the same query."""
        return self.annotate(
            seated_count=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.SEATED)),
            waitlisted_count=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.WAITLISTED)),
            pending_count=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.PENDING)),
        )


class Event(models.Model):
    class Kind(models.TextChoices):
        VIRTUAL_SOCIAL = "virtual-social", "Virtual social"
        LIVE_BROADCAST = "live-broadcast", "Live broadcast"
        VIRTUAL_GUEST_EXPERIENCE = "virtual-guest-experience", "Virtual guest experience"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    mission = models.ForeignKey(
        "missions.Mission", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    starts_at = models.DateTimeField(help_text="In UTC.")
    ends_at = models.DateTimeField(help_text="In UTC.")
    time_zone = models.CharField(
        max_length=64,
        default="America/Los_Angeles",
        validators=[validate_time_zone],
        help_text="The zone the event is organised in; pages show it beside the visitor's.",
    )
    summary = models.CharField(max_length=300)
    description = models.TextField(
        blank=True, help_text="Plain text; blank lines separate paragraphs."
    )
    join_url = models.URLField(
        "join link", max_length=500, blank=True, help_text="Shown only to seated attendees."
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Seats; empty for no limit. Beyond it, a waitlist."
    )
    rsvp_opens_at = models.DateTimeField(null=True, blank=True, help_text="Empty: open now.")
    rsvp_closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty: until the event ends."
    )
    source_note = models.TextField(blank=True)
    is_published = models.BooleanField("published", default=False)
    rehearsal_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="rehearsals",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The event must end after it starts."})
        if self.rsvp_opens_at and self.rsvp_closes_at and self.rsvp_closes_at <= self.rsvp_opens_at:
            raise ValidationError({"rsvp_closes_at": "RSVPs must close after they open."})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return timezones.parse(self.time_zone) or zoneinfo.ZoneInfo("UTC")

    @property
    def is_rehearsal(self) -> bool:
        return self.rehearsal_of_id is not None

    @property
    def rsvp_closes(self):
        return self.rsvp_closes_at or self.ends_at

    def rsvp_is_open(self, *, now) -> bool:
        opened = self.rsvp_opens_at is None or self.rsvp_opens_at <= now
        return opened and now < self.rsvp_closes


class RsvpQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(status=Rsvp.Status.SEATED)

    def waitlisted(self):
        return self.filter(status=Rsvp.Status.WAITLISTED).order_by("waitlisted_at", "pk")


class Rsvp(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        SEATED = "seated", "Seated"
        WAITLISTED = "waitlisted", "On the waitlist"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    name = models.CharField(max_length=100)
    # Stored normalised (trimmed, lower case); empty (None) once personal data is purged.
    email = models.EmailField(max_length=254, null=True, blank=True)  # noqa: DJ001 - None: purged, outside the unique constraint
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    waitlisted_at = models.DateTimeField(null=True, blank=True, editable=False)
    seated_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_email_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RsvpQuerySet.as_manager()

    class Meta:
        verbose_name = "RSVP"
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(email__isnull=False),
                name="rsvp_one_per_email_per_event",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.name or 'purged'} – {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("events:rsvp", kwargs={"token": self.token})


class LightingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def not_over(self, moment):
        """Lit at ``moment`` or still to come: a known start, and not yet ended."""
        return self.exclude(starts_at=None).filter(Q(ends_at__gt=moment) | Q(ends_at=None))

    def tonight(self, *, now):
        """Lit now, or starting within the next day."""
        from datetime import timedelta

        return self.filter(
            Q(starts_at__lte=now, ends_at__gt=now)
            | Q(starts_at__lte=now, ends_at=None, end_kind="unknown")
            | Q(starts_at__gt=now, starts_at__lte=now + timedelta(days=1))
        ).order_by("starts_at")


class Lighting(models.Model):
    """A landmark lit red for the landing, in a city with coordinates and a time zone.

    Each end is a rule (an exact local time, sunset or sunrise on a local date, or not
    known) kept beside its resolved UTC time, so pages need no astronomy per request.
    Resolve through events.lights.lighting_save, never by setting starts_at by hand.
    """

    class TimeKind(models.TextChoices):
        EXACT = "exact", "At a set local time"
        SUNSET = "sunset", "At sunset"
        SUNRISE = "sunrise", "At sunrise"
        UNKNOWN = "unknown", "Not announced yet"

    class Moderation(models.TextChoices):
        APPROVED = "approved", "Approved"
        PENDING = "pending", "Waiting for review"
        REJECTED = "rejected", "Rejected"

    landmark = models.CharField(max_length=200)
    city = models.CharField(max_length=120)
    country = models.CharField(max_length=120)
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone])
    colour = models.CharField(
        max_length=7, default="#c1440e", validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$")]
    )
    note = models.CharField(max_length=300, blank=True)
    source_note = models.TextField(blank=True)

    start_kind = models.CharField(max_length=10, choices=TimeKind.choices, default=TimeKind.UNKNOWN)
    start_date = models.DateField(null=True, blank=True, help_text="Local date in the city.")
    start_time = models.TimeField(null=True, blank=True, help_text="Local time, for a set time.")
    end_kind = models.CharField(max_length=10, choices=TimeKind.choices, default=TimeKind.UNKNOWN)
    end_date = models.DateField(null=True, blank=True, help_text="Local date in the city.")
    end_time = models.TimeField(null=True, blank=True, help_text="Local time, for a set time.")
    starts_at = models.DateTimeField(null=True, blank=True, editable=False)
    ends_at = models.DateTimeField(null=True, blank=True, editable=False)
    timing_note = models.CharField(max_length=300, blank=True, editable=False)

    is_published = models.BooleanField("published", default=False)
    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.APPROVED
    )
    submitter_email = models.EmailField(blank=True, help_text="Private: only staff see it.")
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LightingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("starts_at").asc(nulls_last=True), "city", "landmark"]
        indexes = [models.Index(fields=["is_published", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.landmark}, {self.city}"

    def clean(self) -> None:
        errors = {}
        for end in ("start", "end"):
            kind = getattr(self, f"{end}_kind")
            if kind != self.TimeKind.UNKNOWN and not getattr(self, f"{end}_date"):
                errors[f"{end}_date"] = "Give the local date, or choose “Not announced yet”."
            if kind == self.TimeKind.EXACT and getattr(self, f"{end}_time") is None:
                errors[f"{end}_time"] = "Give the local time, or choose sunset or sunrise."
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return timezones.parse(self.time_zone) or zoneinfo.ZoneInfo("UTC")
