"""A mission's landing as the pages show it: when it touched down at Mars, the sol at its
site, its countdown panel, the Mars clock and the picture of its seven minutes.

Each function takes the mission and its milestones as already loaded (a view loads them in
one or two queries), and "now" from its caller, so none of them queries the database.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from marsweb.countdown import CountdownPanel, Moment, ahead_of_polls
from marsweb.translated import fallback_lang
from missions import countdown, edl, marstime
from missions.models import Milestone, Mission


def moments_of(milestones: Iterable[Milestone]) -> list[Moment]:
    """Timeline entries a countdown can use: those Earth hears of at a known time."""
    return [
        Moment(m.kind, m.title, m.occurs_at, m.earth_received_at, fallback_lang(m, "title"))
        for m in milestones
        if m.earth_received_at is not None
    ]


@dataclass(frozen=True)
class Landing:
    """The one moment a mission counts to, decided once (``landing_of``) and handed to its
    countdown, share card, structured data, live coverage, boarding passes and pages, so
    that none of them decides it again: its touchdown, else its arrival in orbit."""

    kind: str  # Milestone.Kind.TOUCHDOWN or Milestone.Kind.ORBIT_INSERTION
    heard_at: datetime  # when Earth hears of it (UTC): what every clock counts to
    at_mars: datetime  # when it happened at Mars (spacecraft event time)
    title: str  # in the active language
    title_lang: str | None  # "en" while the title is not translated yet
    site: str  # the landing site's name, "" for an arrival in orbit

    @property
    def lands(self) -> bool:
        return self.kind == Milestone.Kind.TOUCHDOWN

    def heard_by(self, now: datetime) -> bool:
        return now >= self.heard_at

    def moment(self) -> Moment:
        return Moment(self.kind, self.title, self.at_mars, self.heard_at, self.title_lang)


def landing_of(mission: Mission, milestones: Iterable[Milestone]) -> Landing | None:
    """The mission's landing: its touchdown milestone, else its orbit insertion, whose
    Earth-received time is known; a lander that enters orbit first (Viking) lands at its
    touchdown. A timeline with neither lands at ``mission.landed_at`` (Earth-received; a
    touchdown where the mission has a landing site). None: nothing to count to."""
    found: dict[str, Milestone] = {}
    for milestone in milestones:
        if milestone.earth_received_at is not None:
            found.setdefault(milestone.kind, milestone)
    chosen = found.get(Milestone.Kind.TOUCHDOWN) or found.get(Milestone.Kind.ORBIT_INSERTION)
    if chosen is not None:
        lands = chosen.kind == Milestone.Kind.TOUCHDOWN
        return Landing(
            kind=chosen.kind,
            heard_at=chosen.earth_received_at,
            at_mars=chosen.occurs_at,
            title=chosen.title,
            title_lang=fallback_lang(chosen, "title"),
            site=mission.landing_site_name if lands else "",
        )
    if mission.landed_at is None:
        return None
    lands = mission.has_landing_site or mission.kind != Mission.Kind.ORBITER
    return Landing(
        kind=Milestone.Kind.TOUCHDOWN if lands else Milestone.Kind.ORBIT_INSERTION,
        heard_at=mission.landed_at,
        at_mars=mission.landed_at,
        title=_("Touchdown") if lands else _("Arrival"),
        title_lang=None,
        site=mission.landing_site_name if lands else "",
    )


def touchdown_at_mars(mission: Mission, milestones: Iterable[Milestone]) -> datetime | None:
    """When the mission touched down, at Mars (spacecraft event time); None when its
    landing is an arrival in orbit, or it has none."""
    landing = landing_of(mission, milestones)
    return landing.at_mars if landing is not None and landing.lands else None


def mission_sol_at(
    mission: Mission, milestones: Iterable[Milestone], *, at: datetime
) -> int | None:
    """The mission's sol at ``at`` (negative before its landing day); None without a site."""
    landed_at_mars = touchdown_at_mars(mission, milestones)
    if landed_at_mars is None or not mission.has_landing_site:
        return None
    return marstime.mission_sol(
        landed_at=landed_at_mars,
        at=at,
        longitude_east=float(mission.longitude_east),
        landing_sol=mission.landing_sol,
    )


def mission_countdown_panel(
    mission: Mission, milestones: Sequence[Milestone], now: datetime
) -> CountdownPanel:
    """The countdown panel of a mission: to its landing, then the time and sol since; and
    shortly before each step, the panel of that step to show at its instant."""
    return ahead_of_polls(lambda at: _countdown_panel_at(mission, milestones, at), now)


def _countdown_panel_at(
    mission: Mission, milestones: Sequence[Milestone], now: datetime
) -> CountdownPanel:
    landing = landing_of(mission, milestones)
    state = countdown.mission_countdown(
        moments=moments_of(milestones),
        now=now,
        landing=landing.moment() if landing is not None else None,
    )
    landed = state.since is not None and state.target.kind == "touchdown"
    when = ""
    if state.target is not None:
        heard = state.since is not None
        if state.target.kind == "touchdown":
            when = _("Touchdown heard on Earth") if heard else _("Touchdown expected on Earth")
        else:
            when = _("Arrival heard on Earth") if heard else _("Arrival expected on Earth")
    return CountdownPanel(
        state=state,
        url=reverse("missions:countdown", kwargs={"slug": mission.slug}),
        subject=mission.name,
        now=now,
        is_rehearsal=mission.is_rehearsal,
        sol=mission_sol_at(mission, milestones, at=now) if landed else None,
        site=mission.landing_site_name,
        target_when=when,
        track=countdown.stage_track(state),
    )


def site_clock(mission: Mission, milestones: Sequence[Milestone], now: datetime) -> dict | None:
    """Sol number and local solar times at a landed mission's site, or None."""
    if not mission.has_landing_site or mission.landed_at is None or mission.landed_at > now:
        return None
    longitude = float(mission.longitude_east)
    mars = marstime.mars_clock(now)
    return {
        "sol": mission_sol_at(mission, milestones, at=now),
        "lmst": mars.local_mean_solar_time(longitude),
        "ltst": mars.local_true_solar_time(longitude),
        "lmst_text": marstime.hours_to_hms(mars.local_mean_solar_time(longitude)),
        "ltst_text": marstime.hours_to_hms(mars.local_true_solar_time(longitude)),
        "now_ms": int(now.timestamp() * 1000),
    }


def edl_picture(milestones: Sequence[Milestone], now: datetime) -> dict | None:
    """The landing picture, wide and narrow (for phones), from the timeline's landing
    steps; None when the timeline has no atmospheric entry or too few steps to draw."""
    diagram = edl.edl_diagram(
        steps=[
            (
                Moment(
                    m.kind, m.title, m.occurs_at, m.earth_received_at, fallback_lang(m, "title")
                ),
                m.altitude_m,
                float(m.speed_m_s) if m.speed_m_s is not None else None,
            )
            for m in milestones
            if m.earth_received_at is not None
        ],
        now=now,
    )
    if not diagram:
        return None
    wide = edl.edl_svg_points(diagram, edl.WIDE)
    return {
        "charts": [("wide", wide), ("narrow", edl.edl_svg_points(diagram, edl.NARROW))],
        "points": wide["points"],
        "current": wide["current"],
    }


@dataclass(frozen=True)
class LandingStamp:
    """What an attendee's boarding pass says of its mission's landing (or arrival in orbit):
    the moment Earth hears of it, until then; after, that it happened, on which sol, where,
    and at what local time on Mars."""

    kind: str  # "touchdown" or "orbit-insertion"
    heard_at: datetime  # Earth-received, UTC
    happened: bool  # Earth has heard of it
    sol: int | None = None
    site: str = ""
    local_time: str = ""  # the site's local mean solar time at touchdown, "15:53"


def landing_stamp(
    mission: Mission, milestones: Sequence[Milestone], now: datetime
) -> LandingStamp | None:
    """None for a mission with no landing or arrival whose Earth-received time is known."""
    landing = landing_of(mission, milestones)
    if landing is None:
        return None
    if not landing.heard_by(now):
        return LandingStamp(kind=landing.kind, heard_at=landing.heard_at, happened=False)
    if not landing.lands or not mission.has_landing_site:
        return LandingStamp(kind=landing.kind, heard_at=landing.heard_at, happened=True)
    longitude = float(mission.longitude_east)
    local = marstime.mars_clock(landing.at_mars).local_mean_solar_time(longitude)
    return LandingStamp(
        kind=landing.kind,
        heard_at=landing.heard_at,
        happened=True,
        sol=mission.landing_sol,
        site=landing.site,
        local_time=marstime.hours_to_hms(local)[:5],
    )
