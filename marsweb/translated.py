"""Content in every language (django-modeltranslation keeps ``<field>_<language>`` columns
beside each translated field: <app>/translation.py)."""

from collections.abc import Callable

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import translator


def in_every_language(
    source,
    field: str,
    make: Callable[[str], str] = lambda text: text,
    *,
    to: str | None = None,
    every: bool = False,
) -> dict[str, str]:
    """A copy's ``field`` (or ``to``) in each language ``source`` has ``field`` in, as keyword
    arguments for the copy's model (``{"name_en": …, "name_es": …}``): ``make`` turns each
    text into the copy's, with that language active (so that its words are that language's).
    ``every``: in every language, from the English where ``source`` has no translation (a
    name with a translated label: "Perseverance (Ensayo)")."""
    english = getattr(source, f"{field}_{settings.LANGUAGE_CODE}", None)
    values = {}
    for code, _name in settings.LANGUAGES:
        text = getattr(source, f"{field}_{code}", None) or (english if every else None)
        if text:
            with translation.override(code):
                values[f"{to or field}_{code}"] = make(text)
    return values


def active_language() -> str:
    """The language being spoken (the address's): English when none is active."""
    return translation.get_language() or settings.LANGUAGE_CODE


def shown_in_english(obj, field: str) -> bool:
    """Whether ``obj.field`` shows the English because the active language has no text yet
    (django-modeltranslation falls back to it). Objects without translations never do."""
    language = active_language()
    if language == settings.LANGUAGE_CODE or not hasattr(obj, f"{field}_{language}"):
        return False
    return not getattr(obj, f"{field}_{language}") and bool(getattr(obj, field, ""))


def fallback_lang(obj, field: str) -> str:
    """ "en" when ``obj.field`` shows the English in place of a missing translation, else ""
    (for a ``lang`` attribute on what is built from it)."""
    return settings.LANGUAGE_CODE if shown_in_english(obj, field) else ""


def typed_in(instance, language: str) -> None:
    """What a visitor typed on a page in ``language`` (a form saves it in that language's
    columns only) is also the original: copied into the English columns, which every
    language falls back to, where those are empty. Until staff translate it, every page
    shows it as typed; the Spanish column keeps it as Spanish."""
    if language == settings.LANGUAGE_CODE:
        return
    for field in translator.get_options_for_model(type(instance)).fields:
        typed = getattr(instance, f"{field}_{language}", None)
        if typed and not getattr(instance, f"{field}_{settings.LANGUAGE_CODE}", None):
            setattr(instance, f"{field}_{settings.LANGUAGE_CODE}", typed)
