from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {
        "site_url": settings.SITE_URL,
        "visitor_tz": getattr(request, "visitor_tz", None),
    }
