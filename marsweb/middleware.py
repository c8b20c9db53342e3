import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from marsweb import timezones


def language_from_path(get_response: Callable[[HttpRequest], HttpResponse]):
    """Speak the language the address names: /es/… Spanish, /ar/… Arabic, else English.

    Never the browser's Accept-Language or a cookie, and never a redirect: an address is the
    same bytes for everyone who asks for it, so no response varies on the visitor's language
    and a CDN may keep it. (Django's LocaleMiddleware reads the headers for unprefixed
    addresses and adds ``Vary: Accept-Language`` to them.) The language is active while the
    request is handled, URL resolution included, and put back afterwards.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        language = translation.get_language_from_path(request.path_info)
        with translation.override(language or settings.LANGUAGE_CODE):
            request.LANGUAGE_CODE = translation.get_language()
            response = get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    return middleware


def visitor_time_zone(get_response: Callable[[HttpRequest], HttpResponse]):
    """Render times in the zone the visitor chose (a cookie), UTC until they choose.

    Pages rendered without a choice are the same for everyone, ready for a shared cache
    (static/js/timezone.js shows their times in the browser's zone). A page rendered in a
    chosen zone is that visitor's own: private, and it varies with the cookie.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        zone = timezones.parse(request.COOKIES.get(timezones.cookie_name()))
        request.visitor_tz_chosen = zone is not None
        request.visitor_tz = zone or timezone.get_default_timezone()
        timezone.activate(request.visitor_tz)
        try:
            response = get_response(request)
        finally:
            timezone.deactivate()
        # Live fragments are rendered in UTC, the same for every zone; anything else in
        # HTML was rendered in the visitor's, whatever headers the request carried.
        if (
            request.visitor_tz_chosen
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "same_in_every_zone", False)
        ):
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, private=True)
        return response

    return middleware


PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# Headers Django has no setting for, on every response: no powerful browser features.
SECURITY_HEADERS = {"Permissions-Policy": PERMISSIONS_POLICY}


def apply_security_headers(response: HttpResponse) -> HttpResponse:
    """marsweb's security headers, on a rendered response or one answered from cache.

    The one place they are set: the ``security_headers`` middleware applies it to every
    response the stack renders, and the fragment fast path (marsweb.caching), which answers
    before that middleware runs, to every response it serves. X-Frame-Options is Django's
    (XFrameOptionsMiddleware), repeated here for the answers that middleware never sees.
    """
    for name, value in SECURITY_HEADERS.items():
        response.setdefault(name, value)
    if not getattr(response, "xframe_options_exempt", False):
        response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
    return response


def security_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    """marsweb's security headers on every response, and a readable page for a wrong
    method, which Django answers with an empty 405."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if response.status_code == 405 and not response.content:
            allowed = response.get("Allow", "")
            readable = render(request, "405.html", {"allowed": allowed}, status=405)
            readable["Allow"] = allowed
            response = readable
        return apply_security_headers(response)

    return middleware


logger = logging.getLogger("marsweb.database")


def database_unavailable(get_response: Callable[[HttpRequest], HttpResponse]):
    """When the database cannot be reached, a friendly 503 page instead of a traceback.

    Only errors of reaching the database are turned into 503s; a bug still raises (500).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        return get_response(request)

    def process_exception(request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DatabaseError) or not _is_unreachable(exception):
            return None
        logger.error("Database unreachable: %s", exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response

    middleware.process_exception = process_exception
    return middleware


def _is_unreachable(error: DatabaseError) -> bool:
    text = str(error).lower()
    signs = (
        "connection",
        "could not connect",
        "unable to open",
        "server closed",
        "timeout",
        "locked",
        "terminat",
    )
    return isinstance(error, OperationalError) and any(sign in text for sign in signs)


# Where staff upload images: these take bodies as large as MARSWEB_ADMIN_POST_MAX_BYTES.
STAFF_UPLOAD_PATHS = ("/admin/", "/live/desk/")


def refuse_large_bodies(get_response: Callable[[HttpRequest], HttpResponse]):
    """A 413 for a body larger than its form could need, before a byte of it is read.

    Django reads a POST when a view or the CSRF check first looks at it, and writes file
    uploads to disk as it goes: 300 MB were taken in, then refused for want of a token.
    Public forms are a few fields (``MARSWEB_PUBLIC_POST_MAX_BYTES``); the admin and the
    live desk take images (``MARSWEB_ADMIN_POST_MAX_BYTES``). The proxy in front sets its own
    limits too, by the same paths (deploy/nginx/marsweb.conf).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        admin = request.path.startswith(STAFF_UPLOAD_PATHS)
        limit = (
            settings.MARSWEB_ADMIN_POST_MAX_BYTES
            if admin
            else settings.MARSWEB_PUBLIC_POST_MAX_BYTES
        )
        if length > limit:
            response = render(request, "413.html", {"admin": admin}, status=413)
            response["Connection"] = "close"  # the rest of the body is not read
            return response
        return get_response(request)

    return middleware


def health_probe_any_host(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer a load balancer's probe of /healthz whatever Host it sends.

    Probes name the app server by its address (``Host: 10.0.0.11:8000``), which
    ALLOWED_HOSTS rightly refuses for every page. The probe alone is taken as addressed to
    the site: it reads nothing of the host and says only whether the app and its database
    answer. First in MIDDLEWARE, before anything reads the host.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path == "/healthz":
            site = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
            request.META["HTTP_HOST"] = site
        return get_response(request)

    return middleware
