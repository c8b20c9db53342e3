"""Template helpers for missions."""

from datetime import datetime

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from marsweb.templatetags.marsweb import distance_words, speed_words
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


def _measures(altitude_m, speed_m_s) -> list[str]:
    """A step's altitude and speed, each kept on one line: "altitude 11 km", "420 m/s"."""
    facts = []
    if altitude_m is not None:
        altitude = format_html('<span class="nowrap">{}</span>', distance_words(altitude_m))
        sentence = conditional_escape(gettext("altitude %(altitude)s"))
        facts.append(mark_safe(sentence % {"altitude": altitude}))  # escaped: sentence, altitude
    if speed_m_s is not None:
        facts.append(format_html('<span class="nowrap">{}</span>', speed_words(speed_m_s)))
    return facts


def _listed(facts: list[str]) -> str:
    """Facts in the language's own list punctuation."""
    comma = pgettext("between the parts of a list", ", ")
    return format_html_join(comma, "{}", ((fact,) for fact in facts))


@register.filter
def landing_step_facts(step) -> str:
    """A landing step's time after entry, altitude and speed, in the language's own list
    punctuation: "E+240 s, altitude 11 km, 420 m/s"."""
    facts = [format_html("<bdi>E+{}\u00a0s</bdi>", step.seconds_after_entry)]
    return _listed(facts + _measures(step.altitude_m, step.speed_m_s))


@register.filter
def altitude_and_speed(milestone) -> str:
    """A milestone's altitude and speed as the landing picture's legend says them (one
    format on the page): "altitude 11 km, 420 m/s"; "" without either."""
    return _listed(_measures(milestone.altitude_m, milestone.speed_m_s))


@register.simple_tag
def mission_status(mission: Mission, now: datetime) -> str:
    """The mission's status badge as of ``now``; one that changes when Earth hears of its
    arrival carries what it becomes and when, for static/js/countdown.js to switch on the
    server's clock while the page stays open ("On its way" becomes "Active")."""
    status = mission.status_at(now)
    later = (
        mission.status_at(mission.landed_at)
        if mission.landed_at and now < mission.landed_at
        else None
    )
    if later is None or later == status:
        return format_html('<span class="status status-{}">{}</span>', status.value, status.label)
    return format_html(
        '<span class="status status-{}" data-becomes="status-{}" data-becomes-label="{}" '
        'data-becomes-at="{}">{}</span>',
        status.value,
        later.value,
        later.label,
        int(mission.landed_at.timestamp() * 1000),
        status.label,
    )
