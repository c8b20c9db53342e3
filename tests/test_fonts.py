"""The site's fonts: served from static/fonts/ with their licences, swapped in (text shows at
once in a fallback), and small enough for a phone on landing night."""

import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSS = (ROOT / "static" / "css" / "site.css").read_text()
FONTS = ROOT / "static" / "fonts"
LICENCES = {
    "Public Sans": "LICENSE-public-sans.txt",
    "Public Sans Latin": "LICENSE-public-sans.txt",
    "Clock": "LICENSE-jetbrains-mono.txt",
    "Noto Sans Arabic": "LICENSE-noto-sans-arabic.txt",
}
ARABIC = {"noto-sans-arabic-arabic-400-normal.woff2", "noto-sans-arabic-arabic-700-normal.woff2"}


def font_faces() -> list[str]:
    return re.findall(r"@font-face\s*{([^}]*)}", CSS)


def test_every_font_is_a_file_of_this_site_swapped_in_with_its_licence_beside_it():
    faces = [face for face in font_faces() if "url(" in face]
    assert len(faces) == 7
    for face in faces:
        family = re.search(r'font-family:\s*"([^"]+)"', face).group(1)
        # Text shows at once in a fallback. On Arabic pages (Arabic, and the Latin face
        # under the name they use) a face that comes late is not swapped in: in a
        # right-to-left line no fallback holds the line still.
        display = "optional" if family in ("Noto Sans Arabic", "Public Sans Latin") else "swap"
        assert re.search(rf"font-display:\s*{display}", face), family
        source = re.search(r'src:\s*url\("\.\./fonts/([^"]+\.woff2)"\)', face).group(1)
        assert (FONTS / source).is_file(), source
        assert "SIL OPEN FONT LICENSE" in (FONTS / LICENCES[family]).read_text().upper()


def test_fonts_are_subset_small_enough_for_a_phone():
    sizes = {path.name: path.stat().st_size for path in FONTS.glob("*.woff2")}
    assert sizes["jetbrains-mono-clock-700.woff2"] < 8_000  # digits and a few letters only
    assert sum(size for name, size in sizes.items() if name not in ARABIC) < 40_000
    # Arabic letters only, for Arabic pages only (below): cut down to the letters Arabic
    # writes, so that a phone has both faces before an Arabic page is drawn (they were
    # 99 KB, then 43 KB with the letters of every language written in Arabic script).
    assert sum(sizes[name] for name in ARABIC) < 32_000


def unicode_ranges(face: str) -> list[range]:
    spans = re.search(r"unicode-range:\s*([^;]+);", face).group(1)
    found = []
    for span in spans.split(","):
        first, _, last = span.strip().removeprefix("U+").partition("-")
        found.append(range(int(first, 16), int(last or first, 16) + 1))
    return found


def test_the_arabic_faces_hold_every_arabic_letter_the_site_writes():
    """The faces were cut down to the letters Arabic writes: every Arabic character of the Arabic
    catalogue, the seeded translations and the scripts is in it, so none is drawn in
    another font in the middle of a word."""
    sources = [ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"]
    sources += [*ROOT.glob("*/seed_translations.py"), *ROOT.glob("static/js/*.js")]
    written = {
        char
        for path in sources
        for char in path.read_text()
        if "ARABIC" in unicodedata.name(char, "")
    }
    assert len(written) > 40
    for face in font_faces():
        if "Noto Sans Arabic" in face:
            ranges = unicode_ranges(face)
            assert [c for c in written if not any(ord(c) in r for r in ranges)] == []


def test_only_arabic_pages_ask_for_the_arabic_face():
    """An English or Spanish page shows one Arabic word (the language switcher's): it must
    not download 100 KB of font for it."""
    rules = re.findall(
        r"([^{}]*?)\s*\{[^{}]*?--font:\s*([^;]*);", re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    )
    stacks = {selector.strip(): stack for selector, stack in rules}
    assert [selector for selector, stack in stacks.items() if "Noto Sans Arabic" in stack] == [
        'html[lang="ar"]'
    ]
    assert "Noto Sans Arabic" not in stacks[":root"]
    for face in font_faces():
        if "Noto Sans Arabic" in face:
            assert re.search(r"unicode-range:\s*U\+0600-0670,", face)


def test_no_stylesheet_or_template_loads_a_font_from_another_host():
    templates = "".join(path.read_text() for path in (ROOT / "templates").rglob("*.html"))
    for text in (CSS, templates):
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert not re.search(r"url\((['\"]?)https?://", text)


def test_the_fallback_takes_the_room_public_sans_will_so_the_swap_moves_nothing():
    """Before, the page shifted when Public Sans swapped in over a fallback of other
    metrics (Lighthouse: layout shift 0.18 on /lights/, 0.11 on the home page)."""
    fallbacks = [face for face in font_faces() if '"Public Sans Fallback"' in face]
    assert len(fallbacks) == 2  # regular and bold
    for face in fallbacks:
        assert 'local("Arial' in face and 'local("Liberation Sans' in face
        for descriptor in ("size-adjust", "ascent-override", "descent-override"):
            assert re.search(rf"{descriptor}:\s*[\d.]+%", face), descriptor
    assert '--font: "Public Sans", "Public Sans Fallback",' in CSS
