"""Limits on public POSTs, counted across every process and server, and the client
address they count by.

Each POST counts against its client's address (generous: a classroom, a watch party or a
mobile carrier puts many people behind one) and, when the form carries one, against its
email address for that event (strict: nobody needs many tries). Counts live in Redis when
REDIS_URL is set (INCR is atomic; one pipelined round trip for all of a POST's counts), else
in a table of their own (one atomic upsert; the
database cache's read-then-write ``incr`` let 40 simultaneous POSTs pass a limit of 10).

If the count cannot be kept, the limit fails open: a visitor is never refused because our
cache is down. The other defences (CSRF, honeypot, one RSVP per address, one email a
minute per RSVP) still hold.
"""

import hashlib
import ipaddress
import logging
from datetime import datetime, timedelta
from functools import wraps

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext_lazy

from marsweb import clock
from marsweb.models import RateCount

logger = logging.getLogger(__name__)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in settings.MARSWEB_TRUSTED_PROXY_IPS)


def client_ip(request: HttpRequest) -> str | None:
    """The client's IP address, or None when the request has none (a test's or a script's
    made-up request): for rate limits and the admin's sign-in lockout (django-axes).

    The peer (REMOTE_ADDR) is the client unless it is one of our proxies
    (MARSWEB_TRUSTED_PROXY_IPS). Then X-Forwarded-For is read from the right, where each
    proxy appended the address it was connected from, skipping our own proxies: the first
    address no proxy of ours vouches for is the client. Whatever a client writes into the
    header itself sits to the left of that, and is never believed.
    """
    address = _ip(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return None
    if not _trusted(address):
        return str(address)
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        forwarded = _ip(entry)
        if forwarded is None:  # not written by a proxy of ours: stop at the last one that was
            break
        address = forwarded
        if not _trusted(address):
            break
    return str(address)


def client_address(request: HttpRequest) -> str:
    """What a client's POSTs are counted under: its IP address, or "unknown"."""
    return client_ip(request) or "unknown"


def _address_key(address: str) -> str:
    """An IPv6 client holds a whole /64; counting each of its addresses apart would let it
    pick a fresh one per POST."""
    parsed = _ip(address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is None:
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False))
    return address


def _counts(keys: list[tuple[str, int]]) -> list[int]:
    """Add one to the count of each (key, window) in the shared store; the new counts."""
    cache = caches["shared"]
    if isinstance(cache, DatabaseCache):
        return _counts_in_database(keys)
    if isinstance(cache, RedisCache):
        return _counts_in_redis(cache, keys)
    return [_incr(cache, key, window) for key, window in keys]


# One Redis client per process (and per server address), kept: Django's cache builds a
# new client object for every call (half a millisecond each, measured: a third of a
# sign-up's time went to the two counts).
_redis_clients: dict[str, redis.Redis] = {}


def _counts_in_redis(cache: RedisCache, keys: list[tuple[str, int]]) -> list[int]:
    shared = settings.CACHES["shared"]
    client = _redis_clients.get(shared["LOCATION"])
    if client is None:
        client = redis.Redis.from_url(shared["LOCATION"], **shared.get("OPTIONS", {}))
        _redis_clients[shared["LOCATION"]] = client
    pipeline = client.pipeline(transaction=False)  # every count in one round trip
    for key, window in keys:
        name = cache.make_key(key)
        pipeline.set(name, 0, nx=True, ex=window + 5)  # a new window's counter, with its end
        pipeline.incr(name)
    return pipeline.execute()[1::2]


def _incr(cache, key: str, window: int) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # the first POST of this window: one write, not two
        return 1 if cache.add(key, 1, timeout=window + 5) else cache.incr(key)


# Ended windows are swept from the table at most this often, by each process.
SWEEP_EVERY = timedelta(minutes=1)
_swept_at: list[datetime] = []


def _counts_in_database(keys: list[tuple[str, int]]) -> list[int]:
    now = clock.now()
    connection = connections[router.db_for_write(RateCount)]
    table, key_column, count_column, expires_column = (
        connection.ops.quote_name(name)
        for name in ("marsweb_rate_count", "key", "count", "expires_at")
    )
    rows = ", ".join(["(%s, 1, %s)"] * len(keys))
    with connection.cursor() as cursor:
        # One statement for all of this POST's counts: the database serialises concurrent
        # upserts of a row, and the write costs one transaction, not one per limit.
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {count_column}, {expires_column}) "
            f"VALUES {rows} ON CONFLICT ({key_column}) "
            f"DO UPDATE SET {count_column} = {table}.{count_column} + 1 "
            f"RETURNING {key_column}, {count_column}",
            [value for key, window in keys for value in (key, now + timedelta(seconds=window))],
        )
        counted = dict(cursor.fetchall())
    if not _swept_at or not timedelta(0) <= now - _swept_at[0] < SWEEP_EVERY:
        _swept_at[:] = [now]
        RateCount.objects.using(connection.alias).filter(expires_at__lt=now).delete()
    return [counted[key] for key, _ in keys]


def refused(request: HttpRequest, scope: str, *, email: str = "", within: str = "") -> int:
    """Count this POST against its limits: 0 while all hold, else the seconds until the
    window that was exceeded ends (for Retry-After).

    ``email`` (as typed) is counted per ``within`` (an event's slug, say), hashed: the
    shared store never holds an address in the clear.
    """
    now = int(clock.now().timestamp())
    counted = [("address", _address_key(client_address(request)))]
    email = email.strip().lower()
    if email:
        digest = hashlib.sha256(email.encode()).hexdigest()[:32]
        counted.append(("email", f"{within}:{digest}"))
    keys, limits = [], []
    for limit_name, who in counted:
        limit, window = settings.MARSWEB_RATE_LIMITS[limit_name]
        keys.append((f"ratelimit:{scope}:{limit_name}:{who}:{now // window}", window))
        limits.append(limit)
    try:
        counts = _counts(keys)
    except Exception:  # any backend's connection error, DatabaseError included: fail open
        logger.warning("Rate limit store unavailable; allowing %s", scope, exc_info=True)
        return 0
    wait = 0
    for count, limit, (_, window) in zip(counts, limits, keys, strict=True):
        if count > limit:
            wait = max(wait, window - now % window)
    return wait


def too_many(response: HttpResponse, wait: int) -> HttpResponse:
    """Mark a refusal: status 429 and when to come back."""
    response.status_code = 429
    response["Retry-After"] = str(wait)
    return response


def retry_minutes(wait: int) -> int:
    return max(1, -(-wait // 60))


# What a refused form says above what the visitor typed, by what the form sends.
KEPT_FORM_MESSAGES = {
    "sign-ups": ngettext_lazy(
        "We received many sign-ups from your network or for this email address just now. "
        "Your details are kept below: please send them again in %(minutes)d minute.",
        "We received many sign-ups from your network or for this email address just now. "
        "Your details are kept below: please send them again in %(minutes)d minutes.",
        "minutes",
    ),
    "submissions": ngettext_lazy(
        "We received many submissions from your network or for this email address just now. "
        "Your details are kept below: please send them again in %(minutes)d minute.",
        "We received many submissions from your network or for this email address just now. "
        "Your details are kept below: please send them again in %(minutes)d minutes.",
        "minutes",
    ),
}


def kept_form_message(wait: int, what: str) -> str:
    """What a refused form says above what the visitor typed, kept for sending again;
    ``what`` names the form's kind in KEPT_FORM_MESSAGES."""
    return KEPT_FORM_MESSAGES[what] % {"minutes": retry_minutes(wait)}


def rate_limit_posts(scope: str):
    """Decorate a view whose POSTs carry no email (a link's token): past the limit per
    address they get the 429 page with a Retry-After header."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if request.method == "POST" and (wait := refused(request, scope)):
                page = render(request, "429.html", {"retry_minutes": retry_minutes(wait)})
                return too_many(page, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
