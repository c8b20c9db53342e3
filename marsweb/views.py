"""Site-wide pages: home, health check, robots.txt, time zone choice, error pages."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.static import serve as static_serve

from events.models import Event
from lights.models import Lighting
from marsweb import clock, timezones
from marsweb.caching import per_second_page
from marsweb.cards import Card, card_response, share
from marsweb.icons import mars_icon_png
from missions import live
from missions.cards import mission_card
from missions.landing import mission_countdown_panel
from missions.models import LiveUpdate, Mission

HOME_MISSIONS = 12
HOME_EVENTS = 3
HOME_LIGHTINGS = 6


@require_GET
@per_second_page
def home(request: HttpRequest) -> HttpResponse:
    """The featured landing's live countdown, next events, tonight's lights, the missions."""
    now = clock.now().replace(microsecond=0)
    featured, milestones, feed = _featured_landing(now)
    context: dict = {"featured": featured, "now": now}
    context["events"] = events = list(
        Event.objects.published().upcoming(now=now).select_related("mission")[:HOME_EVENTS]
    )
    if featured is not None:
        context["countdown"] = mission_countdown_panel(featured, milestones, now)
        context["feed"] = feed
        # The hero's second button: the next event watching this landing, if any.
        context["watch"] = next((e for e in events if e.mission_id == featured.pk), None)
    context["lightings"] = list(Lighting.objects.published().tonight(now=now)[:HOME_LIGHTINGS])
    context["missions"] = list(
        Mission.objects.published()
        .real()
        .exclude(pk=featured.pk if featured else None)
        .select_related("parent")
        .prefetch_related("images")[:HOME_MISSIONS]
    )
    context["share_card"] = share(_home_card(featured, milestones, feed, now), "home-card")
    return render(request, "home.html", context)


def _featured_landing(now) -> tuple[Mission | None, list, live.Feed | None]:
    """The landing the home page features, its timeline and its live feed (three queries)."""
    featured = Mission.objects.published().select_related("rehearsal_of").featured_for_home(now=now)
    if featured is None:
        return None, [], None
    milestones = list(featured.milestones.all())
    updates = LiveUpdate.objects.filter(mission=featured)
    return featured, milestones, live.build_feed(featured, milestones, updates, now=now)


def _home_card(featured, milestones, feed, now) -> Card:
    """The home page's share card: the featured landing, or the site's name alone."""
    eyebrow = str(_("Watch the landing live"))
    if featured is None:
        title = str(_("Mars landing night"))
        return Card(eyebrow=eyebrow, title=title, language=translation.get_language())
    return mission_card(featured, milestones, now, feed=feed, eyebrow=eyebrow)


@require_GET
def home_card_image(request: HttpRequest, digest: str) -> HttpResponse:
    """The home page's share card (marsweb.cards), as the page links it."""
    now = clock.now().replace(microsecond=0)
    return card_response(request, _home_card(*_featured_landing(now), now), digest)


@require_GET
def server_time(request: HttpRequest) -> HttpResponse:
    """The server's time for the page's clocks (marsweb.clock.time_response); usually
    answered before the middleware stack by marsweb.caching.fragment_fast_path."""
    return clock.time_response()


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers: 200 or 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def icon(request: HttpRequest, size: int) -> HttpResponse:
    """The site's icon as a PNG: /favicon.ico, which browsers ask for on their own, and the
    home-screen icon of phones. Drawn once per process (marsweb.icons)."""
    response = HttpResponse(mars_icon_png(size), content_type="image/png")
    response["Cache-Control"] = "public, max-age=604800"
    return response


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /timezone/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("home")


@cache_control(private=True, no_cache=True)  # it shows (and sets) the visitor's own choice
@require_http_methods(["GET", "POST"])
def choose_time_zone(request: HttpRequest) -> HttpResponse:
    """Let the visitor pick the zone every time on the site is shown in (a cookie)."""
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    error = ""
    if request.method == "POST":
        name = request.POST.get("tz", "")
        if request.POST.get("forget"):  # back to the browser's own zone (UTC without JS)
            response = HttpResponseRedirect(next_url)
            response.delete_cookie(timezones.cookie_name(), samesite="Lax")
            return response
        if timezones.parse(name) is not None:
            response = HttpResponseRedirect(next_url)
            response.set_cookie(
                timezones.cookie_name(),
                name,
                max_age=timezones.COOKIE_MAX_AGE,
                samesite="Lax",
                secure=request.is_secure() or timezones.cookie_name().startswith("__Host-"),
            )
            return response
        error = _("Choose a time zone from the list, for example Europe/London.")
    response = render(
        request,
        "timezone.html",
        {
            "choices": timezones.grouped_choices(),
            "current": str(request.visitor_tz),
            "chosen": request.visitor_tz_chosen,
            "next": next_url,
            "error": error,
        },
        status=400 if error else 200,
    )
    return response


@require_GET
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images, for a deployment that keeps them on the app server's disk.

    A deployment with object storage (STORAGES["default"]) sets DJANGO_SERVE_MEDIA=0.
    Uploaded names never change once stored, so they may be cached for a long time.
    """
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without a request context: nothing on it can fail again."""
    return render(None, "500.html", status=500)
