"""Template helpers for missions."""

from datetime import datetime

from django import template

from missions.models import Mission

register = template.Library()


@register.filter
def status_at(mission: Mission, now: datetime) -> Mission.Status:
    """``{{ mission|status_at:now }}``: the status to show now (see Mission.status_at)."""
    return mission.status_at(now)


@register.filter
def has_arrived(mission: Mission, now: datetime) -> bool:
    return mission.has_arrived(now)
