"""A personal "boarding pass" for the landing, drawn with Pillow."""

from datetime import datetime
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 500
MARS = (193, 68, 14)
DARK = (18, 13, 12)
LIGHT = (245, 236, 232)
MUTED = (205, 189, 182)


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
    *, name: str, event_title: str, starts_local: datetime, destination: str, code: str
) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 90), fill=MARS)
    draw.text((40, 22), "BOARDING PASS · MARS LANDING NIGHT", fill=LIGHT, font=_font(40))
    # Mars, for the stub.
    draw.ellipse((900, 170, 1120, 390), fill=MARS)
    draw.ellipse((950, 230, 1000, 260), fill=(160, 52, 10))
    draw.ellipse((1010, 320, 1080, 345), fill=(150, 48, 9))
    draw.line((860, 110, 860, HEIGHT - 20), fill=MUTED, width=2)

    rows = [
        ("PASSENGER", name, 56),
        ("FLIGHT", event_title, 40),
        ("DEPARTS", starts_local.strftime("%a %d %b %Y, %H:%M %Z"), 40),
        ("DESTINATION", destination, 40),
    ]
    y = 120
    for label, value, size in rows:
        draw.text((40, y), label, fill=MUTED, font=_font(22))
        text, font = _fit(draw, value, size, 780)
        draw.text((40, y + 26), text, fill=LIGHT, font=font)
        y += 36 + size + 10
    draw.text((900, 420), f"PASS {code}", fill=MUTED, font=_font(24))
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
