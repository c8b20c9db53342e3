"""What of a lighting staff write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from lights.models import Lighting


@register(Lighting)
class LightingTranslation(TranslationOptions):
    fields = ("landmark", "city", "country", "note")
