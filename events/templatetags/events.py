"""Template helpers for event pages."""

from django import template

from events.models import Event
from events.text import render_times
from marsweb.templatetags.marsweb import zoned_time

register = template.Library()


@register.simple_tag(takes_context=True)
def event_description(context, event: Event) -> str:
    """The event's description as paragraphs, each time in it shown in the event's zone
    and the visitor's (events.text)."""
    return render_times(
        event.description,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        show=lambda moment: zoned_time(context, moment, event.zone, compact=True),
    )
