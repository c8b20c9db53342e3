"""iCalendar (RFC 5545) files, built with the icalendar package: what every feed shares."""

from django.conf import settings
from icalendar import Calendar

PRODID = "-//marsweb//Mars landing night//EN"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def site_host() -> str:
    """The site's host name, for UIDs that stay unique across calendars."""
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "marsweb"
