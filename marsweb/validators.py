"""Checks every public form applies to what visitors type."""

import unicodedata

from django.core.exceptions import ValidationError


def validate_printable(value: str) -> None:
    """No control characters (line breaks, NUL, bidi overrides) in a one-line field."""
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in value):
        raise ValidationError(
            "Use letters, numbers and punctuation only.", code="control_characters"
        )
