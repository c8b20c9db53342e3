"""A personal "boarding pass" for the landing, drawn with Pillow.

A seated attendee's pass is a boarding pass; a waitlisted one's says so in its header and
stub, in the waitlist's colour. The pass speaks the attendee's language (their RSVP's):
an Arabic pass is laid out right to left. What the image shows is also in its PNG text
(Title and Description), for whoever cannot see it.
"""

import hashlib
import json
from datetime import datetime
from io import BytesIO

from django.utils import translation
from django.utils.translation import pgettext
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from marsweb.caching import drawn_png
from marsweb.drawing import Canvas, is_rtl
from marsweb.timezones import zoned
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


def _landing_title(landing: LandingStamp) -> str:
    """The landing as the stub says it: what Earth waits for, then the stamp's word."""
    touchdown = landing.kind == "touchdown"
    if not landing.happened:
        if touchdown:
            return pgettext("boarding pass", "TOUCHDOWN, AS EARTH HEARS IT")
        return pgettext("boarding pass", "ARRIVAL, AS EARTH HEARS IT")
    return (
        pgettext("boarding pass", "LANDED") if touchdown else pgettext("boarding pass", "IN ORBIT")
    )


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
    what = _landing_title(landing)
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

    departs = zoned(starts_local, starts_local.tzinfo)
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
        when = zoned(landing.heard_at, starts_local.tzinfo)  # on the pass's clock
        what = _landing_title(landing)
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
    process's memory (marsweb.caching.drawn_png): an attendee reloading it, or sharing the
    link around, costs a lookup. A change that shows on the pass (a seat, a new waitlist
    number, the event's title or time) makes a new key, so a pass is never out of date."""
    material = json.dumps(inputs, default=str, sort_keys=True).encode()
    digest = hashlib.sha256(material).hexdigest()
    return drawn_png("pass", digest, lambda: boarding_pass_png(**inputs), share=False)
