"""Template helpers shared by every page: times with their zone named, durations, image srcsets."""

import json
from collections.abc import Callable
from datetime import datetime

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.dateformat import format as date_format
from django.utils.html import conditional_escape, format_html, format_html_join, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from marsweb import durations, images, timezones
from marsweb.durations import clock_parts, days_pattern, format_remaining
from marsweb.ical import webcal_url
from marsweb.structured import breadcrumb_list
from marsweb.timezones import DATE_TIME, DATE_TIME_12H, DATE_TIME_SECONDS
from marsweb.translated import active_language, shown_in_english

register = template.Library()


@register.simple_tag
def timestamp(
    moment: datetime | None, seconds: bool = False, zone=None, clock12: bool = False
) -> str:
    """``<time>`` for an aware datetime, shown in the visitor's zone (or ``zone``), named.

    E.g. ``<time datetime="2021-02-18T20:55:00Z">Thu 18 Feb 2021, 12:55 PST</time>``.
    A time in the visitor's zone is rendered in the zone the server knows (UTC on the
    pages everyone shares) and marked ``data-local``: static/js/timezone.js shows it in
    the browser's own zone, or the one the visitor chose.
    """
    if moment is None:
        return ""
    local = timezone.localtime(moment, zone)
    zone_label = timezones.zone_label(local)
    text = date_format(
        local, DATE_TIME_12H if clock12 else DATE_TIME_SECONDS if seconds else DATE_TIME
    )
    utc_iso = moment.astimezone(timezone.UTC).isoformat().replace("+00:00", "Z")
    title = timezones.zone_name(local.tzinfo, at=moment)  # "New York (EST)"
    if zone is not None:  # a place's own zone: the same for every visitor
        return format_html(
            '<time datetime="{}" title="{}">{} {}</time>', utc_iso, title, text, zone_label
        )
    style = "12h" if clock12 else "seconds" if seconds else "minutes"
    return format_html(
        '<time datetime="{}" title="{}" data-local="{}">{} {}</time>',
        utc_iso,
        title,
        style,
        text,
        zone_label,
    )


@register.simple_tag(takes_context=True)
def zoned_time(
    context, moment: datetime | None, zone, clock12: bool = False, compact: bool = False
) -> str:
    """A time in its place's zone (an event's, a city's), then in the visitor's.

    The visitor's time is left out when the page is rendered in the place's zone, and
    static/js/timezone.js hides it when the browser is in that zone (``data-unless-zone``).
    ``compact``: on the same line, "· your time …"; otherwise below, "your time: …".
    """
    if moment is None:
        return ""
    here = timestamp(moment, zone=zone, clock12=clock12)
    if str(context.get("visitor_tz")) == zone.key:
        return here
    yours = timestamp(moment, clock12=clock12)
    if compact:
        return format_html(
            '{}<span data-unless-zone="{}"> · {}</span>',
            here,
            zone.key,
            format_html(gettext("your time {time}"), time=yours),
        )
    return format_html(
        '{}<span class="your-time small" data-unless-zone="{}">{}</span>',
        here,
        zone.key,
        format_html(gettext("your time: {time}"), time=yours),
    )


@register.filter
def in_zone(moment: datetime | None, zone) -> str:
    """Plain text for email: ``Thu 18 Feb 2021, 11:15 PST (19:15 UTC)``."""
    return "" if moment is None else timezones.zone_and_utc(moment, zone)


@register.filter
def translated(obj, field: str) -> str:
    """``obj``'s ``field`` in the page's language; where staff have not translated it yet,
    the English, marked ``lang="en" dir="ltr"`` so that a screen reader switches voice and
    the text keeps its own direction in an Arabic page."""
    value = getattr(obj, field, "") or ""
    if shown_in_english(obj, field):
        return format_html('<span lang="{}" dir="ltr">{}</span>', settings.LANGUAGE_CODE, value)
    return value


@register.filter
def name_in(obj, fields: str) -> str:
    """``{{ lighting|name_in:"landmark,city" }}``: a name and the place it is in, joined as
    the page's language joins them ("Adler Planetarium, Chicago"; "…، …" in Arabic). Where
    both show in English (not translated yet), one English phrase read left to right, not
    two names the page's direction puts in the reverse order ("Sydney ,Sydney Opera House")."""
    name, place = fields.split(",")
    if shown_in_english(obj, name) and shown_in_english(obj, place):
        text = f"{getattr(obj, name)}, {getattr(obj, place)}"
        return format_html('<span lang="{}" dir="ltr">{}</span>', settings.LANGUAGE_CODE, text)
    joined = conditional_escape(pgettext("a city in its country", "%(city)s, %(country)s"))
    return mark_safe(joined % {"city": translated(obj, name), "country": translated(obj, place)})


@register.filter
def lang_of(obj, field: str) -> str:
    """`` lang="en" dir="ltr"`` for the element around a block of ``obj.field`` shown in
    English on a page in another language (see ``translated``); nothing otherwise."""
    if shown_in_english(obj, field):
        return format_html(' lang="{}" dir="ltr"', settings.LANGUAGE_CODE)
    return ""


@register.filter
def marked_as(text, language: str) -> str:
    """``text`` marked as being in ``language`` when one is given (an English title in place
    of a missing translation: ``title_lang``); the text alone otherwise."""
    if not language or not text:
        return text
    return format_html('<span lang="{}" dir="ltr">{}</span>', language, text)


@register.filter
def phase_label(state) -> str:
    """A countdown's phase, with the step it names ("Final approach: Cruise stage
    separation") marked English where that title is the English in place of a translation."""
    step = state.phase_step
    if step is None or not step.title_lang:
        return state.phase_label
    before, found, after = state.phase_label.partition(step.title)
    if not found:
        return state.phase_label
    return format_html("{}{}{}", before, marked_as(step.title, step.title_lang), after)


def _in_english_page() -> bool:
    return active_language() == settings.LANGUAGE_CODE


@register.filter
def english(text) -> str:
    """Text always stored in English (an agency's name, a source), marked as English for
    screen readers, in its own direction, on a page in another language."""
    if not text or _in_english_page():
        return text
    return format_html('<span lang="en" dir="auto">{}</span>', text)


@register.simple_tag
def english_block() -> str:
    """`` lang="en" dir="auto"`` for a block always stored in English (sources), on a page in
    another language; nothing on an English page."""
    return "" if _in_english_page() else mark_safe(' lang="en" dir="auto"')


@register.filter
def bdi(text) -> str:
    """Text someone typed (a name), isolated: in any direction, it never reorders the words
    around it (``<bdi>نور</bdi>, press the button…``)."""
    return format_html("<bdi>{}</bdi>", text) if text else ""


@register.filter
def is_optional(field) -> bool:
    """A form field a visitor may leave empty, whatever else they choose. A field the form
    marks ``needed_when_chosen`` is needed or not by another's choice, which its help says."""
    return not field.field.required and not getattr(field.field, "needed_when_chosen", False)


@register.filter
def image_srcset(image) -> str:
    return images.srcset(
        storage=image.image.storage,
        name=image.image.name,
        width=image.width,
        renditions=image.renditions or {},
    )


@register.filter
def smallest_rendition_url(image) -> str:
    return images.smallest_url(
        storage=image.image.storage, name=image.image.name, renditions=image.renditions or {}
    )


@register.filter
def duration_words(delta) -> str:
    """``timedelta(minutes=11, seconds=22)`` → ``"11 min 22 s"`` (marsweb.durations)."""
    return "" if delta is None else durations.duration_words(delta)


# Between a number and its unit: never broken across lines, whatever the direction.
NBSP = "\u00a0"


def _measure(value: float, decimals: int, unit: str) -> str:
    """``value`` in the active language's digits and grouping, then its unit: "5,400 m/s",
    "5.400 m/s"."""
    number = formats.number_format(value, decimals, use_l10n=True, force_grouping=True)
    return f"{number}{NBSP}{unit}"


@register.filter
def distance_words(metres: int | None) -> str:
    """``125000`` → ``"125 km"``, ``20`` → ``"20 m"``: whole kilometres from 1 km up."""
    if metres is None:
        return ""
    if metres >= 1000:
        kilometres = pgettext("kilometres, abbreviated", "km")
        return _measure(round(metres / 1000), 0, kilometres)
    return _measure(metres, 0, pgettext("metres, abbreviated", "m"))


@register.filter
def zone_name(zone) -> str:
    """``{{ visitor_tz|zone_name }}``: "New York (EST)", not "America/New_York"."""
    return timezones.zone_name(zone)


@register.filter
def speed_words(metres_per_second) -> str:
    """``Decimal("5400.00")`` → ``"5,400 m/s"``; ``0.75`` → ``"0.75 m/s"``."""
    if metres_per_second is None:
        return ""
    value = float(metres_per_second)
    decimals = 0 if value == int(value) else 2
    return _measure(value, decimals, pgettext("metres per second, abbreviated", "m/s"))


@register.filter
def countdown_duration(delta) -> str:
    """A countdown's remaining time: ``3 days 04 h 12 min`` or ``04:12:09``."""
    return "" if delta is None else format_remaining(delta)


@register.simple_tag
def clock_segments(delta) -> str:
    """The big clock's digits, each with its unit below: days (when any), hours, minutes,
    seconds. Read aloud as "3 days 04 hours 12 minutes 09 seconds"."""
    if delta is None:
        return ""
    return format_html_join(
        " ",
        '<span class="seg"><span class="num">{}</span> <span class="unit">{}</span></span>',
        clock_parts(delta),
    )


@register.filter
def epoch_ms(moment: datetime | None) -> str:
    return "" if moment is None else str(int(moment.timestamp() * 1000))


@register.simple_tag(takes_context=True)
def breadcrumbs_ld(context) -> str:
    """The page's breadcrumb trail for search engines (a schema.org BreadcrumbList): home,
    its section, and the mission or event it is about."""
    section = context.get("nav_section")
    leaf = None
    if section in ("missions", "events"):
        item = context.get("mission" if section == "missions" else "event")
        if item is not None and hasattr(item, "get_absolute_url"):
            leaf = (str(getattr(item, "name", None) or item.title), item.get_absolute_url())
    return ld_json(breadcrumb_list(section, leaf))


@register.filter
def webcal(path: str) -> str:
    """A calendar feed's path as the ``webcal://`` address that makes a calendar app
    subscribe to it (kept up to date) rather than import it once."""
    return webcal_url(path)


@register.filter
def ld_json(data: dict) -> str:
    """``data`` as a schema.org JSON-LD block, escaped as ``json_script`` escapes JSON
    (nothing in it can close the element)."""
    block = json_script(data, encoder=DjangoJSONEncoder)
    inner = block.removeprefix('<script type="application/json">').removesuffix("</script>")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(inner))


# The plural categories of Intl.PluralRules (CLDR), each with a number that falls in it in
# every language the site speaks: the browser picks the category, gettext gave the words.
PLURAL_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def _by_plural_category(words: Callable[[int], str]) -> dict[str, str]:
    return {category: words(number) for category, number in PLURAL_SAMPLES.items()}


@register.simple_tag
def countdown_words() -> str:
    """The words static/js/countdown.js writes, in the page's language, as JSON for a data
    attribute (escaped by the tag): the clock's units by plural category, a time days away
    ("%(days)d days %(hours)02d h %(minutes)02d min", by plural category), the pause button."""
    words = {
        "day": _by_plural_category(lambda n: ngettext("day", "days", n)),
        "hour": _by_plural_category(lambda n: ngettext("hour", "hours", n)),
        "minute": _by_plural_category(lambda n: ngettext("minute", "minutes", n)),
        "second": _by_plural_category(lambda n: ngettext("second", "seconds", n)),
        "days_left": _by_plural_category(days_pattern),
        "pause": gettext("Pause live updates"),
        "resume": gettext("Resume live updates"),
    }
    return json.dumps(words, ensure_ascii=False)


@register.simple_tag
def live_feed_words() -> str:
    """The words static/js/live.js writes, in the page's language, as JSON for a data
    attribute: "3 new updates" by plural category, with {count} for the number."""
    new = _by_plural_category(lambda n: ngettext("{count} new update", "{count} new updates", n))
    return json.dumps({"new": new}, ensure_ascii=False)


# The scripts only some parts of a page need, by the name those parts give: each part
# says so where it is drawn ({% uses_script %}), and base.html loads each one once at the
# end of the body ({% page_scripts %}); a page with no clock, no live part and nothing
# polled ships none of them. htmx comes last, as it always has.
PAGE_SCRIPTS = {
    "countdown": "js/countdown.js",
    "live": "js/live.js",
    "htmx": "django_htmx/htmx-2.min.js",
}


@register.simple_tag(takes_context=True)
def uses_script(context, *names: str) -> str:
    """Marks scripts (PAGE_SCRIPTS names) as needed by the page being drawn."""
    unknown = set(names) - PAGE_SCRIPTS.keys()
    if unknown:
        raise template.TemplateSyntaxError(f"uses_script: no script named {sorted(unknown)}")
    request = context.get("request")
    if request is not None:
        request.__dict__.setdefault("page_scripts", set()).update(names)
    return ""


@register.simple_tag(takes_context=True)
def page_scripts(context) -> str:
    """The scripts the page drawn so far asked for, each once, deferred."""
    used = getattr(context.get("request"), "page_scripts", set())
    return format_html_join(
        "\n    ",
        '<script src="{}" defer></script>',
        ((static(path),) for name, path in PAGE_SCRIPTS.items() if name in used),
    )
