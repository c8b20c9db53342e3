"""Template helpers for missions."""

from datetime import datetime

from django import template

from missions.models import Milestone, Mission

register = template.Library()


@register.filter
def status_at(mission: Mission, now: datetime) -> Mission.Status:
    """``{{ mission|status_at:now }}``: the status to show now (see Mission.status_at)."""
    return mission.status_at(now)


@register.filter
def has_arrived(mission: Mission, now: datetime) -> bool:
    return mission.has_arrived(now)


@register.filter
def heard_by(milestone: Milestone, now: datetime) -> bool:
    """``{{ milestone|heard_by:now }}``: Earth has heard of it by now (a milestone whose
    signal delay nobody recorded counts from its spacecraft time)."""
    return (milestone.earth_received_at or milestone.occurs_at) <= now
