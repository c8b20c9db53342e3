"""What the apps' admins share: change forms whose dates and times are a place's own."""

from zoneinfo import ZoneInfo

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils import timezone

from marsweb import timezones


class PlaceTimeAdmin(admin.ModelAdmin):
    """A change form in the zone of the place it is about (an event's, a city's).

    Its dates and times are shown and read in that zone — the object's, or the one the form
    posts, or the model's default for a new one — and the admin's "Now" and "Today" buttons
    give that zone's time. The form names the zone beside the fields (``zone_note``).
    """

    zone_field = "time_zone"

    def place_zone(self, request, object_id: str | None) -> ZoneInfo:
        posted = timezones.parse(request.POST.get(self.zone_field))
        if posted is not None:
            return posted
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is not None:
            return timezones.zone_or_utc(getattr(obj, self.zone_field))
        default = self.model._meta.get_field(self.zone_field).get_default()
        return timezones.zone_or_utc(default)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        zone = self.place_zone(request, object_id)
        extra_context = {**(extra_context or {}), "place_zone": zone}
        with timezone.override(zone):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # widgets show their times while the zone is in force
        return response

    @staticmethod
    def zone_note(zone_label: str) -> str:
        return (
            f"Dates and times here are {zone_label}'s own, on its clock: enter them as people "
            "there read them. Pages show them in that zone and in each visitor's."
        )
