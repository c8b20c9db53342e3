"""City light schedules: /lights/, its live "lit now" fragment, the calendar, submissions."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from lights import geojson, ics, schedule, sun
from lights.cards import lights_card
from lights.forms import LightingSubmitForm
from lights.models import Lighting
from marsweb import clock, ratelimit
from marsweb.caching import content_response, fragment_view, per_second_page
from marsweb.cards import card_response, share
from marsweb.csrf import public_form
from marsweb.htmx import HtmxHttpRequest
from marsweb.ical import calendar_response
from marsweb.translated import typed_in

MAP = {"width": 360, "height": 180}


@dataclass(frozen=True)
class LightingRow:
    lighting: Lighting
    state: schedule.LightingState
    start_words: str
    end_words: str
    x: float
    y: float


def rows_for(lightings, now: datetime) -> list[LightingRow]:
    return [
        LightingRow(
            lighting=lighting,
            state=schedule.lighting_state(lighting, now=now),
            start_words=sun.describe(schedule.start_rule(lighting), role="start"),
            end_words=sun.describe(schedule.end_rule(lighting), role="end"),
            x=round(float(lighting.longitude) + 180, 2),
            y=round(90 - float(lighting.latitude), 2),
        )
        for lighting in lightings
    ]


def group_by_night(
    rows: list[LightingRow],
) -> tuple[list[tuple[date | None, list[LightingRow]]], list[tuple[date, list[LightingRow]]]]:
    """(nights to come, earlier nights): tonight and the nights ahead in order, those
    without a start time after them; then the nights whose every lighting has ended,
    the latest first."""
    nights: dict[date | None, list[LightingRow]] = {}
    for row in rows:
        lighting = row.lighting
        night = sun.night_of(lighting.starts_at, lighting.zone) if lighting.starts_at else None
        nights.setdefault(night, []).append(row)
    over = {
        night
        for night, night_rows in nights.items()
        if night and all(row.state.kind == "ended" for row in night_rows)
    }
    coming = sorted(
        ((night, night_rows) for night, night_rows in nights.items() if night not in over),
        key=lambda item: (item[0] is None, item[0] or date.min),
    )
    earlier = sorted(
        ((night, night_rows) for night, night_rows in nights.items() if night in over),
        key=lambda item: item[0],
        reverse=True,
    )
    return coming, earlier


@require_GET
@per_second_page
def lights_page(request: HtmxHttpRequest) -> HttpResponse:
    now = clock.now().replace(microsecond=0)
    lightings = list(Lighting.objects.published())
    rows = rows_for(lightings, now)
    nights, past_nights = group_by_night(rows)
    return render(
        request,
        "lights/lights.html",
        {
            "nights": nights,
            "past_nights": past_nights,
            "rows": rows,
            "map": MAP,
            "now": now,
            "lit_now": schedule.lit_now(lightings, now=now),
            "share_card": share(lights_card(lightings, now), "lights:card"),
        },
    )


@require_GET
def lights_card_image(request: HttpRequest, digest: str) -> HttpResponse:
    """The lights page's share card (marsweb.cards), as the page links it."""
    now = clock.now().replace(microsecond=0)
    return card_response(request, lights_card(list(Lighting.objects.published()), now), digest)


def _lit_now(*, now: datetime) -> schedule.LitNow:
    return schedule.lit_now(Lighting.objects.published().not_over(now), now=now)


def _lit_now_on_the_page(request: HtmxHttpRequest) -> HttpResponse:
    return redirect(reverse("lights:list") + "#lit-now")


# What is lit right now: a live fragment for htmx, the page for a plain browser.
lights_now = fragment_view(
    "lights/lights.html#lit-now", "lit_now", _lit_now, plain=_lit_now_on_the_page
)


@require_GET
def lights_calendar(request: HttpRequest) -> HttpResponse:
    """Every published lighting, as a feed calendar apps subscribe to (webcal://)."""
    lightings = Lighting.objects.published().exclude(starts_at=None).exclude(ends_at=None)
    return calendar_response(request, ics.lightings_calendar(lightings), "mars-landing-lights.ics")


@require_GET
def city_calendar(request: HttpRequest, city: str) -> HttpResponse:
    """One city's published lightings as a feed: a lighting approved there later shows up in
    a subscribed calendar at its next refresh, and one announced there later too (a city
    whose lightings have no times yet is a calendar waiting for them). A city with no
    published lighting is not found."""
    lightings = list(Lighting.objects.published().filter(city_slug=city))
    if not lightings:
        raise Http404("No lightings in that city")
    name = lightings[0].city
    body = ics.lightings_calendar(lightings, city=name, zone=lightings[0].time_zone)
    return calendar_response(request, body, f"mars-landing-lights-{city}.ics")


@require_GET
def lights_geojson(request: HttpRequest) -> HttpResponse:
    """/lights.geojson: every published lighting on a map (RFC 7946). Its states change
    with the clock: a minute's copy is fresh enough for any cache, and the same bytes
    answer a 304."""
    lightings = Lighting.objects.published()
    body = geojson.lightings_geojson(lightings, now=clock.now().replace(second=0, microsecond=0))
    return content_response(request, body, content_type="application/geo+json", max_age=60)


def _submit_again(request: HttpRequest) -> HttpResponse:
    """A browser that said nothing of where the form came from: the form as typed, now with
    a token (marsweb.csrf)."""
    message = _("One more step: press the button again to send it. Your details are kept below.")
    form = LightingSubmitForm(request.POST)
    return render(request, "lights/submit.html", {"form": form, "message": message})


@require_http_methods(["GET", "POST"])
@per_second_page
@public_form(_submit_again)
def lights_submit(request: HttpRequest) -> HttpResponse:
    """ "Light your town red": stored unpublished; staff approve it before it shows.

    The page is the same for everyone (no token in it: marsweb.csrf protects the POST)."""
    if request.method == "GET":
        return render(request, "lights/submit.html", {"form": LightingSubmitForm()})
    form = LightingSubmitForm(request.POST)
    email = form.data.get("submitter_email", "")
    if wait := ratelimit.refused(request, "lights-submit", email=email):
        # What the visitor typed stays in the form, ready to send again.
        message = ratelimit.kept_form_message(wait, "submissions")
        page = render(request, "lights/submit.html", {"form": form, "message": message})
        return ratelimit.too_many(page, wait)
    if form.is_robot:
        return render(request, "lights/submitted.html", {"lighting": None})
    if form.is_valid():
        lighting = form.save(commit=False)
        lighting.submitter_language = request.LANGUAGE_CODE
        typed_in(lighting, request.LANGUAGE_CODE)
        try:
            schedule.lighting_submit(lighting=lighting)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return render(request, "lights/submitted.html", {"lighting": lighting})
    return render(request, "lights/submit.html", {"form": form}, status=400)
