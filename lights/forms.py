from decimal import Decimal

from django import forms

from lights.models import Lighting
from lights.places import find_city, zone_at
from marsweb.validators import validate_printable, validate_public_email


class LightingSubmitForm(forms.ModelForm):
    """ "Light your town red": a visitor's lighting, checked, placed and resolved."""

    latitude = forms.DecimalField(
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=5,
        max_digits=8,
        help_text="Leave empty and we look the city up in our list.",
    )
    longitude = forms.DecimalField(
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=5,
        max_digits=8,
        help_text="Degrees east; west is negative (Los Angeles: −118.24).",
    )
    submitter_email = forms.EmailField(
        label="Your email",
        max_length=254,
        help_text="Private: only staff see it, to tell you when your lighting is published.",
        error_messages={"required": "Enter your email address, so we can tell you the outcome."},
    )
    website = forms.CharField(required=False, max_length=200, label="Leave this field empty")

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
            "landmark": "Landmark or building",
            "start_kind": "Lit from",
            "start_date": "Start date (local)",
            "start_time": "Start time (local)",
            "end_kind": "Lit until",
            "end_date": "End date (local)",
            "end_time": "End time (local)",
            "note": "Note",
        }
        help_texts = {
            "start_date": "Needed unless the start is “Not announced yet”.",
            "start_time": "Needed for a set time; not for sunset or sunrise.",
            "end_date": "Needed unless the end is “Not announced yet”.",
            "end_time": "Needed for a set time; not for sunset or sunrise.",
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
                "Give both latitude and longitude, or neither.",
            )
            return data
        if latitude is None:
            if data.get("city"):
                place = find_city(data["city"], data.get("country", ""))
                if place is None:
                    self.add_error(
                        "city",
                        "We could not find this city in our list. Check the spelling, or give its latitude and longitude.",
                    )
                    return data
                data["latitude"] = Decimal(str(round(place.latitude, 5)))
                data["longitude"] = Decimal(str(round(place.longitude, 5)))
                self.instance.time_zone = place.time_zone
        else:
            zone = zone_at(float(latitude), float(longitude))
            if zone is None:
                self.add_error("latitude", "We could not find a time zone at these coordinates.")
                return data
            self.instance.time_zone = zone
        return data
