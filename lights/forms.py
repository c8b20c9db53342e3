from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from lights.models import Lighting
from lights.places import find_city, zone_at
from marsweb.validators import validate_printable, validate_public_email


class LightingSubmitForm(forms.ModelForm):
    """ "Light your town red": a visitor's lighting, checked, placed and resolved."""

    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=5,
        max_digits=8,
        help_text=_("Leave empty and we look the city up in our list."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=5,
        max_digits=8,
        help_text=_("Degrees east; west is negative (Los Angeles: −118.24)."),
    )
    submitter_email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("Private: only staff see it, to tell you when your lighting is published."),
        error_messages={"required": _("Enter your email address, so we can tell you the outcome.")},
    )
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))

    class Meta:
        model = Lighting
        fields = [
            "landmark",
            "city",
            "country",
            "latitude",
            "longitude",
            "start_kind",
            "start_date",
            "start_time",
            "end_kind",
            "end_date",
            "end_time",
            "note",
            "submitter_email",
        ]
        labels = {
            "landmark": _("Landmark or building"),
            "city": _("City"),
            "country": _("Country"),
            "start_kind": _("Lit from"),
            "start_date": _("Start date (local)"),
            "start_time": _("Start time (local)"),
            "end_kind": _("Lit until"),
            "end_date": _("End date (local)"),
            "end_time": _("End time (local)"),
            "note": _("Note"),
        }
        help_texts = {
            "start_date": _("Needed unless the start is “Not announced yet”."),
            "start_time": _("Needed for a set time; not for sunset or sunrise."),
            "end_date": _("Needed unless the end is “Not announced yet”."),
            "end_time": _("Needed for a set time; not for sunset or sunrise."),
        }
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "end_time": forms.TimeInput(attrs={"type": "time"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("landmark", "city", "country", "note"):
            self.fields[name].validators.append(validate_printable)
        # Needed or not by what is chosen above them: their help says when, not "(optional)".
        for name in self.Meta.help_texts:
            self.fields[name].needed_when_chosen = True

    def clean_submitter_email(self) -> str:
        # After the field's own check: one message for one mistake.
        validate_public_email(self.cleaned_data["submitter_email"])
        return self.cleaned_data["submitter_email"]

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error(
                "longitude" if latitude is not None else "latitude",
                _("Give both latitude and longitude, or neither."),
            )
            return data
        if latitude is None:
            if data.get("city"):
                place = find_city(data["city"], data.get("country", ""))
                if place is None:
                    self.add_error(
                        "city",
                        _(
                            "We could not find this city in our list. Check the spelling, or give its latitude and longitude."
                        ),
                    )
                    return data
                data["latitude"] = Decimal(str(round(place.latitude, 5)))
                data["longitude"] = Decimal(str(round(place.longitude, 5)))
                self.instance.time_zone = place.time_zone
        else:
            zone = zone_at(float(latitude), float(longitude))
            if zone is None:
                self.add_error("latitude", _("We could not find a time zone at these coordinates."))
                return data
            self.instance.time_zone = zone
        return data
