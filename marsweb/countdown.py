"""Countdowns: the vocabulary missions and events share, and what the countdown panel shows.

Pure values and functions of plain values, so they can be tested with them; the only Django
here is gettext, for the words a visitor reads in the active language. A mission
counts to its landing (missions.countdown), an event to its start and end
(events.countdown); both end up in a ``CountdownPanel``, the one thing
``templates/includes/countdown.html`` renders.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Moment:
    """One timeline entry as a countdown needs it."""

    kind: str
    title: str
    occurs_at: datetime  # where it happens (at the spacecraft, for a mission)
    earth_received_at: datetime  # when Earth hears of it
    title_lang: str = ""  # "en" when the title is the English in place of a translation

    @property
    def signal_delay(self) -> timedelta:
        return self.earth_received_at - self.occurs_at


@dataclass(frozen=True, kw_only=True)
class Countdown:
    """Where something stands at a moment, as a visitor on Earth can know it."""

    phase: str  # machine name: before-launch, cruise, approach, edl, landed, upcoming, live...
    phase_label: str  # what a visitor reads: "Entry, descent and landing: Parachute deployment"
    phase_step: Moment | None = None  # the timeline entry the label names, if it names one
    target: Moment | None = None  # the headline moment counted to (the touchdown, the start)
    target_label: str = ""  # "to touchdown"
    next_moment: Moment | None = None  # the next timeline entry Earth will hear of
    remaining: timedelta | None = None  # time to the target (Earth-received), whole seconds
    to_next: timedelta | None = None  # time to the next moment, whole seconds
    since: timedelta | None = None  # time since the target, once it has passed
    happened_at_mars: bool = False  # the target has happened at Mars but Earth has not heard
    edl_step: str | None = None  # the current landing step's kind, during the landing
    poll_seconds: int | None = None  # how often a live view should ask again; None: never

    @property
    def is_live(self) -> bool:
        return self.poll_seconds is not None

    @property
    def changes_in(self) -> timedelta | None:
        """Time until what this shows moves on: the next moment, or the target; None when
        nothing ahead is known."""
        ahead = [delta for delta in (self.to_next, self.remaining) if delta]
        return min(ahead, default=None)

    @property
    def changes_at(self) -> datetime | None:
        """The instant what this shows moves on (the exact one ``changes_in`` rounds up)."""
        ahead = [
            moment.earth_received_at
            for moment, delta in ((self.next_moment, self.to_next), (self.target, self.remaining))
            if moment is not None and delta
        ]
        return min(ahead, default=None)


def whole_seconds(delta: timedelta) -> timedelta:
    """Round a duration up to whole seconds, so a countdown reaches 0 exactly at the target."""
    return timedelta(seconds=math.ceil(delta.total_seconds()))


# Between polls the page ticks the seconds itself from the server's clock
# (static/js/countdown.js), so even in the final minutes a poll every 10 s keeps the
# number exact while letting one box serve ten times the viewers of a poll a second.
LIVE_POLL_SECONDS = 10
DISTANT_POLL_SECONDS = 60


def poll_interval(remaining: timedelta | None, *, during_landing: bool = False) -> int:
    """Seconds between polls: often when seconds show and phases change, rarely days away."""
    if during_landing or remaining is None or remaining.total_seconds() <= 24 * 3600:
        return LIVE_POLL_SECONDS
    return DISTANT_POLL_SECONDS


@dataclass(frozen=True)
class TrackStep:
    """One stage on the track under a countdown: "done", "now" or "next"."""

    label: str
    state: str


@dataclass(frozen=True, kw_only=True)
class CountdownPanel:
    """What ``templates/includes/countdown.html`` shows, for a mission's landing or an event.

    Each app builds it for what it counts to, from its own models (``missions`` cannot see
    ``events``): ``missions.landing.mission_countdown_panel`` and
    ``events.display.event_countdown_panel``. The template reads nothing else. Its element
    polls ``url`` every ``poll_seconds`` (not at all once None) and static/js/countdown.js
    ticks the seconds in between towards the target instant it carries, on the server's
    clock as learnt from ``/now.json`` (never from the fragment, which a cache may have kept).
    """

    state: Countdown
    url: str  # the fragment this panel is, polled by htmx
    subject: str  # what is counted for: a mission's name, an event's title
    now: datetime  # the server's time it shows, in whole seconds
    is_rehearsal: bool = False  # labelled "Rehearsal"
    sol: int | None = None  # after a landing: the sol at the landing site
    site: str = ""  # the landing site's name, beside the sol
    target_when: str = ""  # "Touchdown expected on Earth", shown before the target's time
    track: tuple[TrackStep, ...] = ()  # the stages, done / now / next
    # What it becomes at state.changes_at, when that comes before the next poll can bring it:
    # static/js/countdown.js shows it at that instant (see ahead_of_polls).
    following: "CountdownPanel | None" = None

    @property
    def poll_seconds(self) -> int | None:
        return self.state.poll_seconds

    @property
    def current_stage(self) -> tuple[int, TrackStep] | None:
        """The stage under way and its number from 1, for "Stage 3 of 7: Entry"."""
        return next(
            ((number, step) for number, step in enumerate(self.track, 1) if step.state == "now"),
            None,
        )

    @property
    def changes_in_seconds(self) -> int | None:
        """Seconds until the panel shows a new phase: no cache may keep it past then
        (marsweb.caching.keep_seconds)."""
        changes_in = self.state.changes_in
        return max(1, math.ceil(changes_in.total_seconds())) if changes_in else None


# A change comes this many polls ahead at most when its panel is sent in advance: one poll
# could fall a hair before the window opens, the next one must then carry it.
POLLS_AHEAD = 2


def ahead_of_polls(panel_at: Callable[[datetime], CountdownPanel], now: datetime) -> CountdownPanel:
    """The panel as of ``now``, carrying what it becomes at its next change when that comes
    within two polls.

    The page swaps the following panel in at the very instant (static/js/countdown.js), so
    touchdown shows at zero on the visitor's clock, not a round trip later, however slow
    the network; the poll that follows only confirms it. Without JavaScript the carried
    panel is an inert ``<template>``.
    """
    panel = panel_at(now)
    at = panel.state.changes_at
    if at is None or panel.poll_seconds is None:
        return panel
    if at - now > timedelta(seconds=panel.poll_seconds * POLLS_AHEAD):
        return panel
    return replace(panel, following=panel_at(at))
