"""Rendered at most once a second: the one rule for public pages, live fragments and hot rows.

On landing night a crowd asks for a handful of URLs at once, and what they get is the same
for everyone within one second of the site's clock (``marsweb.clock``): no page carries a
token, nonce or anything else of a visitor's, and times are written in UTC for the browser
to show in its own zone. So each process does the work for an address at most once a second
and answers everyone else from its memory. This module is where that rule lives.

**What, under which address.** Every entry is keyed by ``second_key(kind, address, now)``:

- *public pages* (``per_second_page``): the path with the query parameters the page reads,
  the zone the page is rendered in and whether htmx asked. A page with a public form carries
  no token (``marsweb.csrf`` protects its POST), so it is shared like any other.
- *live fragments* (``fragment_view``, ``fragment_response``): the path. A fragment carries
  durations, never a zone, so one copy serves every visitor; its ETag turns a repeat into a
  304. ``fragment_fast_path``, a middleware, answers a fragment this process already has
  before sessions, CSRF, authentication and the view run.
- *rows a hot write path reads* (``per_second``): the event every sign-up is for.

**Locks.** The first thread to miss an address renders it; the threads that miss the same
address in the same second wait for its copy (one lock per address and process, their number
bounded), so a slow page under load is rendered once, not once per waiting thread.

**The shared cache.** Fragments, and only they, also pass through the shared cache when it is
Redis: a second's fragment is then rendered once for all servers. Redis is read only on a
local miss (once a second per process), and a Redis that is down costs a render, never an
error. The shared cache in the database is never used for this: a hit must cost no query.

**Headers.** A cached answer leaves with the headers a rendered one gets. Django's security,
CSP and static-file middleware sit outside the fast path and add theirs to both; marsweb's
own (``marsweb.middleware.apply_security_headers``) are applied by the fast path itself, with
the very function the ``security_headers`` middleware applies to every other response.

**Why per process, behind a CDN.** Pages say ``Cache-Control: public, s-maxage=1`` and
fragments ``s-maxage`` = their poll interval, so a CDN edge asks the origin for each at most
once per period, however large the crowd, and each of N processes renders it at most once a
second. A cache shared by the processes could save at most N−1 renders a second of a page,
at the price of a network round trip on every hit and one more thing to fail on the night:
memory is faster and cannot go down.
"""

import contextlib
import hashlib
import re
import threading
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Protocol
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from marsweb import clock
from marsweb.htmx import HtmxHttpRequest
from marsweb.middleware import apply_security_headers

LOCAL_CACHE = "default"
SHARED_CACHE = "shared"
# Entries are keyed by their second, so this only bounds how long memory holds them (a few
# seconds, room for servers whose clocks differ a little).
KEEP_SECONDS = 5
# A public page shows the server's time to the second: a CDN may keep it that long, and
# browsers always ask again (max-age=0).
PAGE_SHARED_MAX_AGE = 1
PAGE_HEADERS = ("Content-Type", "Vary", "Cache-Control", "Content-Language")


def second_key(kind: str, address: str, now: datetime) -> str:
    """The cache key of ``address`` during the whole second ``now`` falls in."""
    return f"{kind}:{address}:{int(now.timestamp())}"


def _once_a_second[T](
    kind: str,
    address: str,
    compute: Callable[[], T | None],
    *,
    now: datetime,
    shared=None,
) -> T | None:
    """``address``'s value this second: from memory, else ``shared``, else ``compute()``.

    One thread per process computes an address at a time. ``compute`` may return None for
    "nothing to keep" (a page that must not be shared): nothing is stored, and the next
    visitor computes it again.
    """
    key = second_key(kind, address, now)
    local = caches[LOCAL_CACHE]
    value = local.get(key)
    if value is not None:
        return value
    with _lock(f"{kind}:{address}"):
        value = local.get(key)
        if value is None:
            value = _get_quietly(shared, key)
            if value is None:
                value = compute()
                if value is None:
                    return None
                _set_quietly(shared, key, value)
            local.set(key, value, timeout=KEEP_SECONDS)
    return value


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock(address: str) -> threading.Lock:
    """This process's lock for computing one address."""
    with _locks_guard:
        lock = _locks.get(address)
        if lock is None:
            if len(_locks) >= 10_000:  # bounded: at worst two threads compute one address
                _locks.clear()
            lock = _locks[address] = threading.Lock()
        return lock


def _shared_fragment_cache():
    """The shared cache when it is Redis; None when it is the database (a hit costs a query)."""
    if settings.CACHES[SHARED_CACHE]["BACKEND"].endswith("DatabaseCache"):
        return None
    return caches[SHARED_CACHE]


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
        cache.set(key, value, timeout=KEEP_SECONDS)


# Rows


def per_second[T](kind: str, address: str, load: Callable[[], T]) -> T:
    """``load()``'s value, loaded at most once a second per process.

    For rows a hot write path reads (the event of every sign-up): a staff edit takes effect
    within a second, as on the pages. An exception (Http404) is raised to each caller.
    """
    return _once_a_second(kind, address, load, now=clock.now())


# Public pages


def per_second_page(
    view: Callable[..., HttpResponse] | None = None, *, reads: tuple[str, ...] = ()
) -> Callable[..., HttpResponse]:
    """Cache a public GET page for the rest of its second.

    ``reads``: the query parameters the view reads. The page is kept under its path and
    those alone, so ``/?r=1``, ``/?r=2``… are one page, not a render each; and the page
    links back to itself (``page_path``, in the template context) with those alone, never
    echoing what someone else put in the address.
    """
    if view is None:
        return lambda v: per_second_page(v, reads=reads)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET":
            return view(request, *args, **kwargs)
        query = urlencode([(name, value) for name in reads for value in request.GET.getlist(name)])
        request.page_path = f"{request.path}?{query}" if query else request.path
        zone = str(getattr(request, "visitor_tz", "UTC"))
        htmx = request.headers.get("HX-Request", "")
        address = hashlib.blake2b(
            f"{request.page_path}|{zone}|{htmx}".encode(), digest_size=16
        ).hexdigest()
        rendered: list[HttpResponse] = []

        def render() -> tuple[int, bytes, list[tuple[str, str]]] | None:
            rendered.append(view(request, *args, **kwargs))
            return _page_entry(request, rendered[0])

        entry = _once_a_second("page", address, render, now=clock.now())
        if entry is None:
            return rendered[0]
        return _page_response(entry)

    return wrapped


def _page_entry(
    request: HttpRequest, response: HttpResponse
) -> tuple[int, bytes, list[tuple[str, str]]] | None:
    """What is kept of a rendered page; None when it must not be shared."""
    content = response.content if not response.streaming else b""
    nonce = getattr(request, "_csp_nonce", None)
    shareable = (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")  # e.g. a staff preview
        and "no-store" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page carries a CSRF token
        and not nonce  # the page carries a nonce
    )
    if not shareable:
        return None
    headers = [(name, response[name]) for name in PAGE_HEADERS if name in response]
    return (response.status_code, content, headers)


def _page_response(entry: tuple[int, bytes, list[tuple[str, str]]]) -> HttpResponse:
    status, content, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    # The same bytes for everyone: a CDN may keep it for the second it belongs to.
    # (marsweb.middleware makes a page rendered in a visitor's chosen zone private.)
    response.setdefault("Cache-Control", f"public, max-age=0, s-maxage={PAGE_SHARED_MAX_AGE}")
    return response


def staff_preview(response: HttpResponse) -> HttpResponse:
    """Mark a page staff see before it is published ("View on site" in the admin): for
    them alone, so no cache keeps it (per_second_page never does), and never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# Live fragments


class Live(Protocol):
    """What a live fragment shows: it says how often to ask for it again."""

    @property
    def poll_seconds(self) -> int | None:
        """Seconds until the next poll; None once nothing more can change."""
        ...


def keep_seconds(shown: Live) -> int | None:
    """How long any cache may keep a fragment: its poll interval, and never past the next
    change it can foresee (``changes_in_seconds``: the next landing step, the start), so
    that a copy fetched the moment a phase begins is never one from before it."""
    changes_in = getattr(shown, "changes_in_seconds", None)
    return min((s for s in (shown.poll_seconds, changes_in) if s), default=None)


def fragment_view(
    template: str,
    name: str,
    build: Callable[..., Live],
    *,
    plain: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """The view of a live fragment, which every visitor on a page polls.

    For htmx: ``template`` (a file, or ``"page.html#partial"``) rendered with
    ``{name: build(now=..., **url_kwargs)}``, at most once a second per process. What
    ``build`` returns names its own poll interval (``poll_seconds``): the template's
    ``hx-trigger`` and the response's cache lifetime (``keep_seconds``) both read it there. For a plain
    browser: ``plain(request, **url_kwargs)``, the page around the fragment or a redirect to it.
    """

    @require_GET
    @vary_on_headers("HX-Request")
    def view(request: HtmxHttpRequest, **url_kwargs) -> HttpResponse:
        if not request.htmx:
            return plain(request, **url_kwargs)
        now = clock.now()

        def render() -> tuple[str, int | None]:
            shown = build(now=now.replace(microsecond=0), **url_kwargs)
            # One fragment serves every visitor: its times are written in UTC, marked
            # data-local, and static/js/timezone.js shows them in the visitor's zone.
            with timezone.override(timezone.UTC):
                return render_to_string(template, {name: shown}), keep_seconds(shown)

        return fragment_response(request, now=now, render=render)

    return view


def fragment_response(
    request: HttpRequest,
    *,
    now: datetime,
    render: Callable[[], tuple[str, int | None]],
) -> HttpResponse:
    """The fragment at this request's path as of ``now``'s second, from cache when possible.

    ``render`` returns (html, the seconds a cache may keep it, or None: a minute); it runs
    only on a miss. Fragments are cached under their path: two views must never serve
    different fragments at one path.
    """

    def compute() -> tuple[str, int | None, str]:
        html, keep = render()
        etag = '"' + hashlib.blake2b(html.encode(), digest_size=12).hexdigest() + '"'
        return (html, keep, etag)

    cached = _once_a_second(
        "fragment", request.path, compute, now=now, shared=_shared_fragment_cache()
    )
    return _fragment_answer(request, cached)


def _fragment_answer(request: HttpRequest, cached: tuple[str, int | None, str]) -> HttpResponse:
    """A cached fragment as a response: 304 for a repeat, kept as long as it stays true."""
    html, keep, etag = cached
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(html)
    response["ETag"] = etag
    max_age = keep or 60
    response["Cache-Control"] = f"public, max-age={max_age}, s-maxage={max_age}"
    patch_vary_headers(response, ["HX-Request"])
    # Rendered in UTC for everyone (see fragment_view): the zone cookie does not change it.
    response.same_in_every_zone = True
    return response


# Drawn images (share cards, boarding passes): one key scheme, one answer, a finite life


# A share card's address (marsweb.cards): its bytes never change, so a process that has
# drawn or fetched it answers it from memory, as a static file.
CARD_PATH = re.compile(r"/card-[0-9a-f]{16}\.png$")
IMMUTABLE = "public, max-age=31536000, immutable"
# How long a drawn image is kept: in this process (bounded by the cache's MAX_ENTRIES), and
# in the shared cache, where nothing may stay for ever (a site lives through many landings,
# and a stranger can make it draw many cards). An image asked for again is drawn again.
DRAWN_LOCAL_SECONDS = 24 * 3600
DRAWN_SHARED_SECONDS = 7 * 24 * 3600
DRAWN_CACHE = "drawn"


def drawn_key(kind: str, name: str) -> str:
    """The key of one drawn image: its kind ("card", "pass"…) and what names its bytes (the
    hash of what it shows, or the address it is answered at)."""
    return f"drawn:{kind}:{name}"


def drawn_png(
    kind: str, digest: str, draw: Callable[[], bytes], *, share: bool, address: str = ""
) -> bytes:
    """The image whose content hashes to ``digest``: from this process's memory, else (when
    ``share``: every server may be asked for it) the shared cache, else ``draw()``, kept in
    both. Given its ``address`` (a share card's), this process keeps it under that, so that
    ``fragment_fast_path`` answers the address from memory before the rest of the stack runs.
    A shared cache that is down costs a drawing, not an error."""
    key = drawn_key(kind, digest)
    local = caches[DRAWN_CACHE]
    local_key = drawn_key("path", address) if address else key
    png = local.get(local_key)
    if png is None:
        shared = caches[SHARED_CACHE] if share else None
        png = _get_quietly(shared, key)
        if png is None:
            png = draw()
            if shared is not None:
                with contextlib.suppress(Exception):
                    shared.set(key, png, timeout=DRAWN_SHARED_SECONDS)
        local.set(local_key, png, timeout=DRAWN_LOCAL_SECONDS)
    return png


def png_response(png: bytes) -> HttpResponse:
    """A drawn image at an address that names its content: kept by anyone, for ever."""
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = IMMUTABLE
    return response


def _answered_early(response: HttpResponse) -> HttpResponse:
    """What the middleware this skips would have added: marsweb's security headers, and
    (as CommonMiddleware does) the length, so that an answer from memory and one from the
    view carry the same headers."""
    if not response.streaming and not response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return apply_security_headers(response)


def fragment_fast_path(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer a fragment this process rendered this second, a share card it has drawn, or
    the server's time (``marsweb.clock.time_response``), before the rest of the stack runs.

    Sits right after the security, CSP and static-file middleware (settings.MIDDLEWARE): a
    hit skips sessions, CSRF, authentication and the view (it needs none of them) and gets
    marsweb's security headers here. A miss goes on to the view, which renders and caches it.
    """
    local = caches[LOCAL_CACHE]
    drawn = caches[DRAWN_CACHE]

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path == clock.TIME_PATH and request.method == "GET":
            return _answered_early(clock.time_response())
        if request.method == "GET" and request.headers.get("HX-Request") == "true":
            cached = local.get(second_key("fragment", request.path, clock.now()))
            if cached is not None:
                return _answered_early(_fragment_answer(request, cached))
        if request.method == "GET" and CARD_PATH.search(request.path):
            png = drawn.get(drawn_key("path", request.path))
            if png is not None:
                return _answered_early(png_response(png))
        return get_response(request)

    return middleware


# Files whose bytes change only with their content (calendar feeds, map data)


# How long the shared cache remembers when some bytes were first served. Bytes unchanged for
# longer get a later Last-Modified; their ETag, the same, still answers 304.
FIRST_SERVED_SECONDS = 30 * 24 * 3600


def content_response(
    request: HttpRequest, body: bytes, *, content_type: str, max_age: int, filename: str = ""
) -> HttpResponse:
    """``body`` as an answer that a client or cache holding the same bytes refreshes with a
    304: by ETag (their hash), or by Last-Modified, the first moment any server served them
    (kept in the shared cache, so every server says the same). Cacheable by anyone for
    ``max_age`` seconds."""
    digest = hashlib.sha256(body).hexdigest()[:32]
    etag = f'"{digest}"'
    first_served = caches[SHARED_CACHE].get_or_set(
        f"first-served:{digest}",
        lambda: int(clock.now().timestamp()),
        timeout=FIRST_SERVED_SECONDS,
    )
    not_modified = get_conditional_response(request, etag=etag, last_modified=first_served)
    if not_modified is not None:
        response = not_modified
    else:
        response = HttpResponse(body, content_type=content_type)
        if filename:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(first_served)
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response
