from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from marsweb import clock
from marsweb.caching import fragment_response, per_second_page
from marsweb.htmx import HtmxHttpRequest
from missions import countdown, marstime
from missions.models import Milestone, Mission

MISSIONS_PER_PAGE = 24


def moments_of(milestones) -> list[countdown.Moment]:
    """Timeline entries the countdown can use: those Earth hears of at a known time."""
    return [
        countdown.Moment(m.kind, m.title, m.occurs_at, m.earth_received_at)
        for m in milestones
        if m.earth_received_at is not None
    ]


def mission_countdown_state(mission: Mission, milestones, now: datetime) -> countdown.Countdown:
    return countdown.mission_countdown(
        moments=moments_of(milestones), now=now, landed_at=mission.landed_at
    )


def mars_site_clock(mission: Mission, milestones, now: datetime) -> dict | None:
    """Sol number and local solar times at a landed mission's site, or None."""
    if not mission.has_landing_site or mission.landed_at is None or mission.landed_at > now:
        return None
    longitude = float(mission.longitude_east)
    touchdown = next((m for m in milestones if m.kind == Milestone.Kind.TOUCHDOWN), None)
    landed_at_mars = touchdown.occurs_at if touchdown else mission.landed_at
    mars = marstime.mars_clock(now)
    return {
        "sol": marstime.mission_sol(
            landed_at=landed_at_mars,
            at=now,
            longitude_east=longitude,
            landing_sol=mission.landing_sol,
        ),
        "lmst": mars.local_mean_solar_time(longitude),
        "ltst": mars.local_true_solar_time(longitude),
        "lmst_text": marstime.hours_to_hms(mars.local_mean_solar_time(longitude)),
        "ltst_text": marstime.hours_to_hms(mars.local_true_solar_time(longitude)),
        "now_ms": int(now.timestamp() * 1000),
    }


EDL_SVG = {"width": 820, "height": 320, "left": 40, "right": 40, "top": 40, "bottom": 70}


def edl_svg_points(diagram: list[countdown.DiagramStep]) -> dict | None:
    """Pixel positions for the landing picture's SVG (viewBox units)."""
    if not diagram:
        return None
    box = EDL_SVG
    inner_w = box["width"] - box["left"] - box["right"]
    inner_h = box["height"] - box["top"] - box["bottom"]
    ground = box["top"] + inner_h
    points = []
    for i, step in enumerate(diagram):
        x = round(box["left"] + step.x * inner_w, 1)
        y = round(box["top"] + (1 - step.y) * inner_h, 1)
        points.append(
            {
                "step": step,
                "x": x,
                "y": y,
                "number": i + 1,
                # Time labels alternate between two rows below the ground: neighbours a few
                # seconds apart never collide.
                "label_y": ground + 22 + (i % 2) * 22,
            }
        )
    return {
        **box,
        "ground": ground,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
        "current": next((p["step"] for p in points if p["step"].is_current), None),
    }


def countdown_context(mission: Mission, milestones, now: datetime) -> dict:
    state = mission_countdown_state(mission, milestones, now)
    sol = None
    if state.since is not None and mission.has_landing_site and state.target.kind == "touchdown":
        sol = marstime.mission_sol(
            landed_at=state.target.occurs_at,
            at=now,
            longitude_east=float(mission.longitude_east),
            landing_sol=mission.landing_sol,
        )
    return {
        "mission": mission,
        "countdown": state,
        "countdown_sol": sol,
        "countdown_site": mission.landing_site_name,
        "server_now_ms": int(now.timestamp() * 1000),
        "countdown_url": reverse("missions:countdown", kwargs={"slug": mission.slug}),
        "countdown_subject": mission.name,
        "countdown_is_rehearsal": mission.is_rehearsal,
    }


@require_GET
@per_second_page
def mission_list(request: HtmxHttpRequest):
    missions = Mission.objects.published().select_related("parent")
    page = Paginator(missions, MISSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "missions/mission_list.html", {"page": page, "missions": page.object_list}
    )


@require_GET
@per_second_page
def mission_detail(request: HtmxHttpRequest, slug: str):
    mission = get_object_or_404(
        Mission.objects.published()
        .select_related("parent", "rehearsal_of")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("occurs_at", "pk")),
            "images",
            Prefetch("children", queryset=Mission.objects.published()),
        ),
        slug=slug,
    )
    now = clock.now().replace(microsecond=0)
    milestones = list(mission.milestones.all())
    diagram = countdown.edl_diagram(
        steps=[
            (
                countdown.Moment(m.kind, m.title, m.occurs_at, m.earth_received_at),
                m.altitude_m,
                float(m.speed_m_s) if m.speed_m_s is not None else None,
            )
            for m in milestones
            if m.earth_received_at is not None
        ],
        now=now,
    )
    return render(
        request,
        "missions/mission_detail.html",
        {
            **countdown_context(mission, milestones, now),
            "milestones": milestones,
            "edl_svg": edl_svg_points(diagram),
            "mars": mars_site_clock(mission, milestones, now),
        },
    )


def load_countdown_mission(slug: str) -> tuple[Mission, list[Milestone]]:
    """A published mission and its timeline in one query (a LEFT JOIN), or Http404."""
    rows = list(
        Mission.objects.published()
        .filter(slug=slug)
        .values(
            "pk",
            "name",
            "slug",
            "landed_at",
            "rehearsal_of_id",
            "latitude",
            "longitude_east",
            "landing_sol",
            "landing_site_name",
            "milestones__kind",
            "milestones__title",
            "milestones__occurs_at",
            "milestones__signal_delay",
        )
    )
    if not rows:
        raise Http404("No such mission")
    first = rows[0]
    mission = Mission(**{k: v for k, v in first.items() if not k.startswith("milestones__")})
    milestones = [
        Milestone(
            mission=mission,
            kind=row["milestones__kind"],
            title=row["milestones__title"],
            occurs_at=row["milestones__occurs_at"],
            signal_delay=row["milestones__signal_delay"],
        )
        for row in rows
        if row["milestones__occurs_at"] is not None
    ]
    return mission, milestones


@require_GET
@vary_on_headers("HX-Request")
def mission_countdown(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The live countdown: the fragment for htmx, a small page for a plain browser."""
    now = clock.now()

    def render_fragment() -> tuple[str, int | None]:
        mission, milestones = load_countdown_mission(slug)
        context = countdown_context(mission, milestones, now.replace(microsecond=0))
        html = render_to_string("includes/countdown.html", context)
        return html, context["countdown"].poll_seconds

    if request.htmx:
        return fragment_response(request, now=now, render=render_fragment)
    mission, milestones = load_countdown_mission(slug)
    context = countdown_context(mission, milestones, now.replace(microsecond=0))
    response = render(request, "missions/countdown.html", context)
    response["Cache-Control"] = "no-cache"
    return response


def _parse_moment(text: str) -> datetime:
    """An ISO 8601 instant; without an offset it is taken as UTC."""
    text = text.strip()
    if not text or len(text) > 40:
        raise ValueError
    moment = datetime.fromisoformat(text.replace("z", "Z"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    if not 1900 <= moment.year <= 2200:
        raise ValueError
    return moment


@require_GET
@per_second_page
def mars_time(request: HtmxHttpRequest) -> HttpResponse:
    """Mars time converter: MSD, MTC and each landed mission's sol and local times."""
    raw = request.GET.get("at")
    error = ""
    try:
        at = _parse_moment(raw) if raw is not None else clock.now().replace(microsecond=0)
    except (ValueError, OverflowError):
        at = None
        error = (
            "We could not read that date and time. Use ISO 8601 in UTC, "
            "for example 2021-02-18T20:55:00Z (years 1900 to 2200)."
        )
    rows = []
    clock_at = None
    if at is not None:
        clock_at = marstime.mars_clock(at)
        missions = (
            Mission.objects.published()
            .real()
            .landed()
            .prefetch_related(
                Prefetch(
                    "milestones",
                    queryset=Milestone.objects.filter(kind=Milestone.Kind.TOUCHDOWN),
                    to_attr="touchdowns",
                )
            )
            .order_by("landed_at")
        )
        for mission in missions:
            longitude = float(mission.longitude_east)
            landed_at_mars = (
                mission.touchdowns[0].occurs_at if mission.touchdowns else mission.landed_at
            )
            rows.append(
                {
                    "mission": mission,
                    "sol": marstime.mission_sol(
                        landed_at=landed_at_mars,
                        at=at,
                        longitude_east=longitude,
                        landing_sol=mission.landing_sol,
                    ),
                    "before_landing": at < landed_at_mars,
                    "lmst": marstime.hours_to_hms(clock_at.local_mean_solar_time(longitude)),
                    "ltst": marstime.hours_to_hms(clock_at.local_true_solar_time(longitude)),
                }
            )
    return render(
        request,
        "missions/mars_time.html",
        {
            "at": at,
            "at_value": raw
            if raw is not None
            else (at.isoformat().replace("+00:00", "Z") if at else ""),
            "mars": clock_at,
            "mtc": marstime.hours_to_hms(clock_at.coordinated_mars_time) if clock_at else "",
            "rows": rows,
            "error": error,
            "utc": UTC,
        },
        status=400 if error else 200,
    )
