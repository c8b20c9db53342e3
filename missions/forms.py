from datetime import datetime

from django import forms

from marsweb import timezones


class RehearseForm(forms.Form):
    """The admin's "Rehearse the landing" action: how far ahead the rehearsal lands."""

    minutes = forms.IntegerField(
        min_value=1,
        max_value=7 * 24 * 60,
        initial=30,
        label="Landing in (minutes)",
        help_text="The rehearsal's touchdown, as heard on Earth, falls this many minutes from now.",
    )


class MissionListForm(forms.ModelForm):
    """A row of the admin's mission list: its "published" box is named for its mission, so
    a screen reader says which one it publishes (Django leaves list boxes unlabelled)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "is_published" in self.fields:
            name = self.instance.name or "this mission"
            self.fields["is_published"].widget.attrs["aria-label"] = f"Published: {name}"


class MomentField(forms.Field):
    """An instant in ISO 8601, years 1900 to 2200; without an offset it is taken as UTC."""

    default_error_messages = {
        "invalid": (
            "We could not read that date and time. Use ISO 8601 in UTC, "
            "for example 2021-02-18T20:55:00Z (years 1900 to 2200)."
        )
    }

    def to_python(self, value: str | None) -> datetime | None:
        if not (value or "").strip():
            return None
        try:
            return timezones.parse_instant(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class MarsTimeForm(forms.Form):
    """The Mars time converter's one question: which moment."""

    at = MomentField(error_messages={"required": MomentField.default_error_messages["invalid"]})
