from datetime import UTC

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.forms import Textarea
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from marsweb import clock
from marsweb.admin import LANGUAGE_NAMES, TranslatedContentAdmin, missing_translations
from marsweb.images import image_make_renditions
from missions.forms import LiveUpdateForm, MissionListForm, RehearseForm
from missions.models import LiveUpdate, Milestone, Mission, MissionImage, Rehearsal
from missions.rehearsal import mission_rehearse


class IsRehearsalFilter(admin.SimpleListFilter):
    title = "rehearsal"
    parameter_name = "rehearsal"

    def lookups(self, request, model_admin):
        return [("no", "Real missions"), ("yes", "Rehearsals")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.rehearsals()
        if self.value() == "no":
            return queryset.real()
        return queryset


class MilestoneFormSet(BaseInlineFormSet):
    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:  # a table row's checkbox, named for screen readers
            form.fields["DELETE"].widget.attrs["aria-label"] = "Delete this milestone"


class MilestoneInline(admin.TabularInline):
    """A mission's timeline as a table, a row a milestone, in English; each milestone's
    Spanish and Arabic are written on its own page (linked from its row, which says what is
    missing, with its altitude, speed and source), so that the mission's page stays a page
    and not 200 boxes. The Earth-received time follows the editor's typing
    (static/js/admin-earth-time.js)."""

    model = Milestone
    formset = MilestoneFormSet
    extra = 0
    verbose_name_plural = (
        "timeline (times in UTC, at the spacecraft; Earth hears each a signal delay later)"
    )
    fields = [
        "kind",
        "title_en",
        "occurs_at",
        "signal_delay",
        "earth_received",
        "description_en",
        "translations",
    ]
    readonly_fields = ["earth_received", "translations"]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 32})}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return None
        if db_field.name == "title_en":
            field.required = True  # the English is what every language falls back to
        if db_field.name in ("title_en", "description_en"):
            field.label = db_field.name.removesuffix("_en")
        # A table names its boxes only by the column heads: each box is named as well, for
        # screen readers.
        name = str(field.label).capitalize()
        parts = getattr(field.widget, "widgets", None)
        if parts and len(parts) == 2:  # the date and the time of a moment
            parts[0].attrs["aria-label"] = f"{name}: date"
            parts[1].attrs["aria-label"] = f"{name}: time"
        else:
            field.widget.attrs["aria-label"] = name
        return field

    @admin.display(description="Earth-received time")
    def earth_received(self, milestone: Milestone) -> str:
        if milestone.pk is None or milestone.earth_received_at is None:
            return "—"
        return milestone.earth_received_at.strftime("%Y-%m-%d %H:%M:%S UTC")

    @admin.display(description="languages, details")
    def translations(self, milestone: Milestone) -> str:
        if milestone.pk is None:
            return "—"
        url = reverse("admin:missions_milestone_change", args=[milestone.pk])
        missing = missing_translations(milestone)
        if not missing:
            return format_html('<a href="{}">Edit</a> (every language written)', url)
        names = ", ".join(LANGUAGE_NAMES[code] for code in missing)
        return format_html('<a href="{}">Translate, edit</a> (missing: {})', url, names)


@admin.register(Milestone)
class MilestoneAdmin(TranslatedContentAdmin):
    """A milestone in every language, with its altitude, speed and source: where the
    mission's timeline table links from each row. Its times stay on the mission's page."""

    list_display = ["title", "mission", "kind", "occurs_at"]
    list_filter = ["kind"]
    list_select_related = ["mission"]
    search_fields = ["title", "mission__name"]
    fields = [
        "mission",
        "kind",
        "title",
        "description",
        ("altitude_m", "speed_m_s"),
        "source_note",
    ]
    readonly_fields = ["mission", "kind"]

    def has_add_permission(self, request) -> bool:
        return False  # a milestone is added on its mission's page, with its times


class MissionImageInline(TranslationStackedInline):
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
class MissionAdmin(TranslatedContentAdmin):
    # Agency and launch date are searchable and filtered (date_hierarchy): the list keeps
    # what an editor scans for, and fits 1280 px.
    list_display = ["name", "kind", "status", "landed_at", "is_featured", "is_published"]
    list_filter = [IsRehearsalFilter, "is_published", "is_featured", "status", "kind", "agency"]
    list_editable = ["is_published"]
    search_fields = ["name", "agency", "summary", "landing_site_name"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "launch_date"
    autocomplete_fields = ["parent"]  # search_fields below make missions searchable
    list_select_related = ["parent"]
    inlines = [MilestoneInline, MissionImageInline]
    actions = ["publish", "unpublish", "rehearse"]

    class Media:
        # Names the autocomplete box by its label; shows each milestone's Earth time as typed.
        js = ["js/admin-labels.js", "js/admin-earth-time.js"]

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", MissionListForm)
        return super().get_changelist_form(request, **kwargs)

    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", "agency", "kind", "card_art", "parent", "summary", "body"]},
        ),
        (
            "Status",
            {
                "fields": [
                    "status",
                    "status_note",
                    "is_published",
                    "is_featured",
                    "featured_after_landing",
                ]
            },
        ),
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
        (
            "Live coverage",
            {
                "fields": [("live_from", "live_until")],
                "description": "When the LIVE badge shows and pages poll every 10 s. Empty: "
                "from two hours before Earth hears of the touchdown to three hours after.",
            },
        ),
        ("Sources", {"fields": ["source_note"]}),
    ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A mission's timeline is in UTC whatever zone the editor browses in."""
        with timezone.override(UTC):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

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

    @admin.action(description="Rehearse the landing of the selected mission…")
    def rehearse(self, request, queryset):
        """Ask how many minutes ahead, then copy the timeline through mission_rehearse."""
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one mission to rehearse.", messages.ERROR)
            return None
        mission = queryset.get()
        form = RehearseForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            try:
                rehearsal = mission_rehearse(mission=mission, minutes=form.cleaned_data["minutes"])
            except ValueError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(
                request,
                format_html(
                    'Rehearsal started: <a href="{}">{}</a> lands in {} minutes.',
                    rehearsal.get_absolute_url(),
                    rehearsal.name,
                    form.cleaned_data["minutes"],
                ),
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/missions/rehearse.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Rehearse the landing of {mission.name}",
                "mission": mission,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
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


@admin.register(Rehearsal)
class RehearsalAdmin(admin.ModelAdmin):
    list_display = ["name", "rehearsal_of", "landed_at", "is_published"]
    list_select_related = ["rehearsal_of"]
    readonly_fields = ["name", "slug", "rehearsal_of", "landed_at"]
    fields = ["name", "slug", "rehearsal_of", "landed_at", "is_published"]
    inlines = [MilestoneInline]

    def has_add_permission(self, request) -> bool:
        return (
            False  # rehearsals start from a mission: the "Rehearse" action or `manage.py rehearse`
        )


@admin.register(LiveUpdate)
class LiveUpdateAdmin(TranslatedContentAdmin):
    """Posts on a mission's live feed. Who posted each, and every change, is in the admin's
    history (and on the post: posted by). An edit made stale by another editor's save is
    refused, never saved over theirs (LiveUpdateForm)."""

    form = LiveUpdateForm
    list_display = ["headline", "mission", "kind", "is_pinned", "posted_at", "withdrawn_at"]
    list_filter = ["mission", "kind", "is_pinned"]
    list_editable = ["is_pinned"]
    search_fields = ["headline", "body"]
    date_hierarchy = "posted_at"
    autocomplete_fields = ["mission"]
    raw_id_fields = ["milestone"]
    readonly_fields = ["posted_by", "edited_at"]
    # The form's own fields (LiveUpdateForm), then what the admin shows beside them.
    fields = [*LiveUpdateForm.Meta.fields, "posted_by", "edited_at", "opened_revision"]

    class Media:
        js = ["js/admin-labels.js"]  # names the mission's autocomplete box by its label

    def save_model(self, request, obj, form, change):
        if not change:
            obj.posted_by = request.user
        else:
            obj.revision = form.cleaned_data["opened_revision"] + 1  # its row is locked (the form)
            if {"headline", "body", "kind", "image", "image_alt"} & {
                name.removesuffix(f"_{code}")
                for name in form.changed_data
                for code, _language in settings.LANGUAGES
            }:
                obj.edited_at = clock.now()  # readers see "updated HH:MM"
        super().save_model(request, obj, form, change)
        if "image" in form.changed_data:
            obj.renditions_make()
