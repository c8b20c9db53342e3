"""A personal "boarding pass" for the landing, drawn with Pillow.

A seated attendee's pass is a boarding pass; a waitlisted one's says so in its header and
stub, in the waitlist's colour. The pass speaks the attendee's language (their RSVP's):
an Arabic pass is laid out right to left. What the image shows is also in its PNG text
(Title and Description), for whoever cannot see it.
"""

import hashlib
import json
import re
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from io import BytesIO

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import pgettext
from PIL import Image, ImageDraw, ImageFont, features
from PIL.PngImagePlugin import PngInfo

from marsweb.timezones import DATE_TIME, zone_label
from missions.landing import LandingStamp

WIDTH, HEIGHT = 1200, 500
MARS = (193, 68, 14)
DARK = (18, 13, 12)
LIGHT = (245, 236, 232)
MUTED = (205, 189, 182)
WAITLIST = (255, 200, 87)  # the site's warning amber
STAMP = (127, 220, 150)  # the site's "done" green
MARGIN = 40
TEXT_WIDTH = 780  # the rows; the stub (Mars and the pass's number) is past them

# Faces tried in turn for each character: the site's Public Sans (its Latin, then its
# extended Latin: Ł, Ş, Ő…), Noto Sans Arabic, then Noto Emoji (static/fonts/README.md,
# marsweb/fonts/README.md). What none can draw is left out of the image; the PNG's
# description keeps the text as typed.
FACES = {
    "regular": settings.BASE_DIR / "static/fonts/public-sans-latin-400-normal.woff2",
    "bold": settings.BASE_DIR / "static/fonts/public-sans-latin-700-normal.woff2",
    "regular-ext": settings.BASE_DIR / "marsweb/fonts/public-sans-latin-ext-400-normal.woff2",
    "bold-ext": settings.BASE_DIR / "marsweb/fonts/public-sans-latin-ext-700-normal.woff2",
    "regular-arabic": settings.BASE_DIR / "static/fonts/noto-sans-arabic-arabic-400-normal.woff2",
    "bold-arabic": settings.BASE_DIR / "static/fonts/noto-sans-arabic-arabic-700-normal.woff2",
    "emoji": settings.BASE_DIR / "marsweb/fonts/noto-emoji-400-normal.woff2",
}
# What joins the character before it into one glyph (emoji sequences, skin tones, flags'
# tags, keycaps) or one word (ZWNJ in Persian): drawn in the face of what it follows.
JOINERS = re.compile(r"[\u200c\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
NO_SUCH_CHARACTER = "\U0010fffd"  # a private-use code point: every face's missing-glyph box
# Arabic is shaped (letters joined) and bidi-ordered by libraqm (Pillow's wheels bundle it;
# it needs the system's FriBiDi: Debian's libfribidi0). Without it Pillow lays text out
# left to right unshaped: `manage.py check` warns (events.checks).
SHAPING = features.check("raqm")


@lru_cache(maxsize=64)
def _face(kind: str, size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if SHAPING else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(FACES[kind]), size, layout_engine=engine)


@lru_cache(maxsize=8192)
def _drawable(kind: str, char: str) -> bool:
    """Whether the face has a glyph for ``char``: what it draws differs from its box for a
    character it lacks."""
    face = _face(kind, 32)

    def drawn(text: str) -> tuple:
        mask = face.getmask(text)
        return mask.size, bytes(mask)

    return drawn(char) != drawn(NO_SUCH_CHARACTER)


def _runs(text: str, weight: str) -> list[tuple[str, str]]:
    """``text`` as (characters, face) runs, in reading order; characters no face can draw
    are left out."""
    runs: list[tuple[str, str]] = []
    for char in text:
        if runs and JOINERS.fullmatch(char):
            runs[-1] = (runs[-1][0] + char, runs[-1][1])
            continue
        kinds = (weight, f"{weight}-ext", f"{weight}-arabic", "emoji")
        kind = next((k for k in kinds if _drawable(k, char)), None)
        if kind is None:
            continue
        if runs and runs[-1][1] == kind:
            runs[-1] = (runs[-1][0] + char, kind)
        else:
            runs.append((char, kind))
    return runs


def _class(char: str) -> str | None:
    """A character's direction: "R" (right to left), "L", "EN" (a digit) or None (neutral:
    spaces, punctuation, emoji, which take it from their neighbours)."""
    bidi_class = unicodedata.bidirectional(char)
    if bidi_class in ("R", "AL"):
        return "R"
    if bidi_class in ("EN", "AN"):
        return "EN"
    return "L" if bidi_class == "L" else None


def _segments(runs: list[tuple[str, str]]) -> list[list]:
    """The runs cut where the direction class changes: [characters, face, class]. A single
    separator between digits ("18:00", "10,000") is part of the number (rule W4); marks and
    joiners stay with what they follow."""
    segments: list[list] = []
    for text, kind in runs:
        for char in text:
            joins = JOINERS.fullmatch(char) or unicodedata.bidirectional(char) in ("NSM", "BN")
            bidi_class = _class(char)
            if segments and segments[-1][1] == kind and (joins or segments[-1][2] == bidi_class):
                segments[-1][0] += char
            else:
                segments.append([char, kind, bidi_class])
    merged: list[list] = []
    for segment in segments:
        if (
            len(merged) >= 2
            and segment[2] == "EN"
            and merged[-2][2] == "EN"
            and merged[-1][2] is None
            and len(merged[-1][0]) == 1
            and unicodedata.bidirectional(merged[-1][0]) in ("CS", "ES")
            and merged[-2][1] == merged[-1][1] == segment[1]
        ):
            separator = merged.pop()
            merged[-1][0] += separator[0] + segment[0]
        else:
            merged.append(segment)
    return merged


def is_rtl(text: str, default: bool = False) -> bool:
    """The text's own direction, as ``dir="auto"`` finds it: its first strong character's."""
    direction = next((c for c in map(_class, text) if c in ("R", "L")), None)
    return default if direction is None else direction == "R"


def _visual(segments: list[list], rtl: bool) -> list[tuple[str, str, bool]]:
    """The segments left to right as the Unicode bidi algorithm places them in a paragraph
    of direction ``rtl`` (its rules for text without embeddings, applied to segments of one
    face and one direction class), each with whether it reads right to left."""
    base = "R" if rtl else "L"
    # Numbers after right-to-left text belong to it (rules W2/W7); a neutral between two
    # segments of one direction takes it, otherwise the paragraph's (N1/N2).
    classes, previous = [], base
    for _text, _kind, bidi_class in segments:
        if bidi_class in ("R", "L"):
            previous = bidi_class
        if bidi_class == "EN":
            bidi_class = "AN" if previous == "R" else "L"
        classes.append(bidi_class)

    def around(index: int, step: int) -> str:
        index += step
        while 0 <= index < len(classes):
            if classes[index] is not None:
                return "R" if classes[index] == "AN" else classes[index]
            index += step
        return base

    for index, bidi_class in enumerate(classes):
        if bidi_class is None:
            before, after = around(index, -1), around(index, +1)
            classes[index] = before if before == after else base
    # Embedding levels (I1/I2), then every stretch at or above each level, from the
    # highest down to 1, reversed (L2).
    levels = [({"L": 2, "R": 1, "AN": 2} if rtl else {"L": 0, "R": 1, "AN": 2})[c] for c in classes]
    order = list(range(len(segments)))
    for level in range(max(levels, default=0), 0, -1):
        index = 0
        while index < len(order):
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            if end > index:
                order[index:end] = reversed(order[index:end])
                index = end
            else:
                index += 1
    return [(segments[i][0], segments[i][1], levels[i] % 2 == 1) for i in order]


def _layout(text: str, weight: str, rtl: bool) -> list[tuple[str, str, bool]]:
    return _visual(_segments(_runs(text, weight)), rtl)


def _options(kind: str, right_to_left: bool) -> dict:
    if not SHAPING:
        return {}
    options = {"direction": "rtl" if right_to_left else "ltr"}
    if kind.endswith("-arabic"):
        options["language"] = "ar"
    return options


def _width(draw: ImageDraw.ImageDraw, text: str, size: int, weight: str, rtl: bool) -> float:
    return sum(
        draw.textlength(chunk, font=_face(kind, size), **_options(kind, right_to_left))
        for chunk, kind, right_to_left in _layout(text, weight, rtl)
    )


class Canvas:
    """The pass's drawing surface, measured from its start edge: the left for a left to
    right language, the right for Arabic (everything mirrored)."""

    def __init__(self, image: Image.Image, rtl: bool):
        self.draw = ImageDraw.Draw(image)
        self.rtl = rtl
        self.width = image.width

    def x(self, start: float, width: float = 0) -> float:
        """The left edge of something ``width`` wide, ``start`` from the start edge."""
        return self.width - start - width if self.rtl else start

    def box(self, start: int, top: int, end: int, bottom: int) -> tuple:
        left, right = sorted((self.x(start), self.x(end)))
        return (left, top, right, bottom)

    def text(self, start, top, text, size, fill, weight="regular", rtl=None) -> None:
        """Draw ``text`` (a paragraph of direction ``rtl``: the pass's by default) with its
        top at ``top``, set against the start edge, each run in the face that has its
        glyphs, all on one baseline."""
        rtl = self.rtl if rtl is None else rtl
        self.text_at(
            self.x(start, _width(self.draw, text, size, weight, rtl)),
            top,
            text,
            size,
            fill,
            weight,
            rtl,
        )

    def centered(self, middle, top, text, size, fill, weight="regular") -> None:
        """Draw ``text`` centred on ``middle`` (a paragraph of the pass's direction)."""
        width = _width(self.draw, text, size, weight, self.rtl)
        self.text_at(middle - width / 2, top, text, size, fill, weight, self.rtl)

    def text_at(self, x, top, text, size, fill, weight, rtl) -> None:
        baseline = top + _face(weight, size).getmetrics()[0]
        for chunk, kind, right_to_left in _layout(text, weight, rtl):
            font = _face(kind, size)
            options = _options(kind, right_to_left)
            self.draw.text((x, baseline), chunk, fill=fill, font=font, anchor="ls", **options)
            x += self.draw.textlength(chunk, font=font, **options)

    def fit(self, text: str, size: int, width: int, rtl: bool, weight="bold") -> tuple[str, int]:
        """The text and the largest size up to ``size`` at which it fits ``width``,
        shortened if need be."""
        smallest = max(16, size * 7 // 10)  # smaller than that is hard to read: shorten
        while size > smallest:
            if _width(self.draw, text, size, weight, rtl) <= width:
                return text, size
            size -= 2
        while text and _width(self.draw, text + "…", size, weight, rtl) > width:
            text = text[:-1]
        return text + "…", size


def boarding_pass_png(
    *,
    name: str,
    event_title: str,
    starts_local: datetime,
    destination: str,
    code: str,
    waitlist_position: int | None = None,
    landing: LandingStamp | None = None,
    language: str = "en",
) -> bytes:
    """The pass as a PNG in ``language``; ``waitlist_position`` makes it a waitlist pass
    (number N in line); ``landing``, its mission's landing: when Earth will hear of it,
    then a stamp saying it landed (sol, site, local time on Mars), like NASA's virtual
    passport stamp."""
    with translation.override(language):
        return _draw(
            name=name,
            event_title=event_title,
            starts_local=starts_local,
            destination=destination,
            code=code,
            waitlist_position=waitlist_position,
            landing=landing,
            rtl=translation.get_language_bidi(),
        )


def _landing_words(landing: LandingStamp, zone) -> tuple[str, str]:
    """(what, when): the landing as the pass's stub and its description say it."""
    heard = timezone.localtime(landing.heard_at, zone)
    when = f"{date_format(heard, DATE_TIME)} {zone_label(heard)}"
    touchdown = landing.kind == "touchdown"
    if not landing.happened:
        what = (
            pgettext("boarding pass", "TOUCHDOWN, AS EARTH HEARS IT")
            if touchdown
            else pgettext("boarding pass", "ARRIVAL, AS EARTH HEARS IT")
        )
        return what, when
    return (
        pgettext("boarding pass", "LANDED") if touchdown else pgettext("boarding pass", "IN ORBIT")
    ), when


def _landing_sentence(landing: LandingStamp, when: str) -> str:
    """The landing in the pass's description, for whoever cannot see the stamp."""
    touchdown = landing.kind == "touchdown"
    if not landing.happened:
        if touchdown:
            return pgettext("boarding pass", "Touchdown as Earth hears it: %(when)s.") % {
                "when": when
            }
        return pgettext("boarding pass", "Arrival in orbit as Earth hears it: %(when)s.") % {
            "when": when
        }
    if not touchdown:
        return pgettext("boarding pass", "Arrived in orbit, heard on Earth %(when)s.") % {
            "when": when
        }
    if landing.sol is None:
        return pgettext("boarding pass", "Landed, heard on Earth %(when)s.") % {"when": when}
    return pgettext(
        "boarding pass",
        "Landed on sol %(sol)s at %(site)s, %(time)s local mean solar time; heard on Earth %(when)s.",
    ) % {"sol": landing.sol, "site": landing.site, "time": landing.local_time, "when": when}


def _stamp(image: Image.Image, canvas: "Canvas", landing: LandingStamp, rtl: bool) -> None:
    """A passport stamp over the stub's Mars, tilted: LANDED, the sol and the site, and the
    local time on Mars at touchdown."""
    layer = Image.new("RGBA", (330, 200), (0, 0, 0, 0))
    stamp = Canvas(layer, rtl)
    ink = (*STAMP, 255)
    stamp.draw.rounded_rectangle(
        (6, 6, 324, 194), radius=22, fill=(*DARK, 215), outline=ink, width=6
    )
    what, _when = _landing_words(landing, UTC)
    text, size = stamp.fit(what, 48, 290, rtl)
    stamp.centered(165, 22, text, size, ink, "bold")
    lines = []
    if landing.sol is not None:
        site = landing.site.split(" (")[0]  # "Jezero Crater (Octavia E. Butler Landing)"
        lines.append(
            pgettext("boarding pass", "SOL %(sol)s · %(site)s")
            % {"sol": landing.sol, "site": site.upper()}
        )
    if landing.local_time:
        lines.append(
            pgettext("boarding pass", "%(time)s LOCAL MEAN SOLAR TIME")
            % {"time": landing.local_time}
        )
    if not lines:
        lines.append(pgettext("boarding pass", "MARS"))
    top = 88
    for line in lines:
        text, size = stamp.fit(line, 22, 290, rtl)
        stamp.centered(165, top, text, size, ink, "bold")
        top += 40
    tilted = layer.rotate(-9 if rtl else 9, expand=True, resample=Image.Resampling.BICUBIC)
    middle = canvas.x(1020)
    image.paste(tilted, (int(middle - tilted.width / 2), int(280 - tilted.height / 2)), tilted)


def _draw(*, name, event_title, starts_local, destination, code, waitlist_position, landing, rtl):
    waitlisted = waitlist_position is not None
    number = {"number": waitlist_position}
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK)
    canvas = Canvas(image, rtl)
    draw = canvas.draw
    draw.rectangle((0, 0, WIDTH, 90), fill=WAITLIST if waitlisted else MARS)
    header = (
        pgettext("boarding pass", "WAITLIST · NUMBER %(number)s · MARS LANDING NIGHT") % number
        if waitlisted
        else pgettext("boarding pass", "BOARDING PASS · MARS LANDING NIGHT")
    )
    header, header_size = canvas.fit(header, 40, WIDTH - 2 * MARGIN, rtl)
    canvas.text(
        MARGIN,
        22 + (40 - header_size) // 2,
        header,
        header_size,
        DARK if waitlisted else LIGHT,
        "bold",
    )
    # Mars, for the stub.
    draw.ellipse(canvas.box(900, 170, 1120, 390), fill=MARS)
    draw.ellipse(canvas.box(950, 230, 1000, 260), fill=(160, 52, 10))
    draw.ellipse(canvas.box(1010, 320, 1080, 345), fill=(150, 48, 9))
    draw.line((canvas.x(860), 110, canvas.x(860), HEIGHT - 20), fill=MUTED, width=2)

    departs = f"{date_format(starts_local, DATE_TIME)} {zone_label(starts_local)}"
    rows = [
        (pgettext("boarding pass", "PASSENGER"), name, 56),
        (pgettext("boarding pass", "FLIGHT"), event_title, 40),
        (pgettext("boarding pass", "DEPARTS"), departs, 40),
        (pgettext("boarding pass", "DESTINATION"), destination, 40),
    ]
    top = 120
    for label, value, size in rows:
        canvas.text(MARGIN, top, label, 22, MUTED)
        # A value reads in its own direction (a Latin name on an Arabic pass, an Arabic
        # name on an English one), as <bdi> does on the attendee's page.
        value_rtl = is_rtl(value, default=rtl)
        text, fitted = canvas.fit(value, size, TEXT_WIDTH, value_rtl)
        canvas.text(MARGIN, top + 26, text, fitted, LIGHT, "bold", rtl=value_rtl)
        top += 36 + size + 10
    stub = (
        pgettext("boarding pass", "WAITLIST #%(number)s") % number
        if waitlisted
        else pgettext("boarding pass", "PASS %(code)s") % {"code": code}
    )
    canvas.text(900, 420, stub, 24, WAITLIST if waitlisted else MUTED, "bold")
    landing_text = ""
    if landing is not None:
        what, when = _landing_words(landing, starts_local.tzinfo)
        if landing.happened:
            _stamp(image, canvas, landing, rtl)
        else:
            text, size = canvas.fit(what, 18, 290, rtl, weight="regular")
            canvas.text(890, 112, text, size, MUTED)
            text, size = canvas.fit(when, 22, 290, rtl)
            canvas.text(890, 136, text, size, LIGHT, "bold")
        landing_text = _landing_sentence(landing, when)
    status = (
        pgettext("boarding pass", "Waitlist — number %(number)s") % number
        if waitlisted
        else pgettext("boarding pass", "Seated")
    )
    info = PngInfo()
    title = (
        pgettext("boarding pass", "Waitlist pass: %(event)s")
        if waitlisted
        else pgettext("boarding pass", "Boarding pass: %(event)s")
    )
    info.add_itxt("Title", title % {"event": event_title}, lang=translation.get_language())
    description = pgettext(
        "boarding pass",
        "%(name)s, %(event)s, departs %(departs)s, destination %(destination)s. %(status)s. "
        "Pass %(code)s.",
    ) % {
        "name": name,
        "event": event_title,
        "departs": departs,
        "destination": destination,
        "status": status,
        "code": code,
    }
    if landing_text:
        description = f"{description} {landing_text}"
    info.add_itxt("Description", description, lang=translation.get_language())
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True, pnginfo=info)
    return buffer.getvalue()


def boarding_pass_png_cached(**inputs) -> bytes:
    """The pass for these inputs, drawn once (about 0.1 s of CPU) and then kept in this
    process's "passes" cache: an attendee reloading it, or sharing the link around, costs a
    lookup. A change that shows on the pass (a seat, a new waitlist number, the event's
    title or time) makes a new key, so a pass is never out of date."""
    material = json.dumps(inputs, default=str, sort_keys=True).encode()
    key = "boarding-pass:" + hashlib.sha256(material).hexdigest()
    cache = caches["passes"]
    png = cache.get(key)
    if png is None:
        png = boarding_pass_png(**inputs)
        cache.set(key, png)
    return png
