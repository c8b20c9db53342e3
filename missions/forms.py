from datetime import datetime

from django import forms

from marsweb import timezones
from missions.models import LiveUpdate


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


class LiveUpdateForm(forms.ModelForm):
    """A live post as staff edit it in the admin, refused if someone changed it meanwhile.

    The form carries the revision it was opened at. Saving locks the post's row (the
    admin saves in one transaction) and compares: a stale edit gets a clear error and
    keeps what the editor typed, and the other editor's change stands.
    """

    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = LiveUpdate
        fields = [
            "mission",
            "kind",
            "headline",
            "body",
            "is_pinned",
            "posted_at",
            "milestone",
            "source_note",
            "image",
            "image_alt",
            "withdrawn_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_revision"].initial = self.instance.revision
        # The admin puts a file box in a fieldset whose legend does not name the box itself.
        self.fields["image"].widget.attrs["aria-label"] = "Image"

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        current = LiveUpdate.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise forms.ValidationError("This post was deleted while you were editing it.")
        if cleaned.get("opened_revision") != current.revision:
            raise forms.ValidationError(
                "Someone changed this post while you were editing it, so yours was not "
                "saved. Your text is kept below: open the post again to see their version, "
                "and make your change there.",
                code="stale",
            )
        return cleaned
