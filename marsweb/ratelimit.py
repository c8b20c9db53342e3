"""Per-client rate limits on POSTs, counted in the shared cache so they hold across
processes and servers (Redis when REDIS_URL is set, else the database cache).

If the shared cache cannot be reached, the limit fails open: a visitor is never refused
because our cache is down. The other defences (CSRF, honeypot, one RSVP per address,
one email a minute per RSVP) still hold.
"""

import logging
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.shortcuts import render

from marsweb import clock

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """The client's IP: REMOTE_ADDR, or the address our own proxies put in X-Forwarded-For."""
    proxies = settings.MARSWEB_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
    return request.META.get("REMOTE_ADDR", "unknown")[:64]


def hit(scope: str, address: str) -> bool:
    """Count one POST; True while the address is within its limit."""
    limit, window = settings.MARSWEB_RATE_LIMIT
    bucket = int(clock.now().timestamp()) // window
    key = f"ratelimit:{scope}:{address}:{bucket}"
    cache = caches["shared"]
    try:
        try:
            count = cache.incr(key)
        except ValueError:  # the first POST of this window: one write, not two
            count = 1 if cache.add(key, 1, timeout=window + 5) else cache.incr(key)
    except Exception:  # any backend's connection error: fail open, and say so in the log
        logger.warning("Rate limit cache unavailable; allowing %s", scope, exc_info=True)
        return True
    return count <= limit


def rate_limit_posts(scope: str):
    """Decorate a view: POSTs beyond the limit get a 429 page with a Retry-After header."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if request.method == "POST" and not hit(scope, client_address(request)):
                _, window = settings.MARSWEB_RATE_LIMIT
                response = render(
                    request, "429.html", {"retry_minutes": max(1, window // 60)}, status=429
                )
                response["Retry-After"] = str(window)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
