from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from lights.models import Lighting
from lights.schedule import lighting_moderate, lighting_save


@admin.register(Lighting)
class LightingAdmin(admin.ModelAdmin):
    list_display = [
        "landmark",
        "city",
        "country",
        "starts_at",
        "ends_at",
        "moderation",
        "is_published",
    ]
    list_filter = ["moderation", "is_published", "country", "start_kind"]
    search_fields = ["landmark", "city", "country", "note"]
    readonly_fields = ["starts_at", "ends_at", "timing_note", "submitted_at", "reviewed_at"]
    actions = ["approve", "reject"]
    fieldsets = [
        (None, {"fields": ["landmark", "city", "country", "note", "source_note", "colour"]}),
        ("Place", {"fields": [("latitude", "longitude"), "time_zone"]}),
        (
            "Timing (local to the city)",
            {
                "fields": [
                    ("start_kind", "start_date", "start_time"),
                    ("end_kind", "end_date", "end_time"),
                    ("starts_at", "ends_at"),
                    "timing_note",
                ]
            },
        ),
        (
            "Moderation",
            {
                "fields": [
                    "moderation",
                    "is_published",
                    "submitter_email",
                    "submitted_at",
                    "reviewed_at",
                ]
            },
        ),
    ]

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
        self.message_user(request, f"{queryset.count()} lighting(s) published.", messages.SUCCESS)

    @admin.action(description="Reject (emails the submitter)")
    def reject(self, request, queryset) -> None:
        for lighting in queryset:
            lighting_moderate(lighting=lighting, approve=False)
        self.message_user(request, f"{queryset.count()} lighting(s) rejected.")
