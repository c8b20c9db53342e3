"""The one place marsweb asks for the current time, so tests can move the clock."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    return timezone.now()
