"""A mission's countdown: a pure function of its timeline and "now" (Django only for the
words, in the active language).

Everything counts in Earth-received time: what the visitor can know at their moment is
what has reached Earth. A landing happens at Mars one signal delay before Earth hears it,
so for a few minutes the spacecraft has touched down and nobody on Earth knows yet.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marsweb.countdown import (
    DISTANT_POLL_SECONDS,
    LIVE_POLL_SECONDS,
    Countdown,
    Moment,
    TrackStep,
    poll_interval,
    whole_seconds,
)

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


def mission_countdown(
    *,
    moments: Sequence[Moment],
    now: datetime,
    landing: Moment | None = None,
) -> Countdown:
    """Where a mission stands at ``now``, seen from Earth.

    ``moments`` is the mission's timeline in any order; ``landing`` the moment it counts to
    (missions.landing.landing_of decides it, for every page alike).
    """
    moments = sorted(moments, key=lambda m: (m.earth_received_at, m.occurs_at))
    by_kind = {m.kind: m for m in moments}
    upcoming = [m for m in moments if m.earth_received_at > now]
    next_moment = upcoming[0] if upcoming else None
    to_next = whole_seconds(next_moment.earth_received_at - now) if next_moment else None

    if landing is None:
        return Countdown(
            phase="no-landing",
            phase_label=_("No landing date set"),
            next_moment=next_moment,
            to_next=to_next,
        )

    arrives = landing.kind == "orbit-insertion"
    if now >= landing.earth_received_at:
        since = now - landing.earth_received_at
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
            phase="arrived" if arrives else "landed",
            phase_label=_("Arrived at Mars") if arrives else _("Touchdown confirmed"),
            target=landing,
            target_label=_("since arrival") if arrives else _("since touchdown"),
            next_moment=next_moment,
            remaining=timedelta(0),
            to_next=to_next,
            since=since,
            happened_at_mars=True,
            edl_step=None if arrives else landing.kind,
            poll_seconds=poll,
        )

    remaining = whole_seconds(landing.earth_received_at - now)
    entry = by_kind.get("entry-interface")
    launch = by_kind.get("launch")
    passed = [m for m in moments if m.earth_received_at <= now]
    latest = passed[-1] if passed else None
    edl_step = phase_step = None
    if entry is not None and now >= entry.earth_received_at:
        phase = "edl"
        edl_step = latest.kind if latest and latest.kind in EDL_STEPS else "entry-interface"
        phase_step = latest if latest and latest.kind in EDL_STEPS else entry
        phase_label = _("Entry, descent and landing: %(step)s") % {"step": phase_step.title}
    elif launch is not None and now < launch.earth_received_at:
        phase, phase_label = "before-launch", _("Before launch")
    elif now >= (entry or landing).earth_received_at - APPROACH_BEFORE_ENTRY:
        phase, phase_label = "approach", _("Approach")
        if latest and latest.kind == "cruise-stage-separation":
            phase_step = latest
            phase_label = _("Final approach: %(step)s") % {"step": latest.title}
    else:
        phase, phase_label = "cruise", _("Cruise to Mars")

    return Countdown(
        phase=phase,
        phase_label=phase_label,
        phase_step=phase_step,
        target=landing,
        target_label=_("to arrival") if arrives else _("to touchdown"),
        next_moment=next_moment,
        remaining=remaining,
        to_next=to_next,
        happened_at_mars=now >= landing.occurs_at,
        edl_step=edl_step,
        poll_seconds=poll_interval(remaining, during_landing=phase == "edl"),
    )


# The stages a visitor follows, and the landing steps (EDL_STEPS) each one covers.
LANDING_STAGES = (
    (gettext_lazy("Cruise"), ()),
    (gettext_lazy("Approach"), ()),
    (gettext_lazy("Entry"), ("entry-interface", "peak-heating")),
    (gettext_lazy("Parachute"), ("parachute-deploy", "heat-shield-separation")),
    (gettext_lazy("Powered descent"), ("backshell-separation",)),
    (gettext_lazy("Sky crane"), ("sky-crane",)),
    (gettext_lazy("Touchdown"), ("touchdown",)),
)
ARRIVAL_STAGES = (
    (gettext_lazy("Cruise"), ()),
    (gettext_lazy("Approach"), ()),
    (gettext_lazy("Orbit insertion"), ()),
)


def stage_track(state: Countdown) -> tuple[TrackStep, ...]:
    """The track under a mission's countdown: each stage done, now or next.

    A lander's track runs cruise, approach, then the landing's stages; an orbiter's ends at
    orbit insertion. Nothing without a landing or arrival to count to.
    """
    if state.target is None:
        return ()
    stages = ARRIVAL_STAGES if state.target.kind == "orbit-insertion" else LANDING_STAGES
    labels = [str(label) for label, kinds in stages]
    if state.phase in ("landed", "arrived"):
        current = len(stages)  # every stage done
    elif state.phase == "edl":
        current = next(
            (i for i, (label, kinds) in enumerate(stages) if state.edl_step in kinds),
            len(stages) - 1,
        )
    elif state.phase == "approach":
        current = 1
    elif state.phase == "cruise":
        current = 0
    else:  # before launch
        current = -1
    return tuple(
        TrackStep(label, "done" if i < current else "now" if i == current else "next")
        for i, label in enumerate(labels)
    )
