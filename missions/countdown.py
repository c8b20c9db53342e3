"""Countdown phases: pure functions of a timeline and "now" (no Django here).

Everything counts in Earth-received time: what the visitor can know at their moment is
what has reached Earth. A landing happens at Mars one signal delay before Earth hears it,
so for a few minutes the spacecraft has touched down and nobody on Earth knows yet.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# The order of a landing's steps; the kinds match Milestone.Kind values.
EDL_STEPS = (
    "entry-interface",
    "peak-heating",
    "parachute-deploy",
    "heat-shield-separation",
    "backshell-separation",
    "sky-crane",
    "touchdown",
)
APPROACH_BEFORE_ENTRY = timedelta(days=45)  # Mars 2020's approach phase: the last 45 days
SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Moment:
    """One timeline entry as the countdown needs it."""

    kind: str
    title: str
    occurs_at: datetime  # at the spacecraft
    earth_received_at: datetime  # when Earth hears of it

    @property
    def signal_delay(self) -> timedelta:
        return self.earth_received_at - self.occurs_at


@dataclass(frozen=True)
class Countdown:
    phase: str  # machine name: before-launch, cruise, approach, edl, landed, no-landing...
    phase_label: str  # what a visitor reads: "Entry, descent and landing: Parachute deployment"
    target: Moment | None  # the headline moment counted to (the touchdown, the event start)
    target_label: str  # "to touchdown"
    next_moment: Moment | None  # the next timeline entry Earth will hear of
    remaining: timedelta | None  # time to the target (Earth-received), whole seconds
    to_next: timedelta | None  # time to the next moment, whole seconds
    since: timedelta | None  # time since the target, once it has passed
    happened_at_mars: bool  # the target has happened at Mars but Earth has not heard yet
    edl_step: str | None  # the current landing step's kind, during the landing
    poll_seconds: int | None  # how often a live view should ask again; None: never

    @property
    def is_live(self) -> bool:
        return self.poll_seconds is not None


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


def format_remaining(delta: timedelta) -> str:
    """``3 days 04 h 12 min`` when days away, ``04:12:09`` within the last day."""
    total = max(0, int(delta.total_seconds()))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        unit = "day" if days == 1 else "days"
        return f"{days} {unit} {hours:02d} h {minutes:02d} min"
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def mission_countdown(
    *,
    moments: Sequence[Moment],
    now: datetime,
    landed_at: datetime | None = None,
    landed_label: str = "Touchdown",
) -> Countdown:
    """Where a mission stands at ``now``, seen from Earth.

    ``moments`` is the mission's timeline in any order. ``landed_at`` (Earth-received) stands
    in for a touchdown milestone when the timeline has none.
    """
    moments = sorted(moments, key=lambda m: (m.earth_received_at, m.occurs_at))
    by_kind = {m.kind: m for m in moments}
    touchdown = by_kind.get("touchdown") or by_kind.get("orbit-insertion")
    if touchdown is None and landed_at is not None:
        touchdown = Moment("touchdown", landed_label, landed_at, landed_at)
    upcoming = [m for m in moments if m.earth_received_at > now]
    next_moment = upcoming[0] if upcoming else None
    to_next = whole_seconds(next_moment.earth_received_at - now) if next_moment else None

    if touchdown is None:
        return Countdown(
            phase="no-landing",
            phase_label="No landing date set",
            target=None,
            target_label="",
            next_moment=next_moment,
            remaining=None,
            to_next=to_next,
            since=None,
            happened_at_mars=False,
            edl_step=None,
            poll_seconds=None,
        )

    arrival_word = "arrival" if touchdown.kind == "orbit-insertion" else "touchdown"
    if now >= touchdown.earth_received_at:
        since = now - touchdown.earth_received_at
        since = timedelta(seconds=int(since.total_seconds()))
        # For the first hour the celebration ticks; then the page is history until the
        # next sol, and only a reload shows the new sol number.
        if since < timedelta(hours=1):
            poll = LIVE_POLL_SECONDS
        elif since < timedelta(days=1):
            poll = DISTANT_POLL_SECONDS
        else:
            poll = None
        return Countdown(
            phase="landed" if arrival_word == "touchdown" else "arrived",
            phase_label="Landed" if arrival_word == "touchdown" else "Arrived at Mars",
            target=touchdown,
            target_label=f"since {arrival_word}",
            next_moment=next_moment,
            remaining=timedelta(0),
            to_next=to_next,
            since=since,
            happened_at_mars=True,
            edl_step=touchdown.kind if arrival_word == "touchdown" else None,
            poll_seconds=poll,
        )

    remaining = whole_seconds(touchdown.earth_received_at - now)
    entry = by_kind.get("entry-interface")
    launch = by_kind.get("launch")
    passed = [m for m in moments if m.earth_received_at <= now]
    latest = passed[-1] if passed else None
    edl_step = None
    if entry is not None and now >= entry.earth_received_at:
        phase = "edl"
        edl_step = latest.kind if latest and latest.kind in EDL_STEPS else "entry-interface"
        step_title = latest.title if latest and latest.kind in EDL_STEPS else entry.title
        phase_label = f"Entry, descent and landing: {step_title}"
    elif launch is not None and now < launch.earth_received_at:
        phase, phase_label = "before-launch", "Before launch"
    elif now >= (entry or touchdown).earth_received_at - APPROACH_BEFORE_ENTRY:
        phase, phase_label = "approach", "Approach"
        if latest and latest.kind == "cruise-stage-separation":
            phase_label = f"Final approach: {latest.title}"
    else:
        phase, phase_label = "cruise", "Cruise to Mars"

    return Countdown(
        phase=phase,
        phase_label=phase_label,
        target=touchdown,
        target_label=f"to {arrival_word}",
        next_moment=next_moment,
        remaining=remaining,
        to_next=to_next,
        since=None,
        happened_at_mars=now >= touchdown.occurs_at,
        edl_step=edl_step,
        poll_seconds=poll_interval(remaining, during_landing=phase == "edl"),
    )


def event_countdown(
    *, title: str, starts_at: datetime, ends_at: datetime, now: datetime
) -> Countdown:
    """An event's countdown: before the start, live, then over."""
    start = Moment("event-start", title, starts_at, starts_at)
    end = Moment("event-end", f"{title} ends", ends_at, ends_at)
    if now < starts_at:
        remaining = whole_seconds(starts_at - now)
        return Countdown(
            phase="upcoming",
            phase_label="Starts soon" if remaining <= timedelta(hours=1) else "Upcoming",
            target=start,
            target_label="to the start",
            next_moment=start,
            remaining=remaining,
            to_next=remaining,
            since=None,
            happened_at_mars=False,
            edl_step=None,
            poll_seconds=poll_interval(remaining),
        )
    if now < ends_at:
        to_end = whole_seconds(ends_at - now)
        return Countdown(
            phase="live",
            phase_label="Live now",
            target=end,
            target_label="until it ends",
            next_moment=end,
            remaining=to_end,
            to_next=to_end,
            since=None,
            happened_at_mars=False,
            edl_step=None,
            poll_seconds=poll_interval(to_end),
        )
    return Countdown(
        phase="ended",
        phase_label="This event has ended",
        target=end,
        target_label="",
        next_moment=None,
        remaining=timedelta(0),
        to_next=None,
        since=timedelta(seconds=int((now - ends_at).total_seconds())),
        happened_at_mars=False,
        edl_step=None,
        poll_seconds=None,
    )


@dataclass(frozen=True)
class DiagramStep:
    kind: str
    title: str
    x: float  # 0–1 along the seven minutes
    y: float  # 0 (ground) – 1 (entry altitude), on a log scale of altitude
    altitude_m: int | None
    speed_m_s: float | None
    seconds_after_entry: int
    at_ms: int  # Earth-received time, ms since the Unix epoch, for the live page
    is_current: bool
    is_passed: bool


def edl_diagram(
    *, steps: Sequence[tuple[Moment, int | None, float | None]], now: datetime
) -> list[DiagramStep]:
    """Points for the landing picture: each landing step placed along the seven minutes.

    ``steps`` holds (moment, altitude in m, speed in m/s). Altitudes are drawn on a log scale
    so that 125 km and the sky crane's 20 m both show; a step without a known altitude sits
    on the line between its neighbours.
    """
    landing = sorted(
        (s for s in steps if s[0].kind in EDL_STEPS), key=lambda s: s[0].earth_received_at
    )
    if len(landing) < 2:
        return []
    entry_at = landing[0][0].earth_received_at
    span = (landing[-1][0].earth_received_at - entry_at).total_seconds() or 1.0
    top = math.log10(max((s[1] or 0) for s in landing) + 1) or 1.0

    def height(altitude: int | None) -> float | None:
        return None if altitude is None else math.log10(altitude + 1) / top

    xs = [(s[0].earth_received_at - entry_at).total_seconds() / span for s in landing]
    ys = [height(s[1]) for s in landing]
    # Fill unknown altitudes by straight lines between known neighbours.
    for i, y in enumerate(ys):
        if y is None:
            before = next(
                ((xs[j], ys[j]) for j in range(i - 1, -1, -1) if ys[j] is not None), (0.0, 1.0)
            )
            after = next(
                ((xs[j], ys[j]) for j in range(i + 1, len(ys)) if ys[j] is not None), (1.0, 0.0)
            )
            share = (xs[i] - before[0]) / ((after[0] - before[0]) or 1.0)
            ys[i] = before[1] + (after[1] - before[1]) * share
    passed = [s[0].earth_received_at <= now for s in landing]
    current = max((i for i, p in enumerate(passed) if p), default=None)
    during = current is not None and not passed[-1]
    return [
        DiagramStep(
            kind=moment.kind,
            title=moment.title,
            x=xs[i],
            y=ys[i],
            altitude_m=altitude,
            speed_m_s=speed,
            seconds_after_entry=round((moment.earth_received_at - entry_at).total_seconds()),
            at_ms=int(moment.earth_received_at.timestamp() * 1000),
            is_current=during and i == current,
            is_passed=passed[i],
        )
        for i, (moment, altitude, speed) in enumerate(landing)
    ]
