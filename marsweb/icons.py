"""The site's icon as PNG, drawn with Pillow after static/img/favicon.svg (Mars, lit from
the upper left, with its polar cap), for what cannot use the SVG: /favicon.ico, which
browsers ask for on their own, and the home-screen icon of phones."""

from functools import cache
from io import BytesIO

import numpy
from PIL import Image, ImageDraw, ImageFilter

# The SVG's radial gradient: centre at 38 % / 35 %, radius 70 % of the box.
STOPS = [(0.0, (240, 138, 93)), (0.6, (193, 68, 14)), (1.0, (110, 36, 8))]


def _radial_gradient(box: int) -> Image.Image:
    y, x = numpy.mgrid[0:box, 0:box]
    t = numpy.hypot(x - 0.38 * box, y - 0.35 * box) / (0.70 * box)
    where = [stop for stop, _ in STOPS]
    channels = [numpy.interp(t, where, [colour[i] for _, colour in STOPS]) for i in range(3)]
    rgb = numpy.dstack(channels).round().astype(numpy.uint8)
    return Image.fromarray(rgb, "RGB").convert("RGBA")


@cache
def mars_icon_png(size: int) -> bytes:
    """The icon, ``size`` pixels square, on a transparent ground (opaque dark for 180 px and
    up: home screens fill transparency with black or white)."""
    scale = 4  # drawn large, then reduced: smooth edges
    box = size * scale
    unit = box / 64
    ground = (18, 13, 12, 255) if size >= 180 else (0, 0, 0, 0)
    image = Image.new("RGBA", (box, box), ground)
    gradient = _radial_gradient(box)
    disc = Image.new("L", (box, box), 0)
    ImageDraw.Draw(disc).ellipse((2 * unit, 2 * unit, 62 * unit, 62 * unit), fill=255)
    image.paste(gradient, (0, 0), disc)
    marks = Image.new("RGBA", (box, box), (0, 0, 0, 0))
    draw = ImageDraw.Draw(marks)
    draw.ellipse((17 * unit, 22 * unit, 31 * unit, 30 * unit), fill=(169, 56, 11, 178))
    draw.ellipse((32 * unit, 38 * unit, 50 * unit, 46 * unit), fill=(143, 47, 9, 153))
    draw.ellipse((23 * unit, 4.1 * unit, 39 * unit, 8.9 * unit), fill=(251, 233, 224, 255))
    image.alpha_composite(Image.composite(marks, Image.new("RGBA", (box, box)), disc))
    small = image.filter(ImageFilter.GaussianBlur(scale / 4)).resize((size, size), Image.LANCZOS)
    buffer = BytesIO()
    small.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
