"""schema.org structured data (JSON-LD) that every page shares: its breadcrumb trail and the
site as organizer. Pages add their own (events.structured, missions.structured); templates
write it with the ``ld_json`` filter."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

SCHEMA = "https://schema.org"
# The site's sections, as the navigation names them (templates/base.html).
SECTIONS = {
    "missions": (gettext_lazy("Missions"), "missions:list"),
    "events": (gettext_lazy("Events"), "events:list"),
    "lights": (gettext_lazy("City lights"), "lights:list"),
    "mars-time": (gettext_lazy("Mars time"), "mars-time"),
}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def breadcrumb_list(section: str | None, leaf: tuple[str, str] | None = None) -> dict:
    """A BreadcrumbList: home, the page's section, then the page itself (name, path) when it
    is an item of the section (a mission, an event)."""
    trail = [(gettext("Home"), reverse("home"))]
    if section in SECTIONS:
        name, url_name = SECTIONS[section]
        trail.append((str(name), reverse(url_name)))
    if leaf is not None and leaf[1] != trail[-1][1]:
        trail.append(leaf)
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(path)}
            for n, (name, path) in enumerate(trail, start=1)
        ],
    }


def organizer() -> dict:
    return {
        "@type": "Organization",
        "name": gettext("Mars landing night"),
        "url": absolute(reverse("home")),
    }
