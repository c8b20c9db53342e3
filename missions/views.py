from datetime import UTC, datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from marsweb import clock
from marsweb.caching import fragment_view, per_second_page, staff_preview
from marsweb.cards import card_response, share
from marsweb.countdown import CountdownPanel
from marsweb.htmx import HtmxHttpRequest
from marsweb.ical import calendar_response
from missions import ics, landing, live, marstime, structured
from missions.cards import mission_card
from missions.forms import MarsTimeForm
from missions.models import LiveUpdate, Milestone, Mission

MISSIONS_PER_PAGE = 24


@require_GET
@per_second_page(reads=("page",))
def mission_list(request: HtmxHttpRequest) -> HttpResponse:
    missions = Mission.objects.published().select_related("parent").prefetch_related("images")
    page = Paginator(missions, MISSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/mission_list.html",
        {"page": page, "missions": page.object_list, "now": clock.now()},
    )


@require_GET
@per_second_page(reads=("order",))
def mission_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    missions = Mission.objects.select_related("parent", "rehearsal_of").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("occurs_at", "pk")),
        "images",
        Prefetch("children", queryset=Mission.objects.published()),
        "live_updates",
    )
    mission = missions.published().filter(slug=slug).first()
    preview = mission is None
    if preview:  # staff following "View on site" for a draft; anyone else: not found
        if not request.user.is_staff:
            raise Http404("No such mission")
        mission = get_object_or_404(missions, slug=slug)
    now = clock.now().replace(microsecond=0)
    milestones = list(mission.milestones.all())
    feed = live.build_feed(
        mission,
        milestones,
        mission.live_updates.all(),
        now=now,
        oldest_first=request.GET.get("order") == "oldest",
    )
    page_url = settings.SITE_URL + mission.get_absolute_url()
    card = share(mission_card(mission, milestones, now, feed=feed), "missions:card", slug=slug)
    response = render(
        request,
        "missions/mission_detail.html",
        {
            "preview": preview,
            "mission": mission,
            "now": now,
            "countdown": landing.mission_countdown_panel(mission, milestones, now),
            "landing_data": structured.landing_data(mission, milestones, image=card["url"]),
            "share_card": card,
            "milestones": milestones,
            "edl": landing.edl_picture(milestones, now),
            "mars": landing.site_clock(mission, milestones, now),
            "feed": feed,
            "live_data": live.structured_data(feed, page_url=page_url) if feed.starts else None,
        },
    )
    return staff_preview(response) if preview else response


def _published_timeline(slug: str) -> tuple[Mission, list[Milestone]]:
    try:
        return Mission.objects.published().with_timeline(slug=slug)
    except Mission.DoesNotExist:
        raise Http404("No such mission") from None


def _countdown_panel(*, slug: str, now: datetime) -> CountdownPanel:
    mission, milestones = _published_timeline(slug)
    return landing.mission_countdown_panel(mission, milestones, now)


def _countdown_page(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The countdown for a browser without htmx: a small page, as of now."""
    mission, milestones = _published_timeline(slug)
    now = clock.now().replace(microsecond=0)
    context = {
        "mission": mission,
        "countdown": landing.mission_countdown_panel(mission, milestones, now),
    }
    response = render(request, "missions/countdown.html", context)
    response["Cache-Control"] = "no-cache"
    return response


mission_countdown = fragment_view(
    "includes/countdown.html", "countdown", _countdown_panel, plain=_countdown_page
)


def _live_feed(*, slug: str, now: datetime) -> live.Feed:
    mission, milestones = _published_timeline(slug)
    updates = LiveUpdate.objects.filter(mission=mission)
    return live.build_feed(mission, milestones, updates, now=now)


def _live_page(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The feed for a browser without htmx: where it is on the mission's page, as of now."""
    mission, _ = _published_timeline(slug)
    return redirect(mission.get_absolute_url() + "#live")


# What a mission's page polls for new posts: the latest of the feed, the same bytes for
# every visitor, rendered at most once a second (static/js/live.js shows what is new).
mission_live = fragment_view(
    "missions/includes/live_poll.html", "feed", _live_feed, plain=_live_page
)


@require_GET
@per_second_page(reads=("at",))
def mars_time(request: HtmxHttpRequest) -> HttpResponse:
    """Mars time converter: MSD, MTC and each landed mission's sol and local times."""
    asked = "at" in request.GET
    form = MarsTimeForm(request.GET if asked else None)
    if asked and not form.is_valid():
        return render(
            request,
            "missions/mars_time.html",
            {"at_value": request.GET["at"], "error": form.errors["at"][0]},
            status=400,
        )
    at = form.cleaned_data["at"] if asked else clock.now().replace(microsecond=0)
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
    rows = []
    for mission in missions:
        longitude = float(mission.longitude_east)
        rows.append(
            {
                "mission": mission,
                "sol": landing.mission_sol_at(mission, mission.touchdowns, at=at),
                "before_landing": at < landing.touchdown_at_mars(mission, mission.touchdowns),
                "lmst": marstime.hours_to_hms(clock_at.local_mean_solar_time(longitude)),
                "ltst": marstime.hours_to_hms(clock_at.local_true_solar_time(longitude)),
            }
        )
    return render(
        request,
        "missions/mars_time.html",
        {
            "at": at,
            "at_value": request.GET["at"] if asked else at.isoformat().replace("+00:00", "Z"),
            "mars": clock_at,
            "mtc": marstime.hours_to_hms(clock_at.coordinated_mars_time),
            "rows": rows,
            "utc": UTC,
        },
    )


@require_GET
def mission_calendar(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The mission's timeline as a feed calendar apps subscribe to (webcal://)."""
    mission = get_object_or_404(Mission.objects.published(), slug=slug)
    milestones = list(mission.milestones.order_by("occurs_at", "pk"))
    body = ics.mission_calendar(mission, milestones)
    return calendar_response(request, body, f"{mission.slug}-timeline.ics")


@require_GET
def mission_card_image(request: HtmxHttpRequest, slug: str, digest: str) -> HttpResponse:
    """The mission's share card (marsweb.cards), as its page links it."""
    mission = get_object_or_404(Mission.objects.published(), slug=slug)
    now = clock.now().replace(microsecond=0)
    milestones = list(mission.milestones.order_by("occurs_at", "pk"))
    feed = live.build_feed(mission, milestones, mission.live_updates.all(), now=now)
    return card_response(request, mission_card(mission, milestones, now, feed=feed), digest)
