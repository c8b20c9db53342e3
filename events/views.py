from datetime import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import ics, links
from events import rsvp as rsvp_flow
from events.boarding_pass import boarding_pass_png_cached
from events.cards import event_card
from events.display import Seats, event_countdown_panel, seats_now
from events.forms import RsvpForm
from events.models import Event, Rsvp
from events.structured import event_data
from marsweb import clock, ratelimit
from marsweb.caching import fragment_view, per_second, per_second_page, staff_preview
from marsweb.cards import card_response, share
from marsweb.countdown import CountdownPanel
from marsweb.csrf import public_form
from marsweb.htmx import HtmxHttpRequest
from marsweb.ical import calendar_response
from marsweb.ratelimit import rate_limit_posts
from missions.landing import landing_of, landing_stamp

PAST_PER_PAGE = 20


def _published_event(slug: str) -> Event:
    return get_object_or_404(Event.objects.published().select_related("mission"), slug=slug)


@require_GET
@per_second_page(reads=("page",))
def event_list(request: HtmxHttpRequest) -> HttpResponse:
    now = clock.now()
    events = Event.objects.published().select_related("mission")
    past = Paginator(events.past(now=now), PAST_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {"upcoming": list(events.upcoming(now=now)[:50]), "past": past, "now": now},
    )


def _detail(
    request: HttpRequest,
    event: Event,
    *,
    form: RsvpForm | None = None,
    status: int = 200,
    message: str = "",
    preview: bool = False,
) -> HttpResponse:
    now = clock.now().replace(microsecond=0)
    seats = seats_now(event, now)
    card = share(event_card(event, now), "events:card", slug=event.slug)
    ended = event.ends_at <= now
    # An ended event names its mission's landing once Earth has heard of it.
    landing = None
    if ended and event.mission is not None:
        landing = landing_of(event.mission, event.mission.milestones.all())
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "countdown": event_countdown_panel(event, now),
            "seats": seats,
            "structured_data": event_data(event, seats, image=card["url"]),
            "share_card": card,
            "form": form or RsvpForm(),
            "message": message,
            "now": now,
            "ended": ended,
            "heard_landing": landing if landing is not None and landing.heard_by(now) else None,
            "preview": preview,
        },
        status=status,
    )


@require_GET
@per_second_page
def event_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    event = Event.objects.published().select_related("mission").filter(slug=slug).first()
    if event is not None:
        return _detail(request, event)
    if not request.user.is_staff:  # staff may preview a draft ("View on site")
        raise Http404("No such event")
    event = get_object_or_404(Event.objects.select_related("mission"), slug=slug)
    return staff_preview(_detail(request, event, preview=True))


def _rsvp_again(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """A browser that said nothing of where the form came from: the form as typed, now with
    a token (marsweb.csrf)."""
    message = _(
        "One more step: press RSVP again to send your sign-up. Your details are kept below."
    )
    return _detail(request, _published_event(slug), form=RsvpForm(request.POST), message=message)


@require_POST
@public_form(_rsvp_again)
def event_rsvp(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Sign-up: the same "check your inbox" answer whether or not the address is known.

    The answer is a redirect to that page (Post/Redirect/Get), so reloading it never
    posts the form again, and the page itself is the same for everyone.
    """
    # Sign-ups arrive by the hundred a second on landing night: their event is read at
    # most once a second, and a staff edit (closing RSVPs, say) takes effect within it.
    event = per_second("event", slug, lambda: _published_event(slug))
    now = clock.now()
    if not event.rsvp_is_open(now=now):
        return _detail(request, event, status=400, message="RSVPs for this event are closed.")
    form = RsvpForm(request.POST)
    if wait := ratelimit.refused(
        request, "rsvp", email=form.data.get("email", ""), within=event.slug
    ):
        # What the visitor typed stays in the form, ready to send again.
        message = ratelimit.kept_form_message(wait, "sign-ups")
        return ratelimit.too_many(_detail(request, event, form=form, message=message), wait)
    if form.is_robot:
        return _see_inbox(event)
    if not form.is_valid():
        return _detail(request, event, form=form, status=400)
    rsvp_flow.rsvp_request(
        event=event,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        language=request.LANGUAGE_CODE,
        now=now,
    )
    return _see_inbox(event)


def _see_inbox(event: Event) -> HttpResponseRedirect:
    # 303 See Other: the browser fetches the page with a GET.
    return HttpResponseRedirect(
        reverse("events:rsvp-sent", kwargs={"slug": event.slug}), status=303
    )


@require_GET
@per_second_page
def event_rsvp_sent(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Where a sign-up lands: "check your inbox"."""
    return render(request, "events/rsvp_requested.html", {"event": _published_event(slug)})


def _countdown_page(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The countdown for a browser without htmx: a small page, as of now."""
    event = _published_event(slug)
    panel = event_countdown_panel(event, clock.now().replace(microsecond=0))
    response = render(request, "events/event_countdown.html", {"countdown": panel, "event": event})
    response["Cache-Control"] = "no-cache"
    return response


def _countdown_panel(*, slug: str, now: datetime) -> CountdownPanel:
    return event_countdown_panel(_published_event(slug), now)


def _seats(*, slug: str, now: datetime) -> Seats:
    return seats_now(_published_event(slug), now)


def _seats_on_the_page(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    return redirect(reverse("events:detail", kwargs={"slug": slug}) + "#seats")


event_countdown = fragment_view(
    "includes/countdown.html", "countdown", _countdown_panel, plain=_countdown_page
)
# Seats left, live while RSVPs are open.
event_seats = fragment_view(
    "events/event_detail.html#seats", "seats", _seats, plain=_seats_on_the_page
)


@require_GET
def event_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    event = _published_event(slug)
    return calendar_response(request, ics.event_calendar(event), f"{event.slug}.ics")


@require_GET
def events_calendar(request: HttpRequest) -> HttpResponse:
    """Every published event, as a feed calendar apps subscribe to (webcal://)."""
    events = Event.objects.filter(is_published=True).order_by("starts_at", "pk")
    return calendar_response(request, ics.events_calendar(events), "mars-landing-events.ics")


def _rsvp_or_404(token: str) -> Rsvp:
    if len(token) > 64:
        raise Http404("No such RSVP")
    rsvp = Rsvp.objects.select_related("event").filter(token=token, purged_at=None).first()
    if rsvp is None:
        raise Http404("No such RSVP")
    return rsvp


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_GET
def rsvp_page(request: HttpRequest, token: str) -> HttpResponse:
    """The attendee's own page: status, join link once seated, calendar, boarding pass, cancel."""
    rsvp = _rsvp_or_404(token)
    now = clock.now()
    return _private(
        render(
            request,
            "events/rsvp_page.html",
            {
                "rsvp": rsvp,
                "event": rsvp.event,
                "position": rsvp.waitlist_position(),
                "expired": rsvp_flow.rsvp_is_expired(rsvp, now=now),
                "event_over": rsvp.event.ends_at <= now,
            },
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit_posts("rsvp-confirm")
def rsvp_confirm_page(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links; a GET changes nothing); POST confirms."""
    try:
        rsvp = links.rsvp_from_confirm_token(token[:200])
    except links.LinkExpired:
        return _private(render(request, "events/link_expired.html", status=410))
    except links.LinkInvalid:
        return _private(render(request, "events/link_invalid.html", status=404))
    if rsvp.purged_at is not None:
        return _private(render(request, "events/link_invalid.html", status=404))
    if request.method == "POST":
        rsvp_flow.rsvp_confirm(rsvp=rsvp)
        return redirect(rsvp.get_absolute_url())
    return _private(
        render(request, "events/rsvp_confirm.html", {"rsvp": rsvp, "event": rsvp.event})
    )


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit_posts("rsvp-cancel")
def rsvp_cancel_page(request: HttpRequest, token: str) -> HttpResponse:
    rsvp = _rsvp_or_404(token)
    if request.method == "POST":
        rsvp_flow.rsvp_cancel(rsvp=rsvp)
        return redirect(rsvp.get_absolute_url())
    context = {
        "rsvp": rsvp,
        "event": rsvp.event,
        # Whether a seat given up now would go to someone waiting, or simply be free again.
        "someone_waiting": rsvp.event.rsvps.waitlisted().exists(),
    }
    return _private(render(request, "events/rsvp_cancel.html", context))


@never_cache
@require_GET
def rsvp_boarding_pass(request: HttpRequest, token: str) -> HttpResponse:
    rsvp = _rsvp_or_404(token)
    if rsvp.status not in (Rsvp.Status.SEATED, Rsvp.Status.WAITLISTED):
        raise Http404("Confirm your RSVP to get a boarding pass")
    event = rsvp.event
    mission = event.mission
    # Its mission's landing: when Earth will hear of it, then the stamp saying it landed.
    landing = (
        landing_stamp(mission, list(mission.milestones.all()), clock.now()) if mission else None
    )
    # In the attendee's language, whichever language's address it was fetched from: their
    # emails link to it, and the pass may be passed around.
    with translation.override(rsvp.language):
        png = boarding_pass_png_cached(
            name=rsvp.name,
            event_title=event.title,
            starts_local=timezone.localtime(event.starts_at, event.zone),
            destination=(
                mission.landing_site_name
                if mission and mission.landing_site_name
                else gettext("Mars")
            ),
            code=rsvp.pass_code,
            waitlist_position=rsvp.waitlist_position(),
            landing=landing,
            language=rsvp.language,
        )
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = (
        f'attachment; filename="boarding-pass-{slugify(event.slug)}.png"'
    )
    return _private(response)


@require_GET
def event_card_image(request: HttpRequest, slug: str, digest: str) -> HttpResponse:
    """The event's share card (marsweb.cards), as its page links it."""
    event = _published_event(slug)
    now = clock.now().replace(microsecond=0)
    return card_response(request, event_card(event, now), digest)
