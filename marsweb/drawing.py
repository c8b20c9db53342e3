"""Text drawn into images the server makes (boarding passes, share cards) as a browser
would set it: each character in a bundled face that has it, Arabic joined up and placed
right to left by the Unicode bidi rules, a whole line fitted to a width or shortened.

Pillow draws with libraqm, which its wheels bundle and which needs the system's FriBiDi
(Debian's libfribidi0); without it text is laid out left to right unshaped, and
`manage.py check` warns (events.checks).
"""

import bisect
import json
import re
import unicodedata
from functools import cache, lru_cache

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont, features

# Faces tried in turn for each character: the site's Public Sans (its Latin, then its
# extended Latin: Ł, Ş, Ő…), Noto Sans Arabic, Noto Sans SC (Chinese, Japanese kana,
# Cyrillic: one file per block of characters, found by code point), then Noto Emoji
# (static/fonts/README.md, marsweb/fonts/README.md). What none can draw is left out of
# the image; the image's text (its PNG description, its alt text) keeps it as typed.
FACES = {
    "regular": settings.BASE_DIR / "static/fonts/public-sans-latin-400-normal.woff2",
    "bold": settings.BASE_DIR / "static/fonts/public-sans-latin-700-normal.woff2",
    "regular-ext": settings.BASE_DIR / "marsweb/fonts/public-sans-latin-ext-400-normal.woff2",
    "bold-ext": settings.BASE_DIR / "marsweb/fonts/public-sans-latin-ext-700-normal.woff2",
    "regular-arabic": settings.BASE_DIR / "marsweb/fonts/noto-sans-arabic-arabic-400-normal.woff2",
    "bold-arabic": settings.BASE_DIR / "marsweb/fonts/noto-sans-arabic-arabic-700-normal.woff2",
    "emoji": settings.BASE_DIR / "marsweb/fonts/noto-emoji-400-normal.woff2",
}
CJK = settings.BASE_DIR / "marsweb/fonts/noto-sans-sc"
# What joins the character before it into one glyph (emoji sequences, skin tones, flags'
# tags, keycaps) or one word (ZWNJ in Persian): drawn in the face of what it follows.
JOINERS = re.compile(r"[\u200c\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
# Control characters and line or paragraph separators: never drawn (libraqm refuses a
# paragraph separator inside a line).
UNDRAWN = frozenset({"Cc", "Zl", "Zp"})
NO_SUCH_CHARACTER = "\U0010fffd"  # a private-use code point: every face's missing-glyph box
SHAPING = features.check("raqm")


@lru_cache(maxsize=512)
def _face(kind: str, size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if SHAPING else ImageFont.Layout.BASIC
    if kind.startswith("cjk:"):
        path = CJK / f"noto-sans-sc-{kind[4:]}-700-normal.woff2"
    else:
        path = FACES[kind]
    return ImageFont.truetype(str(path), size, layout_engine=engine)


@cache
def _cjk_blocks() -> list[tuple[int, int, str]]:
    """(first, last, file's block) for every range of Noto Sans SC's files (their
    unicode.json, as @fontsource publishes it), sorted."""
    blocks = []
    for block, ranges in json.loads((CJK / "unicode.json").read_text()).items():
        for part in ranges.split(","):
            first, _, last = part.strip().removeprefix("U+").partition("-")
            blocks.append((int(first, 16), int(last or first, 16), block))
    return sorted(blocks)


def _cjk_face(char: str) -> str | None:
    """The Noto Sans SC file that has ``char``, as a face kind ("cjk:57"), if one has."""
    blocks = _cjk_blocks()
    point = ord(char)
    index = bisect.bisect_right(blocks, (point, 0x10FFFF + 1, "")) - 1
    if index >= 0 and blocks[index][0] <= point <= blocks[index][1]:
        return f"cjk:{blocks[index][2]}"
    return None


@lru_cache(maxsize=8192)
def _drawable(kind: str, char: str) -> bool:
    """Whether the face has a glyph for ``char``: what it draws differs from its box for a
    character it lacks."""
    face = _face(kind, 32)

    def drawn(text: str) -> tuple:
        mask = face.getmask(text)
        return mask.size, bytes(mask)

    return drawn(char) != drawn(NO_SUCH_CHARACTER)


def runs(text: str, weight: str) -> list[tuple[str, str]]:
    """``text`` as (characters, face) runs, in reading order; characters no face can draw
    are left out."""
    runs: list[tuple[str, str]] = []
    for char in text:
        if unicodedata.category(char) in UNDRAWN:
            continue
        if runs and JOINERS.fullmatch(char):
            runs[-1] = (runs[-1][0] + char, runs[-1][1])
            continue
        kinds = (weight, f"{weight}-ext", f"{weight}-arabic", _cjk_face(char), "emoji")
        kind = next((k for k in kinds if k and _drawable(k, char)), None)
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


def _segments(face_runs: list[tuple[str, str]]) -> list[list]:
    """The runs cut where the direction class changes: [characters, face, class]. A single
    separator between digits ("18:00", "10,000") is part of the number (rule W4); marks and
    joiners stay with what they follow."""
    segments: list[list] = []
    for text, kind in face_runs:
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


def layout(text: str, weight: str, rtl: bool) -> list[tuple[str, str, bool]]:
    return _visual(_segments(runs(text, weight)), rtl)


def _options(kind: str, right_to_left: bool) -> dict:
    if not SHAPING:
        return {}
    options = {"direction": "rtl" if right_to_left else "ltr"}
    if kind.endswith("-arabic"):
        options["language"] = "ar"
    return options


def text_width(draw: ImageDraw.ImageDraw, text: str, size: int, weight: str, rtl: bool) -> float:
    return sum(
        draw.textlength(chunk, font=_face(kind, size), **_options(kind, right_to_left))
        for chunk, kind, right_to_left in layout(text, weight, rtl)
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
            self.x(start, text_width(self.draw, text, size, weight, rtl)),
            top,
            text,
            size,
            fill,
            weight,
            rtl,
        )

    def centered(self, middle, top, text, size, fill, weight="regular") -> None:
        """Draw ``text`` centred on ``middle`` (a paragraph of the pass's direction)."""
        width = text_width(self.draw, text, size, weight, self.rtl)
        self.text_at(middle - width / 2, top, text, size, fill, weight, self.rtl)

    def text_at(self, x, top, text, size, fill, weight, rtl) -> None:
        baseline = top + _face(weight, size).getmetrics()[0]
        for chunk, kind, right_to_left in layout(text, weight, rtl):
            font = _face(kind, size)
            options = _options(kind, right_to_left)
            self.draw.text((x, baseline), chunk, fill=fill, font=font, anchor="ls", **options)
            x += self.draw.textlength(chunk, font=font, **options)

    def fit(self, text: str, size: int, width: int, rtl: bool, weight="bold") -> tuple[str, int]:
        """The text and the largest size up to ``size`` at which it fits ``width``,
        shortened if need be."""
        smallest = max(16, size * 7 // 10)  # smaller than that is hard to read: shorten
        while True:
            if text_width(self.draw, text, size, weight, rtl) <= width:
                return text, size
            if size - 2 < smallest:
                break
            size -= 2
        while text and text_width(self.draw, text + "…", size, weight, rtl) > width:
            text = text[:-1]
        return text + "…", size


def wrap(
    draw: ImageDraw.ImageDraw,
    text: str,
    size: int,
    weight: str,
    width: int,
    rtl: bool,
    max_lines: int,
) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines that each fit ``width``: between
    words, or between characters in a word too long for a line (Chinese and Japanese have
    no spaces); the last line shortened with "…" if the text does not fit."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if text_width(draw, candidate, size, weight, rtl) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        # The word alone: split it where it overflows.
        for char in word:
            if line and text_width(draw, line + char, size, weight, rtl) > width:
                lines.append(line)
                line = ""
            line += char
        if len(lines) >= max_lines:
            break
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return lines or [""]
    kept = lines[:max_lines]
    last = kept[-1]
    while last and text_width(draw, last + "…", size, weight, rtl) > width:
        last = last[:-1].rstrip()
    kept[-1] = last + "…"
    return kept
