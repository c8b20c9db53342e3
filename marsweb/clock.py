"""The one place marsweb asks for the current time, so tests can move the clock; and the
server's time as browsers learn it (``/now.json``)."""

import json
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

# The address static/js/countdown.js asks for the server's time (marsweb.urls).
TIME_PATH = "/now.json"


def now() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    return timezone.now()


def time_response() -> HttpResponse:
    """The server's time in milliseconds since the epoch, ``{"now": 1613681700123}``.

    Every clock on a page counts from this answer alone, never from a page or fragment a
    cache may have kept for seconds: so it is ``no-store`` for every cache, the browser's
    included, and the browser halves the round trip it took (static/js/countdown.js).
    Answered before the middleware stack (marsweb.caching.fragment_fast_path): a crowd
    asks it once per page load."""
    body = json.dumps({"now": int(now().timestamp() * 1000)})
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response
