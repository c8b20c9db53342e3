"""An event's countdown: before it starts, while it is live, after it ends.

A pure function of the event's times and "now" (Django only for the words, in the active
language).
"""

from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from marsweb.countdown import Countdown, Moment, poll_interval, whole_seconds


def event_countdown(
    *, title: str, starts_at: datetime, ends_at: datetime, now: datetime
) -> Countdown:
    """Where an event stands at ``now`` (a pure function of its times)."""
    start = Moment("event-start", title, starts_at, starts_at)
    end = Moment("event-end", _("%(title)s ends") % {"title": title}, ends_at, ends_at)
    if now < starts_at:
        remaining = whole_seconds(starts_at - now)
        return Countdown(
            phase="upcoming",
            phase_label=_("Starts soon") if remaining <= timedelta(hours=1) else _("Upcoming"),
            target=start,
            target_label=_("to the start"),
            next_moment=start,
            remaining=remaining,
            to_next=remaining,
            poll_seconds=poll_interval(remaining),
        )
    if now < ends_at:
        to_end = whole_seconds(ends_at - now)
        return Countdown(
            phase="live",
            phase_label=_("Live now"),
            target=end,
            target_label=_("until it ends"),
            next_moment=end,
            remaining=to_end,
            to_next=to_end,
            poll_seconds=poll_interval(to_end),
        )
    return Countdown(
        phase="ended",
        phase_label=_("This event has ended"),
        target=end,
        remaining=timedelta(0),
        since=timedelta(seconds=int((now - ends_at).total_seconds())),
    )
