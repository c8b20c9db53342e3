"""What the boarding pass draws of a name: emoji in an emoji face, extended Latin in the
site's face, and nothing (never a box) for what no bundled face has."""

from datetime import UTC, datetime
from io import BytesIO

from PIL import Image, ImageChops

from events.boarding_pass import _runs, boarding_pass_png


def drawn(name: str) -> Image.Image:
    png = boarding_pass_png(
        name=name,
        event_title="Watch party",
        starts_local=datetime(2030, 1, 10, 18, 0, tzinfo=UTC),
        destination="Jezero Crater",
        code="AB12CD34",
    )
    return Image.open(BytesIO(png)).convert("RGB")


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return ImageChops.difference(a, b).getbbox() is None


def test_emoji_and_emoji_sequences_are_drawn_in_the_emoji_face():
    """Before: every emoji came out as a box."""
    assert _runs("Ada 🚀", "bold") == [("Ada ", "bold"), ("🚀", "emoji")]
    assert _runs("👩🏽‍🚀", "bold") == [("👩🏽\u200d🚀", "emoji")]
    assert not same_pixels(drawn("Ada 🚀"), drawn("Ada"))


def test_extended_latin_letters_are_drawn_in_the_sites_face():
    assert [kind for _, kind in _runs("Łukasz Şule", "bold")] == [
        "bold-ext",
        "bold",
        "bold-ext",
        "bold",
    ]
    assert not same_pixels(drawn("Łukasz"), drawn("ukasz"))


def test_a_character_no_face_can_draw_is_left_out_not_boxed():
    assert same_pixels(drawn("Ada\U0010fffd"), drawn("Ada"))


def test_persian_joiners_stay_with_their_letters():
    assert _runs("A\u200cB", "regular") == [("A\u200cB", "regular")]
