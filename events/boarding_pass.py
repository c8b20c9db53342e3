"""A personal "boarding pass" for the landing, drawn with Pillow.

A seated attendee's pass is a boarding pass; a waitlisted one's says so in its header and
stub, in the waitlist's colour. What the image shows is also in its PNG text (Title and
Description), for whoever cannot see it.
"""

import hashlib
import json
from datetime import datetime
from io import BytesIO

from django.core.cache import caches
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

WIDTH, HEIGHT = 1200, 500
MARS = (193, 68, 14)
DARK = (18, 13, 12)
LIGHT = (245, 236, 232)
MUTED = (205, 189, 182)
WAITLIST = (255, 200, 87)  # the site's warning amber


def _font(size: int) -> ImageFont.ImageFont:
    # Pillow's own scalable font: no system font needed.
    return ImageFont.load_default(size=size)


def _fit(
    draw: ImageDraw.ImageDraw, text: str, size: int, width: int
) -> tuple[str, ImageFont.ImageFont]:
    """The text in the largest font up to ``size`` that fits ``width``, shortened if need be."""
    while size > 18:
        font = _font(size)
        if draw.textlength(text, font=font) <= width:
            return text, font
        size -= 4
    font = _font(size)
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…", font


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
    draw.text((40, 22), header, fill=DARK if waitlisted else LIGHT, font=_font(40))
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
        draw.text((40, y), label, fill=MUTED, font=_font(22))
        text, font = _fit(draw, value, size, 780)
        draw.text((40, y + 26), text, fill=LIGHT, font=font)
        y += 36 + size + 10
    stub = f"WAITLIST #{waitlist_position}" if waitlisted else f"PASS {code}"
    draw.text((900, 420), stub, fill=WAITLIST if waitlisted else MUTED, font=_font(24))
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
