"""A personal "boarding pass" for the landing, drawn with Pillow.

A seated attendee's pass is a boarding pass; a waitlisted one's says so in its header and
stub, in the waitlist's colour. What the image shows is also in its PNG text (Title and
Description), for whoever cannot see it.
"""

import hashlib
import json
import re
from datetime import datetime
from functools import lru_cache
from io import BytesIO

from django.conf import settings
from django.core.cache import caches
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

WIDTH, HEIGHT = 1200, 500
MARS = (193, 68, 14)
DARK = (18, 13, 12)
LIGHT = (245, 236, 232)
MUTED = (205, 189, 182)
WAITLIST = (255, 200, 87)  # the site's warning amber


# Faces tried in turn for each character: the site's Public Sans (its Latin, then its
# extended Latin: Ł, Ş, Ő…), then Noto Emoji (marsweb/fonts/README.md). What none can
# draw is left out of the image; the PNG's description keeps the text as typed.
FACES = {
    "regular": settings.BASE_DIR / "static/fonts/public-sans-latin-400-normal.woff2",
    "bold": settings.BASE_DIR / "static/fonts/public-sans-latin-700-normal.woff2",
    "regular-ext": settings.BASE_DIR / "marsweb/fonts/public-sans-latin-ext-400-normal.woff2",
    "bold-ext": settings.BASE_DIR / "marsweb/fonts/public-sans-latin-ext-700-normal.woff2",
    "emoji": settings.BASE_DIR / "marsweb/fonts/noto-emoji-400-normal.woff2",
}
# What joins the character before it into one glyph (emoji sequences, skin tones, flags'
# tags, keycaps) or one word (ZWNJ in Persian): drawn in the face of what it follows.
JOINERS = re.compile(r"[\u200c\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
NO_SUCH_CHARACTER = "\U0010fffd"  # a private-use code point: every face's missing-glyph box


@lru_cache(maxsize=64)
def _face(kind: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FACES[kind]), size)


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
    """``text`` as (characters, face) runs; characters no face can draw are left out."""
    runs: list[tuple[str, str]] = []
    for char in text:
        if runs and JOINERS.fullmatch(char):
            runs[-1] = (runs[-1][0] + char, runs[-1][1])
            continue
        kinds = (weight, f"{weight}-ext", "emoji")
        kind = next((k for k in kinds if _drawable(k, char)), None)
        if kind is None:
            continue
        if runs and runs[-1][1] == kind:
            runs[-1] = (runs[-1][0] + char, kind)
        else:
            runs.append((char, kind))
    return runs


def _width(draw: ImageDraw.ImageDraw, text: str, size: int, weight: str) -> float:
    return sum(
        draw.textlength(chunk, font=_face(kind, size)) for chunk, kind in _runs(text, weight)
    )


def _text(
    draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int, fill, weight="regular"
) -> None:
    """Draw ``text`` with its top at ``xy``, each run in the face that has its glyphs, all on
    one baseline."""
    x, top = xy
    baseline = top + _face(weight, size).getmetrics()[0]
    for chunk, kind in _runs(text, weight):
        font = _face(kind, size)
        draw.text((x, baseline), chunk, fill=fill, font=font, anchor="ls")
        x += draw.textlength(chunk, font=font)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> tuple[str, int]:
    """The text and the largest size up to ``size`` at which it fits ``width``, shortened
    if need be."""
    while size > 18:
        if _width(draw, text, size, "bold") <= width:
            return text, size
        size -= 4
    while text and _width(draw, text + "…", size, "bold") > width:
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
) -> bytes:
    """The pass as a PNG; ``waitlist_position`` makes it a waitlist pass (number N in line)."""
    waitlisted = waitlist_position is not None
    status = f"Waitlist — number {waitlist_position}" if waitlisted else "Seated"
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 90), fill=WAITLIST if waitlisted else MARS)
    header = (
        f"WAITLIST · NUMBER {waitlist_position} · MARS LANDING NIGHT"
        if waitlisted
        else "BOARDING PASS · MARS LANDING NIGHT"
    )
    _text(draw, (40, 22), header, 40, DARK if waitlisted else LIGHT, "bold")
    # Mars, for the stub.
    draw.ellipse((900, 170, 1120, 390), fill=MARS)
    draw.ellipse((950, 230, 1000, 260), fill=(160, 52, 10))
    draw.ellipse((1010, 320, 1080, 345), fill=(150, 48, 9))
    draw.line((860, 110, 860, HEIGHT - 20), fill=MUTED, width=2)

    departs = starts_local.strftime("%a %d %b %Y, %H:%M %Z")
    rows = [
        ("PASSENGER", name, 56),
        ("FLIGHT", event_title, 40),
        ("DEPARTS", departs, 40),
        ("DESTINATION", destination, 40),
    ]
    y = 120
    for label, value, size in rows:
        _text(draw, (40, y), label, 22, MUTED)
        text, fitted = _fit(draw, value, size, 780)
        _text(draw, (40, y + 26), text, fitted, LIGHT, "bold")
        y += 36 + size + 10
    stub = f"WAITLIST #{waitlist_position}" if waitlisted else f"PASS {code}"
    _text(draw, (900, 420), stub, 24, WAITLIST if waitlisted else MUTED, "bold")
    info = PngInfo()
    info.add_itxt("Title", f"{'Waitlist pass' if waitlisted else 'Boarding pass'}: {event_title}")
    info.add_itxt(
        "Description",
        f"{name}, {event_title}, departs {departs}, destination {destination}. {status}. "
        f"Pass {code}.",
    )
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
