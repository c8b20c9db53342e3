"""What of an event staff write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description")
