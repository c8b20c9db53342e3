from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marsweb import clock
from marsweb.ical import CalendarRevisions, translated_columns
from marsweb.images import image_make_renditions, validate_image_upload

# What the countdown and live fragments read of a mission and its timeline (with_timeline).
TIMELINE_MISSION_FIELDS = (
    "pk",
    "slug",
    "landed_at",
    "rehearsal_of_id",
    "latitude",
    "longitude_east",
    "landing_sol",
    "live_from",
    "live_until",
)
TIMELINE_MISSION_TRANSLATED = ("name", "landing_site_name")
TIMELINE_MILESTONE_FIELDS = ("id", "kind", "occurs_at", "signal_delay", "source_note")
TIMELINE_MILESTONE_TRANSLATED = ("title", "description")


class MissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def landed(self):
        """Missions with a landing site on the surface and a landing time."""
        return self.exclude(landed_at=None).exclude(latitude=None).exclude(longitude_east=None)

    def rehearsals(self):
        return self.exclude(rehearsal_of=None)

    def real(self):
        return self.filter(rehearsal_of=None)

    def with_timeline(self, *, slug: str) -> tuple["Mission", list["Milestone"]]:
        """The mission and its timeline in one query (a LEFT JOIN), for the countdown and
        live feed fragments: only the fields they show. Raises Mission.DoesNotExist.

        Translated fields are read in every language's column (``title_en``, ``title_es``…),
        never by their plain name, which ``.values()`` would read in English only: the
        objects built here then speak the active language, and fall back to the English
        marked as such, as loaded models do."""
        mission_fields = (
            *TIMELINE_MISSION_FIELDS,
            *translated_columns(*TIMELINE_MISSION_TRANSLATED),
        )
        milestone_fields = (
            *TIMELINE_MILESTONE_FIELDS,
            *translated_columns(*TIMELINE_MILESTONE_TRANSLATED),
        )
        rows = list(
            self.filter(slug=slug).values(
                *mission_fields, *(f"milestones__{field}" for field in milestone_fields)
            )
        )
        if not rows:
            raise Mission.DoesNotExist(f"No mission {slug!r}")
        mission = Mission(**{field: rows[0][field] for field in mission_fields})
        milestones = [
            Milestone(
                mission=mission,
                **{field: row[f"milestones__{field}"] for field in milestone_fields},
            )
            for row in rows
            if row["milestones__occurs_at"] is not None
        ]
        return mission, milestones

    def featured_for_home(self, *, now):
        """The landing Earth has just heard of, for as long as staff keep it featured after
        (``featured_after_landing``); else the soonest landing still to come; else the
        featured mission; else the latest."""
        just_landed = models.Q(landed_at__lte=now, featured_until__gt=now)
        candidates = self.annotate(
            featured_until=models.ExpressionWrapper(
                models.F("landed_at") + models.F("featured_after_landing"),
                output_field=models.DateTimeField(),
            ),
            just_landed=models.Case(models.When(just_landed, then=True), default=False),
        ).filter(just_landed | models.Q(landed_at__gt=now))
        # One query: a landing just heard of (the latest) before any still to come (the soonest).
        latest_heard = models.Case(models.When(just_landed=True, then="landed_at"))
        return (
            candidates.order_by(
                "-just_landed", latest_heard.desc(nulls_last=True), "landed_at"
            ).first()
            or self.filter(is_featured=True).first()
            or self.order_by(models.F("landed_at").desc(nulls_last=True)).first()
        )


class Mission(models.Model):
    class Kind(models.TextChoices):
        ROVER = "rover", _("Rover")
        LANDER = "lander", _("Lander")
        ORBITER = "orbiter", _("Orbiter")
        HELICOPTER = "helicopter", _("Helicopter")
        ORBITER_LANDER_ROVER = "orbiter-lander-rover", _("Orbiter, lander and rover")
        SAMPLE_RETURN = "sample-return", _("Sample return campaign")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CRUISE = "cruise", _("On its way")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Mission ended")

    class Art(models.TextChoices):
        """Drawings of particular missions (static/img/missions/<value>.svg); without one, a
        mission's card shows the drawing of its kind."""

        PERSEVERANCE = "perseverance", _("Perseverance and Ingenuity at Jezero Crater")
        CURIOSITY = "curiosity", _("Curiosity below Mount Sharp")
        SPIRIT = "spirit", _("Spirit before the Columbia Hills")
        OPPORTUNITY = "opportunity", _("Opportunity at a crater's rim, at sunset")

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    agency = models.CharField(max_length=200, help_text="E.g. “NASA / JPL-Caltech”.")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    status_note = models.CharField(
        max_length=300, blank=True, help_text="What the status means today, with its date."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="A mission this one flew with, e.g. Ingenuity with Perseverance.",
    )
    launch_date = models.DateField(null=True, blank=True, help_text="UTC date of launch.")
    landed_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name="arrival or landing (Earth-received time, UTC)",
        help_text="When Earth heard of the landing or orbit insertion. Enter in UTC.",
    )
    landing_site_name = models.CharField(max_length=200, blank=True)
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Planetocentric latitude in degrees, north positive.",
    )
    longitude_east = models.DecimalField(
        max_digits=8,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(360)],
        verbose_name="east longitude",
        help_text="Degrees east, 0–360.",
    )
    landing_sol = models.PositiveSmallIntegerField(
        default=0,
        help_text="The number the mission gives its landing day: 0 for Perseverance, "
        "Curiosity and InSight; 1 for Spirit and Opportunity.",
    )
    card_art = models.CharField(
        "picture on its card",
        max_length=30,
        choices=Art.choices,
        blank=True,
        help_text="Empty: the drawing of its kind (rover, lander, orbiter…).",
    )
    summary = models.CharField(max_length=300)
    body = models.TextField(blank=True, help_text="Plain text; blank lines separate paragraphs.")
    source_note = models.TextField(blank=True, help_text="Where each fact on this page comes from.")
    rehearsal_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rehearsals",
        editable=False,
        help_text="Set on a rehearsal: a copy of this mission's timeline moved to land soon.",
    )
    is_featured = models.BooleanField("featured", default=False)
    featured_after_landing = models.DurationField(
        default=timedelta(hours=24),
        help_text="How long the home page keeps featuring this landing once Earth has heard "
        "of it, before it moves on to the next one; e.g. 24:00:00 for a day, 0 to move on "
        "at once.",
    )
    live_from = models.DateTimeField(
        "live coverage from",
        null=True,
        blank=True,
        help_text="UTC. Empty: two hours before Earth hears of the touchdown (or arrival).",
    )
    live_until = models.DateTimeField(
        "live coverage until",
        null=True,
        blank=True,
        help_text="UTC. Empty: three hours after Earth hears of the touchdown (or arrival).",
    )
    is_published = models.BooleanField("published", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MissionQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", models.F("launch_date").desc(nulls_last=True), "name"]
        indexes = [models.Index(fields=["is_published", "is_featured"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("missions:detail", kwargs={"slug": self.slug})

    @property
    def is_rehearsal(self) -> bool:
        return self.rehearsal_of_id is not None

    @property
    def card_picture(self) -> str:
        """The drawing its card shows: its own, else its kind's (static/img/missions/)."""
        return self.card_art or self.kind

    @property
    def has_landing_site(self) -> bool:
        return self.latitude is not None and self.longitude_east is not None

    def has_arrived(self, now: datetime) -> bool:
        """Earth has heard of its landing (or arrival) by ``now``."""
        return self.landed_at is not None and self.landed_at <= now

    def status_at(self, now: datetime) -> "Mission.Status":
        """The status to show at ``now``: a mission "on its way" is active once Earth has heard
        of its arrival (a rehearsal's arrival comes while its page is open)."""
        if self.status == Mission.Status.CRUISE and self.has_arrived(now):
            return Mission.Status.ACTIVE
        return Mission.Status(self.status)


class Milestone(CalendarRevisions):
    """One entry of a mission's timeline.

    ``occurs_at`` is when it happened where the spacecraft was (spacecraft event time).
    Earth learns of it ``signal_delay`` later (the one-way light time); for events on
    Earth, such as a launch, the delay is zero; when nobody recorded it, it is None and
    only the spacecraft event time is known.
    """

    CALENDAR_FIELDS = ("occurs_at", "signal_delay", *translated_columns("title", "description"))

    class Kind(models.TextChoices):
        LAUNCH = "launch", _("Launch")
        CRUISE = "cruise", _("Cruise")
        APPROACH = "approach", _("Approach")
        CRUISE_STAGE_SEPARATION = "cruise-stage-separation", _("Cruise stage separation")
        ORBIT_INSERTION = "orbit-insertion", _("Orbit insertion")
        ENTRY_INTERFACE = "entry-interface", _("Atmospheric entry")
        PEAK_HEATING = "peak-heating", _("Peak heating")
        PARACHUTE_DEPLOY = "parachute-deploy", _("Parachute deployment")
        HEAT_SHIELD_SEPARATION = "heat-shield-separation", _("Heat shield separation")
        BACKSHELL_SEPARATION = "backshell-separation", _("Backshell separation and powered descent")
        SKY_CRANE = "sky-crane", _("Sky crane")
        TOUCHDOWN = "touchdown", _("Touchdown")
        SURFACE = "surface", _("On the surface")
        FLIGHT = "flight", _("Flight")
        MISSION_END = "mission-end", _("Mission end")
        OTHER = "other", _("Other")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    occurs_at = models.DateTimeField(verbose_name="spacecraft event time (UTC)")
    signal_delay = models.DurationField(
        null=True,
        blank=True,
        help_text="One-way light time, e.g. 00:11:22; 00:00:00 on Earth; empty if not known.",
    )
    altitude_m = models.PositiveIntegerField("altitude (m)", null=True, blank=True)
    speed_m_s = models.DecimalField(
        "speed (m/s)", max_digits=8, decimal_places=2, null=True, blank=True
    )
    source_note = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["occurs_at", "pk"]
        indexes = [models.Index(fields=["mission", "occurs_at"])]

    def __str__(self) -> str:
        return f"{self.mission}: {self.title}"

    @property
    def earth_received_at(self) -> datetime | None:
        if self.signal_delay is None:
            return None
        return self.occurs_at + self.signal_delay


class MissionImage(models.Model):
    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        upload_to="missions/%Y/",
        width_field="width",
        height_field="height",
        validators=[validate_image_upload],
        help_text="JPEG, PNG or WebP, at most 10 MB.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        max_length=300,
        help_text="What the image shows, for people who cannot see it. Required.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="E.g. “NASA/JPL-Caltech”.")
    renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Generated smaller copies: {width in px: storage name}.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt_text


class RehearsalManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().exclude(rehearsal_of=None)


class Rehearsal(Mission):
    """Rehearsals of landing nights, listed on their own in the admin."""

    objects = RehearsalManager()

    class Meta:
        proxy = True
        verbose_name = "rehearsal"
        verbose_name_plural = "rehearsals"


def this_second() -> datetime:
    """Now, to the second: pages show the feed as of a whole second (missions/live.py), so a
    post made in this second shows in this second's page, not the next one's."""
    return clock.now().replace(microsecond=0)


class LiveUpdate(models.Model):
    """A post on a mission's live feed, written by staff on the night (missions/live.py).

    With a ``milestone``, it rewrites the key event that milestone posts by itself when
    Earth hears of it (its time stays the milestone's); withdrawn, it suppresses it.
    """

    class Kind(models.TextChoices):
        KEY = "key", _("Key event")
        UPDATE = "update", _("Update")
        CORRECTION = "correction", _("Correction")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="live_updates")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    headline = models.CharField(max_length=200)
    body = models.TextField(
        blank=True,
        help_text="Plain text: blank lines separate paragraphs; web addresses become links.",
    )
    is_pinned = models.BooleanField("pinned", default=False, help_text="Shown above the rest.")
    posted_at = models.DateTimeField(
        default=this_second, help_text="UTC. A time to come: the post waits until then."
    )
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, help_text="Set: the post is gone from every page and feed."
    )
    milestone = models.OneToOneField(
        Milestone,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="live_update",
        help_text="Rewrites the key event this milestone posts by itself (withdraw to hide it).",
    )
    source_note = models.CharField(max_length=400, blank=True, help_text="Where this comes from.")
    image = models.ImageField(
        upload_to="live/%Y/",
        width_field="image_width",
        height_field="image_height",
        blank=True,
        validators=[validate_image_upload],
        help_text="JPEG, PNG or WebP, at most 10 MB; smaller WebP copies are made.",
    )
    image_width = models.PositiveIntegerField(editable=False, null=True)
    image_height = models.PositiveIntegerField(editable=False, null=True)
    image_alt = models.CharField(
        "image alt text",
        max_length=300,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Required with an image.",
    )
    image_renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Generated smaller copies: {width in px: storage name}.",
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # One more with every change: an editor's save is refused if the post changed since
    # they opened it (missions/forms.py), so nobody's edit silently overwrites another's.
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-posted_at", "-pk"]
        indexes = [models.Index(fields=["mission", "posted_at"])]

    def __str__(self) -> str:
        return self.headline

    def clean(self) -> None:
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": "Describe the image for people who cannot see it."},
                code="required",
            )

    def renditions_make(self) -> None:
        """Make the image's smaller WebP copies (or forget them with the image), and store."""
        self.image_renditions = (
            image_make_renditions(storage=self.image.storage, name=self.image.name)
            if self.image
            else {}
        )
        LiveUpdate.objects.filter(pk=self.pk).update(image_renditions=self.image_renditions)
