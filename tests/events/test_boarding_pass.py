"""What the boarding pass draws of a name: emoji in an emoji face, extended Latin in the
site's face, Arabic joined up and in its reading order, and nothing (never a box) for what
no bundled face has."""

from datetime import UTC, datetime
from io import BytesIO

from django.core.checks.registry import registry
from PIL import Image, ImageChops, features

from events.boarding_pass import DARK, WIDTH, boarding_pass_png
from events.checks import boarding_pass_shaping
from marsweb.drawing import Canvas, layout, runs, text_width


def drawn(name: str, language: str = "en") -> Image.Image:
    png = boarding_pass_png(
        language=language,
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
    assert runs("Ada 🚀", "bold") == [("Ada ", "bold"), ("🚀", "emoji")]
    assert runs("👩🏽‍🚀", "bold") == [("👩🏽\u200d🚀", "emoji")]
    assert not same_pixels(drawn("Ada 🚀"), drawn("Ada"))


def test_extended_latin_letters_are_drawn_in_the_sites_face():
    assert [kind for _, kind in runs("Łukasz Şule", "bold")] == [
        "bold-ext",
        "bold",
        "bold-ext",
        "bold",
    ]
    assert not same_pixels(drawn("Łukasz"), drawn("ukasz"))


def test_a_character_no_face_can_draw_is_left_out_not_boxed():
    assert same_pixels(drawn("Ada\U0010fffd"), drawn("Ada"))


def test_persian_joiners_stay_with_their_letters():
    assert runs("A\u200cB", "regular") == [("A\u200cB", "regular")]


def visual(text: str, rtl: bool) -> list[str]:
    """The pieces of ``text`` as the pass draws them, left to right."""
    return [chunk for chunk, _kind, _rtl in layout(text, "bold", rtl)]


def test_arabic_is_drawn_in_the_arabic_face_with_its_letters_joined():
    """Before: Arabic was left out of the pass altogether."""
    assert runs("ليلى Ali", "bold") == [("ليلى", "bold-arabic"), (" Ali", "bold")]
    assert not same_pixels(drawn("ليلى"), drawn(""))
    # Shaped: the letters take their joined forms, unlike the same letters kept apart.
    assert not same_pixels(drawn("ليلى"), drawn("ل\u200cي\u200cل\u200cى"))


def test_persian_and_urdu_letters_are_drawn_though_the_pages_arabic_face_lacks_them():
    """The browser's Arabic faces keep only Arabic's letters (a phone draws the rest in its
    own face); the pass has no other face, so it draws with the whole script: Zhaleh's ژ
    and Urdu's ے are not left out."""
    for name, without in (("ژاله", "اله"), ("ملے", "مل")):
        assert runs(name, "bold") == [(name, "bold-arabic")]
        assert not same_pixels(drawn(name), drawn(without))


def test_mixed_direction_text_is_placed_as_a_browser_places_it():
    # An Arabic date: the day, its number, the month, the year and the time read from the
    # right; each number keeps its own digits' order.
    assert visual("خميس 10 يناير 2030، 18:00 CST", rtl=True) == [
        "CST",
        " ",
        "18:00",
        " ",
        "،",
        "2030",
        " ",
        "يناير",
        " ",
        "10",
        " ",
        "خميس",
    ]
    # A Latin name in an Arabic name's paragraph; the brackets, read right to left, are
    # drawn mirrored, so they still open before "Noor" and close after it.
    assert visual("نور (Noor)", rtl=True) == [")", "Noor", " (", "نور"]
    assert [rtl for *_, rtl in layout("نور (Noor)", "bold", rtl=True)] == [True, False, True, True]
    # Arabic inside an English line stays one right-to-left stretch where it stands.
    assert visual("Hello ليلى نور!", rtl=False) == ["Hello", " ", "نور", " ", "ليلى", "!"]


def name_ink(image: Image.Image) -> tuple[int, int]:
    """Where the passenger's name is drawn, left and right, on the pass's row of text."""
    row = image.crop((0, 150, WIDTH, 210))
    dark = Image.new("RGB", row.size, DARK)
    left, _top, right, _bottom = ImageChops.difference(row, dark).getbbox()
    return left, right


def test_a_name_keeps_to_the_start_edge_of_its_pass_whatever_its_own_direction():
    """As <bdi> in a paragraph: the name reads in its own direction, the line is aligned to
    the page's."""
    assert name_ink(drawn("ليلى"))[0] in range(40, 50)
    assert name_ink(drawn("Ada"))[0] in range(40, 50)
    assert name_ink(drawn("Ada", language="ar"))[1] in range(WIDTH - 50, WIDTH - 40)
    assert name_ink(drawn("ليلى", language="ar"))[1] in range(WIDTH - 50, WIDTH - 40)


def test_without_text_shaping_the_deploy_check_warns(monkeypatch):
    assert features.check("raqm"), "this machine has FriBiDi: Arabic passes are shaped"
    assert boarding_pass_shaping in registry.get_checks()
    assert boarding_pass_shaping(None) == []
    monkeypatch.setattr(features, "check", lambda feature: False)
    assert [warning.id for warning in boarding_pass_shaping(None)] == ["events.W001"]


def test_chinese_japanese_and_cyrillic_names_are_drawn_not_left_out():
    """Before: a name in Chinese, Japanese or Russian came out as nothing at all."""
    kinds = [kind for _text, kind in runs("星野 さくら Иван", "bold")]
    assert all(kind.startswith("cjk:") for kind in kinds if kind != "bold"), kinds
    for name in ("星野", "さくら", "Иван"):
        assert not same_pixels(drawn(name), drawn("")), name


def test_text_that_fits_at_the_smallest_size_is_drawn_whole_not_shortened():
    """Before, "…" was added to whatever fitted only at the smallest size: every English
    pass read "TOUCHDOWN, AS EARTH HEARS IT…"."""
    canvas = Canvas(Image.new("RGB", (600, 100)), rtl=False)
    text = "TOUCHDOWN, AS EARTH HEARS IT"
    at_smallest = text_width(canvas.draw, text, 16, "bold", False)
    assert canvas.fit(text, 22, at_smallest, False) == (text, 16)
    shortened, size = canvas.fit(text, 22, at_smallest - 10, False)
    assert shortened.endswith("…") and size == 16
    assert canvas.fit("تأكيد الهبوط", 22, 1000, True) == ("تأكيد الهبوط", 22)
