"""Share cards: the picture a chat, a social network or a search result shows for a page
(Open Graph, Twitter's summary_large_image), drawn with Pillow in the site's look.

A card is described by a ``Card`` (its words, in the page's language, and for a countdown
the time to go, counted in whole days, hours or ten minutes). Its address carries a hash
of that description (``/missions/perseverance/card-<hash>.png``), so a card's bytes never
change under an address: a page links the current one, a CDN may keep it for ever, and a
changed title or a countdown's next step makes a new address. A card is drawn once per
address (about 0.1 s), kept in the shared cache for every server and in each process's
memory, where ``marsweb.caching.fragment_fast_path`` answers it before the rest of the
middleware runs. An address whose hash is no longer the page's redirects to the current one.
"""

import hashlib
import json
import random
from dataclasses import asdict, dataclass
from io import BytesIO

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

from marsweb.caching import drawn_png, png_response
from marsweb.drawing import Canvas, is_rtl, text_width, wrap

WIDTH, HEIGHT = 1200, 630
# The hero's night sky (static/css/site.css: --hero-*) and Mars.
SKY = (7, 10, 18)
TEXT = (243, 245, 249)
MUTED = (180, 189, 204)
ACCENT = (255, 138, 92)
MARS = (193, 68, 14)
MARS_SHADE = (150, 48, 9)
MARGIN = 72
# Bump when the drawing changes: every card gets a new address.
VERSION = 1


@dataclass(frozen=True)
class Card:
    """What a card says, as plain text (drawn as text, never interpreted)."""

    eyebrow: str  # "Mission · NASA / JPL-Caltech"
    title: str
    when_label: str = ""  # "Touchdown, as heard on Earth"
    when: str = ""  # "Thu 18 Feb 2021, 20:55 UTC": the key time with its zone named
    countdown: str = ""  # "Lands in 3 days", as of drawing
    language: str = "en"

    @property
    def digest(self) -> str:
        material = json.dumps([VERSION, asdict(self)], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(material.encode()).hexdigest()[:16]

    @property
    def alt(self) -> str:
        """The card's words, for og:image:alt and whoever cannot see it."""
        parts = [self.title, self.eyebrow]
        if self.when:
            parts.append(f"{self.when_label}: {self.when}" if self.when_label else self.when)
        if self.countdown:
            parts.append(self.countdown)
        return " · ".join(part for part in parts if part)


def card_png(card: Card) -> bytes:
    """The card as a 1200×630 PNG, in its language's direction."""
    with translation.override(card.language):
        rtl = translation.get_language_bidi()
        image = Image.new("RGB", (WIDTH, HEIGHT), SKY)
        canvas = Canvas(image, rtl)
        _sky(image, canvas)
        brand = gettext("Mars landing night")
        canvas.draw.ellipse(canvas.box(MARGIN, 52, MARGIN + 34, 86), fill=MARS)
        canvas.text(MARGIN + 50, 52, brand, 30, TEXT, "bold")

        eyebrow, size = canvas.fit(card.eyebrow.upper(), 26, WIDTH - 2 * MARGIN, rtl)
        canvas.text(MARGIN, 150, eyebrow, size, ACCENT, "bold")

        title_rtl = is_rtl(card.title, default=rtl)
        size, lines = _title_lines(canvas.draw, card.title, title_rtl)
        top = 196
        for line in lines:
            canvas.text(MARGIN, top, line, size, TEXT, "bold", rtl=title_rtl)
            top += int(size * 1.18)

        bottom = HEIGHT - 64
        if card.countdown:
            _pill(canvas, card.countdown, bottom - 56, rtl)
            bottom -= 76
        if card.when:
            when, size = canvas.fit(card.when, 32, 760, rtl)
            canvas.text(MARGIN, bottom - 40, when, size, TEXT, "bold")
            if card.when_label:
                label, size = canvas.fit(card.when_label, 24, 760, rtl, weight="regular")
                canvas.text(MARGIN, bottom - 76, label, size, MUTED)
        info = PngInfo()
        info.add_itxt("Title", card.title, lang=card.language)
        info.add_itxt("Description", card.alt, lang=card.language)
        buffer = BytesIO()
        image.save(buffer, "PNG", optimize=True, pnginfo=info)
        return buffer.getvalue()


def _sky(image: Image.Image, canvas: Canvas) -> None:
    """Stars (the same on every card), and Mars rising at the far corner."""
    stars = random.Random(1969)
    for _ in range(90):
        x, y = stars.uniform(0, WIDTH), stars.uniform(0, HEIGHT * 0.8)
        r = stars.choice((1, 1, 1.5, 2))
        shade = stars.randint(120, 230)
        canvas.draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, min(255, shade + 20)))
    canvas.draw.ellipse(canvas.box(880, 300, 1560, 980), fill=MARS)
    canvas.draw.ellipse(canvas.box(960, 400, 1080, 450), fill=MARS_SHADE)
    canvas.draw.ellipse(canvas.box(1060, 520, 1160, 560), fill=MARS_SHADE)


def _title_lines(draw: ImageDraw.ImageDraw, title: str, rtl: bool) -> tuple[int, list[str]]:
    """The title's size and lines: as large as lets it fit three lines, down to 48 px; past
    that, three lines with the last shortened."""
    width = WIDTH - 2 * MARGIN - 120
    for size in (76, 68, 60, 54, 48):
        lines = wrap(draw, title, size, "bold", width, rtl, max_lines=3)
        if not lines[-1].endswith("…"):
            return size, lines
    return 48, lines


def _pill(canvas: Canvas, text: str, top: int, rtl: bool) -> None:
    text, size = canvas.fit(text, 30, 700, rtl)
    width = text_width(canvas.draw, text, size, "bold", rtl) + 48
    canvas.draw.rounded_rectangle(
        canvas.box(MARGIN, top, MARGIN + width, top + 54), 27, fill=ACCENT
    )
    canvas.text(MARGIN + 24, top + 9, text, size, SKY, "bold")


def card_response(request: HttpRequest, card: Card, digest: str) -> HttpResponse:
    """The card at its address: drawn once, then from memory; an out-of-date address (the
    page has changed since) redirects to the current card."""
    if digest != card.digest:
        response = HttpResponseRedirect(card_url(card, request.path, digest))
        response["Cache-Control"] = "public, max-age=60"
        return response
    png = drawn_png("card", card.digest, lambda: card_png(card), share=True, address=request.path)
    return png_response(png)


def card_url(card: Card, path: str, digest: str) -> str:
    """``path`` (a card's address) with ``digest`` replaced by the card's."""
    return path.replace(f"card-{digest}.png", f"card-{card.digest}.png")


def share(card: Card, url_name: str, **url_kwargs) -> dict:
    """What a page says of its card (templates/base.html's og:image): its address, named by
    ``url_name`` and the card's hash, absolute, and its words as alt text."""
    path = reverse(url_name, kwargs={**url_kwargs, "digest": card.digest})
    return {"url": settings.SITE_URL + path, "alt": card.alt}
