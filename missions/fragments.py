"""Live fragments that thousands poll at once: rendered once per second per process.

A fragment's bytes depend only on the clock's whole second and the content, never on the
visitor, so every process renders it at most once a second and answers everyone else from
its own memory (no database, no template). Browsers and CDNs may keep it for as long as
the fragment itself waits before asking again; a repeat with the same ETag gets a 304.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

# Per process on purpose: the shared cache may be the database (no REDIS_URL), and a
# fragment must cost no query on a hit. Each process renders at most once per second.
FRAGMENT_CACHE = "default"


def fragment_response(
    request: HttpRequest,
    *,
    key: str,
    now: datetime,
    render: Callable[[], tuple[str, int | None]],
) -> HttpResponse:
    """Serve the fragment ``key`` as of ``now``'s whole second, from cache when possible.

    ``render`` returns (html, poll seconds or None); it runs only on a miss.
    """
    second = int(now.timestamp())
    cache = caches[FRAGMENT_CACHE]
    cache_key = f"fragment:{key}:{second}"
    cached = cache.get(cache_key)
    if cached is None:
        html, poll = render()
        etag = '"' + hashlib.blake2b(html.encode(), digest_size=12).hexdigest() + '"'
        cached = (html, poll, etag)
        cache.set(cache_key, cached, timeout=5)
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
