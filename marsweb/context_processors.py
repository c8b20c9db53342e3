from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils import translation

# The main navigation's sections, by the URL namespace or name of the page being shown.
NAV_SECTIONS = {
    "home": "home",
    "missions": "missions",
    "events": "events",
    "lights": "lights",
    "mars-time": "mars-time",
}


def site(request: HttpRequest) -> dict:
    # This page's own address for links back to it (Refresh, the zone chooser's return):
    # with only the query parameters the page reads (marsweb.caching.per_second_page).
    page_path = getattr(request, "page_path", request.path)
    match = getattr(request, "resolver_match", None)
    section = match and NAV_SECTIONS.get(match.namespace or match.url_name)
    # An address that is no page (a 404) has no translations: its switcher offers each
    # language's home page, and it names no alternates for search engines. A staff page
    # (the live desk) is in English only, like the admin: no switcher at all.
    languages = page_languages(page_path if match else None)
    if match is not None and len({language["path"] for language in languages}) == 1:
        languages = []
    return {
        "site_url": settings.SITE_URL,
        "visitor_tz": getattr(request, "visitor_tz", None),
        "page_path": page_path,
        "nav_section": section,
        "languages": languages,
        "has_translations": match is not None and bool(languages),
    }


def page_languages(page_path: str | None) -> list[dict]:
    """This page in every language the site speaks: code, own name, direction, address,
    and whether it is the one shown. No page: each language's home page."""
    current = translation.get_language()
    languages = []
    for code, name in settings.LANGUAGES:
        if page_path is None:
            with translation.override(code):
                path = reverse("home")
        else:
            path = translate_url(page_path, code)
        languages.append(
            {
                "code": code,
                "name": name,
                "bidi": translation.get_language_info(code)["bidi"],
                "path": path,
                "current": code == current,
            }
        )
    return languages
