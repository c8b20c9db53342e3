"""The colour tokens of static/css/site.css, each pair a page uses, at WCAG AA in both themes.

Computed from the stylesheet itself, so a token changed there is checked here: 4.5:1 for
text, 3:1 for large text, borders of controls and focus rings (WCAG 1.4.3, 1.4.11).
"""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parent.parent / "static" / "css" / "site.css").read_text()

# (foreground, background, minimum ratio)
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("text", "surface-2", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("muted", "surface-2", 4.5),
    ("link", "bg", 4.5),
    ("link", "surface", 4.5),
    ("accent-text", "bg", 4.5),
    ("accent-text", "surface", 4.5),
    ("on-accent", "accent", 4.5),
    ("on-warn", "warn", 4.5),
    ("warn-text", "surface", 4.5),
    ("ok-text", "surface", 4.5),
    ("error-text", "bg", 4.5),
    ("error-text", "surface-2", 4.5),
    ("on-live", "live", 4.5),
    ("on-info", "info", 4.5),
    ("control-border", "surface", 3.0),
    ("focus", "bg", 3.0),
    ("hero-text", "hero-bg", 4.5),
    ("hero-muted", "hero-bg", 4.5),
    ("hero-accent", "hero-bg", 4.5),
    ("hero-text", "hero-panel", 4.5),
    ("hero-muted", "hero-panel", 4.5),
    ("hero-accent", "hero-panel", 4.5),
]


def tokens(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", block))


def themes() -> dict[str, dict[str, str]]:
    dark = tokens(re.search(r":root\s*\{(.*?)\}", CSS, re.S).group(1))
    light_block = re.search(
        r"@media \(prefers-color-scheme: light\)\s*\{\s*:root\s*\{(.*?)\}", CSS, re.S
    ).group(1)
    return {"dark": dark, "light": {**dark, **tokens(light_block)}}


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_every_pair_of_colours_a_page_uses_meets_wcag_aa(theme):
    palette = themes()[theme]
    failing = [
        f"{fg} on {bg}: {ratio(palette[fg], palette[bg]):.2f} < {minimum}"
        for fg, bg, minimum in PAIRS
        if ratio(palette[fg], palette[bg]) < minimum
    ]
    assert failing == []


def test_the_contrast_check_knows_black_on_white():
    assert round(ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(ratio("#777777", "#ffffff"), 2) == 4.48  # just under AA, as WebAIM says
