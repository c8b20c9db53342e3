from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {
        "site_url": settings.SITE_URL,
        "visitor_tz": getattr(request, "visitor_tz", None),
        # This page's own address for links back to it (Refresh, the zone chooser's return):
        # with only the query parameters the page reads (marsweb.caching.per_second_page).
        "page_path": getattr(request, "page_path", request.path),
    }
