from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import ngettext

from missions.images import image_make_renditions
from missions.models import Milestone, Mission, MissionImage


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = [
        "kind",
        "title",
        "occurs_at",
        "signal_delay",
        "earth_received",
        "altitude_m",
        "speed_m_s",
        "source_note",
    ]
    readonly_fields = ["earth_received"]

    @admin.display(description="Earth-received time (UTC)")
    def earth_received(self, milestone: Milestone) -> str:
        if milestone.pk is None or milestone.earth_received_at is None:
            return "—"
        return milestone.earth_received_at.strftime("%Y-%m-%d %H:%M:%S UTC")


class MissionImageInline(admin.StackedInline):
    model = MissionImage
    extra = 0
    fields = ["preview", "image", "alt_text", "caption", "credit", "position"]
    readonly_fields = ["preview"]

    @admin.display(description="Preview")
    def preview(self, image: MissionImage) -> str:
        if not image.pk or not image.image:
            return "—"
        url = image.image.url
        if image.renditions:
            url = image.image.storage.url(image.renditions[min(image.renditions, key=int)])
        return format_html('<img src="{}" alt="{}" width="160">', url, image.alt_text)


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "agency",
        "kind",
        "status",
        "launch_date",
        "landed_at",
        "is_featured",
        "is_published",
    ]
    list_filter = ["is_published", "is_featured", "status", "kind", "agency"]
    list_editable = ["is_published"]
    search_fields = ["name", "agency", "summary", "landing_site_name"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "launch_date"
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    inlines = [MilestoneInline, MissionImageInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "agency", "kind", "parent", "summary", "body"]}),
        ("Status", {"fields": ["status", "status_note", "is_published", "is_featured"]}),
        (
            "Dates and landing site",
            {
                "fields": [
                    "launch_date",
                    "landed_at",
                    "landing_site_name",
                    ("latitude", "longitude_east"),
                    "landing_sol",
                ]
            },
        ),
        ("Sources", {"fields": ["source_note"]}),
    ]

    @admin.action(description="Publish the selected missions")
    def publish(self, request, queryset) -> None:
        count = queryset.update(is_published=True)
        self.message_user(
            request,
            ngettext("%d mission published.", "%d missions published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description="Unpublish the selected missions (back to draft)")
    def unpublish(self, request, queryset) -> None:
        count = queryset.update(is_published=False)
        self.message_user(
            request,
            ngettext("%d mission unpublished.", "%d missions unpublished.", count) % count,
            messages.SUCCESS,
        )

    def save_formset(self, request, form, formset, change) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is not MissionImage:
            return
        for image_form in formset.forms:
            image = image_form.instance
            if image.pk and image.image and "image" in image_form.changed_data:
                image.renditions = image_make_renditions(
                    storage=image.image.storage, name=image.image.name
                )
                image.save(update_fields=["renditions"])
