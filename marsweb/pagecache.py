"""Public pages rendered at most once a second per process, for landing-night crowds.

A page's bytes depend on its URL, the clock's second and the time zone it is rendered in
(UTC unless the visitor chose one), never on anything else about the visitor: no nonce
(public pages carry no inline script), no CSRF token (cut out of a page with a form and
put back per visitor). So each process renders a page at most once a second per zone and
answers everyone else from memory, and a CDN in front may do the same.
"""

import hashlib
import re
import threading
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from marsweb import clock

CACHE = "default"
# Seconds a shared cache (a CDN) may keep a public page: each page shows the server's
# time to the second, so one second. Browsers always ask again (max-age=0).
SHARED_MAX_AGE = 1
KEPT_HEADERS = ("Content-Type", "Vary", "Cache-Control", "Content-Language")


CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
CSRF_PLACEHOLDER = "__csrf_token_for_this_visitor__"


def per_second_page(
    view: Callable[..., HttpResponse] | None = None, *, with_form: bool = False
) -> Callable[..., HttpResponse]:
    """Cache a public GET page for the rest of its second.

    ``with_form``: the page has a form. It is rendered once a second with its CSRF token
    cut out, and each visitor's own token is put back in on the way out; such a response
    is marked private, never for a shared cache.
    """
    if view is None:
        return lambda v: per_second_page(v, with_form=with_form)

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
        if hit is None:
            # One thread renders; the others that missed the same second wait for its page
            # instead of rendering it again (a long page under load would take them all).
            with _render_lock(address):
                hit = cache.get(key)
                if hit is None:
                    response = view(request, *args, **kwargs)
                    hit = _store(request, response, key, with_form=with_form)
                    if hit is None:
                        return response
        status, content, headers = hit
        if with_form and CSRF_PLACEHOLDER.encode() in content:
            content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        if with_form:
            response["Cache-Control"] = "private, no-cache"
        elif status == 200:
            # The same bytes for everyone: a CDN may keep it for the second it belongs to.
            # (marsweb.middleware makes a page rendered in a visitor's chosen zone private.)
            response.setdefault("Cache-Control", f"public, max-age=0, s-maxage={SHARED_MAX_AGE}")
        return response

    return wrapped


def _store(
    request: HttpRequest, response: HttpResponse, key: str, *, with_form: bool
) -> tuple[int, bytes, list[tuple[str, str]]] | None:
    """Keep a rendered page for the rest of its second; None when it must not be shared."""
    content = response.content if not response.streaming else b""
    if with_form and response.status_code == 200:
        content = CSRF_FIELD.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content.decode()).encode()
        request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)  # set again per visitor
    if not _cacheable(request, response):
        return None
    headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
    hit = (response.status_code, content, headers)
    caches[CACHE].set(key, hit, timeout=3)
    return hit


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _render_lock(address: str) -> threading.Lock:
    """This process's lock for rendering one page (URL, zone, htmx or not)."""
    with _locks_guard:
        lock = _locks.get(address)
        if lock is None:
            if len(_locks) >= 10_000:  # bounded: at worst two threads render one page
                _locks.clear()
            lock = _locks[address] = threading.Lock()
        return lock


def _cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    nonce = getattr(request, "_csp_nonce", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page carries a CSRF token
        and not nonce  # the page carries a nonce
    )
