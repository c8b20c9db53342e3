import hashlib
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.text import validate_times
from marsweb import timezones
from marsweb.ical import CalendarRevisions, translated_columns
from marsweb.timezones import validate_time_zone


def new_token() -> str:
    """An unguessable secret for an attendee's own page."""
    return secrets.token_urlsafe(24)


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


class Event(CalendarRevisions):
    # What a calendar shows of an event: a change to it makes calendar apps update theirs.
    CALENDAR_FIELDS = ("starts_at", "ends_at", *translated_columns("title", "summary"))

    class Kind(models.TextChoices):
        VIRTUAL_SOCIAL = "virtual-social", _("Virtual social")
        LIVE_BROADCAST = "live-broadcast", _("Live broadcast")
        VIRTUAL_GUEST_EXPERIENCE = "virtual-guest-experience", _("Virtual guest experience")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    mission = models.ForeignKey(
        "missions.Mission", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(
        max_length=64,
        default="America/Los_Angeles",
        validators=[validate_time_zone],
        help_text="The zone the event is organised in; pages show it beside the visitor's.",
    )
    summary = models.CharField(max_length=300)
    description = models.TextField(
        blank=True,
        validators=[validate_times],
        help_text="Plain text; blank lines separate paragraphs. Write a time as [start] or [end] "
        "(the event's own) or [time 2021-02-18T20:55:00Z] (UTC): pages show it in the event's "
        "zone and the visitor's, and a rehearsal moves it with its own times.",
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
        return timezones.zone_or_utc(self.time_zone)

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

    def ahead_of(self, rsvp: "Rsvp"):
        """The RSVPs of the same event that are before ``rsvp`` on its waitlist."""
        return self.filter(event_id=rsvp.event_id, status=Rsvp.Status.WAITLISTED).filter(
            Q(waitlisted_at__lt=rsvp.waitlisted_at)
            | Q(waitlisted_at=rsvp.waitlisted_at, pk__lt=rsvp.pk)
        )


class Rsvp(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending confirmation")
        SEATED = "seated", _("Seated")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    name = models.CharField(max_length=100)
    # Stored normalised (trimmed, lower case); empty (None) once personal data is purged.
    email = models.EmailField(max_length=254, null=True, blank=True)  # noqa: DJ001 - None: purged, outside the unique constraint
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    # The language of the page the sign-up was made on: every email, and the links in it,
    # speak it (events.tasks).
    language = models.CharField(
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The attendee's emails are written in it.",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the visitor last asked for the confirmation email: set with its enqueue, in one
    # transaction, so a double submit finds it and sends no second email.
    confirmation_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    waitlisted_at = models.DateTimeField(null=True, blank=True, editable=False)
    seated_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_email_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Claimed by one send_reminders run (so no other sends it), then sent by the worker.
    reminder_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
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

    @property
    def pass_code(self) -> str:
        """The code printed on the boarding pass: fixed for this RSVP, and telling nothing
        (its number would say how many signed up before; its token would open its page)."""
        return hashlib.sha256(f"pass:{self.token}".encode()).hexdigest()[:8].upper()

    def seat_went_to_waitlist(self) -> bool:
        """A cancelled seat that someone on the waitlist was given at that moment (seats
        are handed on in the transaction that cancels: events.rsvp.rsvp_cancel)."""
        if self.status != Rsvp.Status.CANCELLED or not self.seated_at or not self.cancelled_at:
            return False
        return (
            Rsvp.objects.filter(
                event_id=self.event_id, seated_at=self.cancelled_at, waitlisted_at__isnull=False
            )
            .exclude(pk=self.pk)
            .exists()
        )

    def waitlist_position(self) -> int | None:
        """1 for the next in line, or None when not on the waitlist."""
        if self.status != Rsvp.Status.WAITLISTED:
            return None
        return Rsvp.objects.ahead_of(self).count() + 1
