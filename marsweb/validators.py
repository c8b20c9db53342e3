"""Checks every public form applies to what visitors type."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Format characters that writing needs: the zero-width joiner builds emoji sequences
# (👩‍🚀) and, with the non-joiner, shapes Persian and Indic names.
JOINERS = {"\u200c", "\u200d"}


def validate_printable(value: str) -> None:
    """No control characters (line breaks, NUL, bidi overrides) in a one-line field."""
    if any(
        unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} and ch not in JOINERS for ch in value
    ):
        raise ValidationError(
            _("Use letters, numbers and punctuation only."), code="control_characters"
        )


def validate_public_email(value: str) -> None:
    """An address on the internet: a domain with a dot, not a bare host or an IP literal
    (Django's EmailValidator takes user@localhost and user@[127.0.0.1])."""
    domain = value.rpartition("@")[2]
    if domain.startswith("[") or "." not in domain.strip("."):
        raise ValidationError(
            _("Enter an email address with a full domain, like name@example.org."),
            code="not_public",
        )
