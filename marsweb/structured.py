"""schema.org structured data (JSON-LD) that every page shares: its breadcrumb trail and the
site as organizer. Pages add their own (events.structured, missions.structured); templates
write it with the ``ld_json`` filter."""

from datetime import datetime

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


def online_event(
    *,
    page: str,
    anchor: str,
    name: str,
    description: str,
    starts: datetime,
    ends: datetime,
    image: str,
    performer: str,
    availability: str,
    offer_url: str,
    valid_from: datetime,
    about: dict | None = None,
) -> dict:
    """A free event watched online, as Google's event guidelines want it: times with their
    offset (on the clock they are given in), online attendance, the site as organizer, an
    Offer of free places (``availability``: a schema.org ItemAvailability name)."""
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": f"{page}#{anchor}",
        "name": name,
        "description": description,
        "url": page,
        "startDate": _iso(starts),
        "endDate": _iso(ends),
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": page},
        "image": [image],
        "organizer": organizer(),
        "performer": {"@type": "Organization", "name": performer},
        "isAccessibleForFree": True,
        "offers": {
            "@type": "Offer",
            "url": offer_url,
            "price": "0",
            "priceCurrency": "USD",
            "availability": f"{SCHEMA}/{availability}",
            "validFrom": _iso(valid_from),
        },
    }
    if about:
        data["about"] = about
    return data


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()
