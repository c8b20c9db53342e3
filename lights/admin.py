from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from lights.models import Lighting
from lights.schedule import lighting_moderate, lighting_save
from marsweb import timezones
from marsweb.admin import PlaceTimeAdmin, TranslatedContentAdmin, counted
from marsweb.forms import ZoneChoiceField


class LightingAdminForm(forms.ModelForm):
    time_zone = ZoneChoiceField(
        label="Time zone", help_text="The city's zone: the timing below is on its clock."
    )

    class Meta:
        model = Lighting
        fields = ["time_zone"]  # the admin adds its fieldsets' fields


@admin.register(Lighting)
class LightingAdmin(TranslatedContentAdmin, PlaceTimeAdmin):
    form = LightingAdminForm
    list_display = ["landmark", "city", "country", "starts", "ends", "moderation", "is_published"]
    list_filter = ["moderation", "is_published", "country", "start_kind"]
    search_fields = ["landmark", "city", "country", "note"]
    readonly_fields = ["starts", "ends", "timing_note", "submitted_at", "reviewed_at"]
    actions = ["approve", "reject"]

    def get_fieldsets(self, request, obj=None):
        zone = timezone.get_current_timezone_name()  # the city's (PlaceTimeAdmin)
        return self.translated_fieldsets(
            [
                (
                    None,
                    {"fields": ["landmark", "city", "country", "note", "source_note", "colour"]},
                ),
                ("Place", {"fields": [("latitude", "longitude"), "time_zone"]}),
                (
                    "Timing, local to the city",
                    {
                        "fields": [
                            ("start_kind", "start_date", "start_time"),
                            ("end_kind", "end_date", "end_time"),
                            ("starts", "ends"),
                            "timing_note",
                        ],
                        "description": f"Dates and times on the city's clock, {zone}; sunset and "
                        "sunrise are worked out for its coordinates when you save.",
                    },
                ),
                (
                    "Moderation",
                    {
                        "fields": [
                            "moderation",
                            "is_published",
                            "submitter_email",
                            "submitter_language",
                            "submitted_at",
                            "reviewed_at",
                        ]
                    },
                ),
            ]
        )

    @admin.display(description="starts", ordering="starts_at")
    def starts(self, lighting: Lighting) -> str:
        return (
            timezones.zone_and_utc(lighting.starts_at, lighting.zone) if lighting.starts_at else "—"
        )

    @admin.display(description="ends", ordering="ends_at")
    def ends(self, lighting: Lighting) -> str:
        return timezones.zone_and_utc(lighting.ends_at, lighting.zone) if lighting.ends_at else "—"

    def save_model(self, request, obj, form, change) -> None:
        try:
            lighting_save(lighting=obj)
        except ValidationError as error:  # e.g. an end before the start, after resolving
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
            raise

    @admin.action(description="Approve and publish (emails the submitter)")
    def approve(self, request, queryset) -> None:
        for lighting in queryset:
            lighting_moderate(lighting=lighting, approve=True)
        self.message_user(
            request, f"{counted(queryset.count(), 'lighting')} published.", messages.SUCCESS
        )

    @admin.action(description="Reject (emails the submitter)")
    def reject(self, request, queryset) -> None:
        for lighting in queryset:
            lighting_moderate(lighting=lighting, approve=False)
        self.message_user(request, f"{counted(queryset.count(), 'lighting')} rejected.")
