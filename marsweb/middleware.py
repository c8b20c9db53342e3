from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from marsweb import timezones


def visitor_time_zone(get_response: Callable[[HttpRequest], HttpResponse]):
    """Render times in the zone the visitor chose (a cookie), UTC until they choose."""

    def middleware(request: HttpRequest) -> HttpResponse:
        zone = timezones.parse(request.COOKIES.get(timezones.COOKIE_NAME))
        request.visitor_tz_chosen = zone is not None
        request.visitor_tz = zone or timezone.get_default_timezone()
        timezone.activate(request.visitor_tz)
        try:
            return get_response(request)
        finally:
            timezone.deactivate()

    return middleware
