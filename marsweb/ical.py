"""iCalendar (RFC 5545) files, built with the icalendar package: what every feed shares.

Two kinds of file: a one-off download (an event's ``calendar.ics``: added once), and a
subscription (``webcal://``: a calendar app asks again every hour and takes what changed).
Both are built only from public content, never an attendee's, so any feed may be shared and
cached by a CDN. An entry's UID never changes and its SEQUENCE grows with each change a
calendar shows (``CalendarRevisions``), so an app updates the entry it has instead of adding
a second one. A feed's bytes depend only on its content (DTSTAMP is the entry's last change,
not the time of the request), so its ETag holds until something changes and a refresh
costs a 304.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from icalendar import Calendar, vDuration

from marsweb.caching import content_response

PRODID = "-//marsweb//Mars landing night//EN"
# How often a subscribed calendar app should ask again (RFC 7986 REFRESH-INTERVAL, and
# Outlook's X-PUBLISHED-TTL); a CDN keeps a feed for as long as a page's calendar file.
REFRESH = timedelta(hours=1)
CACHE_SECONDS = 300


def new_calendar(name: str, *, subscription: bool = False, description: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if subscription:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    return calendar


def site_host() -> str:
    """The site's host name, for UIDs that stay unique across calendars."""
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "marsweb"


def webcal_url(path: str) -> str:
    """``webcal://host/path``: the address that makes a calendar app subscribe, not import."""
    return "webcal://" + settings.SITE_URL.split("://", 1)[-1].rstrip("/") + path


def stamp(entry, row: "CalendarRevisions", changed_at: datetime | None) -> None:
    """An entry's revision: SEQUENCE, and DTSTAMP as the row's last change."""
    entry.add("sequence", row.calendar_sequence)
    entry.add("dtstamp", changed_at or datetime(2000, 1, 1, tzinfo=UTC))


def calendar_response(request: HttpRequest, body: bytes, filename: str) -> HttpResponse:
    """A calendar file as an answer (a 304 to a client that has these bytes already),
    cacheable by anyone for five minutes."""
    return content_response(
        request,
        body,
        content_type="text/calendar; charset=utf-8",
        max_age=CACHE_SECONDS,
        filename=filename,
    )


class CalendarRevisions(models.Model):
    """A row that calendar files show: its ``calendar_sequence`` (RFC 5545 SEQUENCE) grows by
    one with each save that changes what a calendar shows of it (``CALENDAR_FIELDS``), so a
    calendar app that has the entry takes the change."""

    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    CALENDAR_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        loaded = getattr(self, "_calendar_loaded", None)
        if loaded is not None and loaded != self._calendar_shown():
            self.calendar_sequence += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "calendar_sequence"}
        super().save(*args, **kwargs)
        self._calendar_loaded = self._calendar_shown()

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        row = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        row._calendar_loaded = row._calendar_shown()
        return row

    def _calendar_shown(self) -> tuple:
        # Read from the row's own values: a field left out of the query is not fetched.
        return tuple(self.__dict__.get(name) for name in self.CALENDAR_FIELDS)


def translated_columns(*fields: str) -> tuple[str, ...]:
    """The columns of translated ``fields`` in every language (django-modeltranslation's
    ``title_en``, ``title_es``…), for ``CALENDAR_FIELDS``."""
    return tuple(f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES)
