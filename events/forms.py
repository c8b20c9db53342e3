from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marsweb.validators import validate_printable, validate_public_email


class RsvpForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        validators=[validate_printable],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name, as it should appear on your boarding pass."),
            "max_length": _("Keep your name under %(limit_value)d characters."),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to confirm it. We never show or share it."),
        error_messages={
            "required": _("Enter your email address: we send the confirmation link there."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    # A field people never see or fill; form-filling robots do.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))

    def clean_email(self) -> str:
        # After the field's own check: one message for one mistake.
        validate_public_email(self.cleaned_data["email"])
        return self.cleaned_data["email"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter your name, as it should appear on your boarding pass."))
        return name

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
