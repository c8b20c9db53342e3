"""Public pages rendered at most once a second per process, for landing-night crowds.

A page's bytes depend on its URL, the clock's second and the visitor's time zone, never
on anything else about the visitor: no nonce (public pages carry no inline script), no
CSRF token (pages with a form are not cached). So each process renders a page at most
once a second per zone and answers everyone else from memory.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

from marsweb import clock

CACHE = "default"
KEPT_HEADERS = ("Content-Type", "Vary", "Cache-Control", "Content-Language")


def per_second_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET":
            return view(request, *args, **kwargs)
        zone = str(getattr(request, "visitor_tz", "UTC"))
        htmx = request.headers.get("HX-Request", "")
        address = hashlib.blake2b(
            f"{request.get_full_path()}|{zone}|{htmx}".encode(), digest_size=16
        ).hexdigest()
        key = f"page:{address}:{int(clock.now().timestamp())}"
        cache = caches[CACHE]
        hit = cache.get(key)
        if hit is not None:
            status, content, headers = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _cacheable(request, response):
            headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
            cache.set(key, (response.status_code, response.content, headers), timeout=3)
        return response

    return wrapped


def _cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    nonce = getattr(request, "_csp_nonce", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page carries a CSRF token
        and not nonce  # the page carries a nonce
    )
