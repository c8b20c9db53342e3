import csv

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import ngettext

from events import rsvp as rsvp_flow
from events.models import Event, Rsvp
from marsweb import clock, timezones
from marsweb.admin import PlaceTimeAdmin, TranslatedContentAdmin, counted
from marsweb.forms import ZoneChoiceField


class EventAdminForm(forms.ModelForm):
    time_zone = ZoneChoiceField(
        label="Time zone",
        help_text="The event's own zone: its dates and times are entered and shown on its clock.",
    )

    class Meta:
        model = Event
        fields = ["time_zone"]  # the admin adds its fieldsets' fields


@admin.register(Event)
class EventAdmin(TranslatedContentAdmin, PlaceTimeAdmin):
    form = EventAdminForm
    list_display = [
        "title",
        "kind",
        "starts",
        "capacity",
        "seated",
        "waitlisted",
        "pending",
        "is_published",
    ]
    list_filter = ["is_published", "kind", "mission"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    list_select_related = ["mission"]
    autocomplete_fields = ["mission"]

    class Media:
        js = ["js/admin-labels.js"]  # names the autocomplete box by its label

    def get_fieldsets(self, request, obj=None):
        zone = timezone.get_current_timezone_name()  # the event's (PlaceTimeAdmin)
        return self.translated_fieldsets(
            [
                (None, {"fields": ["title", "slug", "kind", "mission", "summary", "description"]}),
                (
                    "When",
                    {
                        "fields": ["time_zone", "starts_at", "ends_at"],
                        "description": f"On the clock of the event's time zone, now {zone}.",
                    },
                ),
                (
                    "RSVP",
                    {
                        "fields": ["capacity", "rsvp_opens_at", "rsvp_closes_at", "join_url"],
                        "description": f"Opening and closing times in {zone} too.",
                    },
                ),
                ("Publishing", {"fields": ["is_published", "source_note"]}),
            ]
        )

    @admin.display(description="starts", ordering="starts_at")
    def starts(self, event: Event) -> str:
        return timezones.zone_and_utc(event.starts_at, event.zone)

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description="seated", ordering="seated_count")
    def seated(self, event: Event) -> int:
        return event.seated_count

    @admin.display(description="waitlisted", ordering="waitlisted_count")
    def waitlisted(self, event: Event) -> int:
        return event.waitlisted_count

    @admin.display(description="pending", ordering="pending_count")
    def pending(self, event: Event) -> int:
        return event.pending_count

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            promoted = rsvp_flow.event_fill_from_waitlist(event=obj)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%d attendee moved from the waitlist to a seat and was emailed.",
                        "%d attendees moved from the waitlist to seats and were emailed.",
                        len(promoted),
                    )
                    % len(promoted),
                    messages.SUCCESS,
                )


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "status", "language", "created_at"]
    list_filter = ["status", "language", "event"]
    search_fields = ["name", "email"]
    list_select_related = ["event"]
    readonly_fields = [
        "event",
        "status",
        "token",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "seated_at",
        "waitlisted_at",
        "cancelled_at",
        "status_email_sent_at",
        "reminder_sent_at",
        "purged_at",
    ]
    fields = ["name", "email", "language", *readonly_fields]
    actions = ["export_csv", "resend_confirmation", "promote", "cancel"]

    def has_add_permission(self, request) -> bool:
        return False  # RSVPs come from the public form, which checks the address

    @admin.action(description="Export the selected RSVPs as CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = clock.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="rsvps-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(["event", "name", "email", "status", "signed up (UTC)", "confirmed (UTC)"])
        for rsvp in queryset.select_related("event").order_by(
            "event__starts_at", "created_at", "pk"
        ):
            writer.writerow(
                [
                    _csv_safe(rsvp.event.title),
                    _csv_safe(rsvp.name),
                    _csv_safe(rsvp.email or ""),
                    rsvp.get_status_display(),
                    rsvp.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                    rsvp.confirmed_at.strftime("%Y-%m-%d %H:%M:%S") if rsvp.confirmed_at else "",
                ]
            )
        return response

    @admin.action(description="Resend the confirmation email (pending RSVPs)")
    def resend_confirmation(self, request, queryset) -> None:
        sent = sum(rsvp_flow.rsvp_resend_confirmation(rsvp=rsvp) for rsvp in queryset)
        skipped = queryset.count() - sent
        self.message_user(
            request, f"Confirmation resent to {sent}; {skipped} not pending, skipped."
        )

    @admin.action(description="Promote from the waitlist to a seat")
    def promote(self, request, queryset) -> None:
        for rsvp in queryset:
            try:
                rsvp_flow.rsvp_promote(rsvp=rsvp)
            except rsvp_flow.RsvpError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(
                    request, f"{rsvp.name} now has a seat and was emailed.", messages.SUCCESS
                )

    @admin.action(description="Cancel the selected RSVPs (frees their seats)")
    def cancel(self, request, queryset) -> None:
        for rsvp in queryset:
            rsvp_flow.rsvp_cancel(rsvp=rsvp)
        self.message_user(request, f"{counted(queryset.count(), 'RSVP')} cancelled.")


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula ("=1+2@example.org" is a
    valid address too)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
