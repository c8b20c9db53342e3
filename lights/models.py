import zoneinfo
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marsweb import clock, timezones
from marsweb.ical import CalendarRevisions, translated_columns
from marsweb.timezones import validate_time_zone

# Dates a lighting may be given: the seeded history (February 2021) up to a year ahead.
EARLIEST_DATE = date(2020, 1, 1)
AHEAD = timedelta(days=366)
# Whatever a row holds (changed by hand, or from before the dates were checked), public
# pages show only times they can convert into any zone.
SHOWABLE = (datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))


def city_slug(name: str) -> str:
    """A city's name as it appears in its feed's address: "São Paulo" → "sao-paulo"."""
    return slugify(name)[:120]


class LightingQuerySet(models.QuerySet):
    def published(self):
        first, last = SHOWABLE
        return (
            self.filter(is_published=True)
            .exclude(starts_at__lt=first)
            .exclude(starts_at__gte=last)
            .exclude(ends_at__lt=first)
            .exclude(ends_at__gte=last)
        )

    def not_over(self, moment):
        """Lit at ``moment`` or still to come: a known start, and not yet ended."""
        return self.exclude(starts_at=None).filter(Q(ends_at__gt=moment) | Q(ends_at=None))

    def tonight(self, *, now):
        """Lit now, or starting within the next day."""
        return self.filter(
            Q(starts_at__lte=now, ends_at__gt=now)
            | Q(starts_at__lte=now, ends_at=None, end_kind="unknown")
            | Q(starts_at__gt=now, starts_at__lte=now + timedelta(days=1))
        ).order_by("starts_at")


class Lighting(CalendarRevisions):
    """A landmark lit red for the landing, in a city with coordinates and a time zone.

    Each end is a rule (an exact local time, sunset or sunrise on a local date, or not
    known) kept beside its resolved UTC time, so pages need no astronomy per request.
    Resolve through lights.schedule.lighting_save, never by setting starts_at by hand.
    """

    CALENDAR_FIELDS = (
        "starts_at",
        "ends_at",
        "latitude",
        "longitude",
        "time_zone",
        *translated_columns("landmark", "city", "country", "note"),
    )

    class TimeKind(models.TextChoices):
        EXACT = "exact", _("At a set local time")
        SUNSET = "sunset", _("At sunset")
        SUNRISE = "sunrise", _("At sunrise")
        UNKNOWN = "unknown", _("Not announced yet")

    class Moderation(models.TextChoices):
        APPROVED = "approved", _("Approved")
        PENDING = "pending", _("Waiting for review")
        REJECTED = "rejected", _("Rejected")

    landmark = models.CharField(max_length=200)
    city = models.CharField(max_length=120)
    # The city's name (its English) in a URL: /lights/<city_slug>/calendar.ics, its feed.
    city_slug = models.SlugField(max_length=120, editable=False, default="")
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
    # The language of the page it was submitted on: the outcome email speaks it.
    submitter_language = models.CharField(
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The submitter's email is written in it.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the submitter was last told the outcome: retry_emails sends it again until then.
    outcome_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LightingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("starts_at").asc(nulls_last=True), "city", "landmark"]
        indexes = [
            models.Index(fields=["is_published", "starts_at"]),
            models.Index(fields=["city_slug", "is_published"]),
        ]

    def __str__(self) -> str:
        return f"{self.landmark}, {self.city}"

    def save(self, *args, **kwargs) -> None:
        self.city_slug = city_slug(self.city_en or self.city or "")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "city_slug"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """Each message in the language of the page that asked, quoting the choices as its
        form names them."""
        errors = {}
        for end in ("start", "end"):
            kind = getattr(self, f"{end}_kind")
            if kind != self.TimeKind.UNKNOWN and not getattr(self, f"{end}_date"):
                errors[f"{end}_date"] = gettext("Give the local date, or choose “%(unknown)s”.") % {
                    "unknown": self.TimeKind.UNKNOWN.label
                }
            if kind == self.TimeKind.EXACT and getattr(self, f"{end}_time") is None:
                errors[f"{end}_time"] = gettext(
                    "Give the local time, or choose “%(sunset)s” or “%(sunrise)s”."
                ) % {"sunset": self.TimeKind.SUNSET.label, "sunrise": self.TimeKind.SUNRISE.label}
            day = getattr(self, f"{end}_date")
            latest = clock.now().date() + AHEAD
            if day and not EARLIEST_DATE <= day <= latest and f"{end}_date" not in errors:
                long_date = gettext("j F Y")
                errors[f"{end}_date"] = gettext("Give a date between %(first)s and %(last)s.") % {
                    "first": formats.date_format(EARLIEST_DATE, long_date),
                    "last": formats.date_format(latest, long_date),
                }
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return timezones.zone_or_utc(self.time_zone)
