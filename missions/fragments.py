"""Live fragments that thousands poll at once: rendered once per second per process.

Cached under their URL path: two views must never serve different fragments at one path.

A fragment's bytes depend only on the clock's whole second and the content, never on the
visitor, so every process renders it at most once a second and answers everyone else from
its own memory (no database, no template). Browsers and CDNs may keep it for as long as
the fragment itself waits before asking again; a repeat with the same ETag gets a 304.
"""

import contextlib
import hashlib
from collections.abc import Callable
from datetime import datetime

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

# First the process's own memory, then (only when it is Redis) the shared cache, so that
# with several servers a second's fragment is rendered once for all of them. A shared
# cache in the database is skipped: a fragment must cost no query on a hit.
LOCAL_CACHE = "default"
SHARED_CACHE = "shared"


def _shared_cache():
    from django.conf import settings

    if settings.CACHES[SHARED_CACHE]["BACKEND"].endswith("DatabaseCache"):
        return None
    return caches[SHARED_CACHE]


def _cache_key(path: str, now: datetime) -> str:
    return f"fragment:{path}:{int(now.timestamp())}"


def _respond(request: HttpRequest, cached: tuple[str, int | None, str]) -> HttpResponse:
    html, poll, etag = cached
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(html)
    response["ETag"] = etag
    max_age = poll or 60
    response["Cache-Control"] = f"public, max-age={max_age}, s-maxage={max_age}"
    patch_vary_headers(response, ["HX-Request"])
    return response


def fragment_response(
    request: HttpRequest,
    *,
    now: datetime,
    render: Callable[[], tuple[str, int | None]],
) -> HttpResponse:
    """Serve the fragment at this request's path as of ``now``'s whole second, from cache
    when possible. ``render`` returns (html, poll seconds or None); it runs only on a miss.
    """
    cache_key = _cache_key(request.path, now)
    local = caches[LOCAL_CACHE]
    cached = local.get(cache_key)
    if cached is None:
        shared = _shared_cache()
        cached = _get_quietly(shared, cache_key)
        if cached is None:
            html, poll = render()
            etag = '"' + hashlib.blake2b(html.encode(), digest_size=12).hexdigest() + '"'
            cached = (html, poll, etag)
            _set_quietly(shared, cache_key, cached)
        local.set(cache_key, cached, timeout=5)
    return _respond(request, cached)


def fragment_fast_path(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer a fragment this process rendered this second before the rest of the stack runs.

    Sits right after the security, CSP and static-file middleware: a hit skips sessions,
    CSRF, authentication and the view (it needs none of them), and still carries the
    headers every response gets. A miss goes on to the view, which renders and caches it.
    """
    from marsweb import clock
    from marsweb.middleware import PERMISSIONS_POLICY

    local = caches[LOCAL_CACHE]

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method == "GET" and request.headers.get("HX-Request") == "true":
            cached = local.get(_cache_key(request.path, clock.now()))
            if cached is not None:
                response = _respond(request, cached)
                response["X-Frame-Options"] = "DENY"
                response["Permissions-Policy"] = PERMISSIONS_POLICY
                return response
        return get_response(request)

    return middleware


def _get_quietly(cache, key):
    """A shared cache that is down is a miss, not an error: the page still renders."""
    if cache is None:
        return None
    try:
        return cache.get(key)
    except Exception:  # any client error of any cache backend
        return None


def _set_quietly(cache, key, value) -> None:
    if cache is None:
        return
    with contextlib.suppress(Exception):  # a shared cache that is down only costs a render
        cache.set(key, value, timeout=5)
