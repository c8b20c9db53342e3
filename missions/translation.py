"""What of a mission staff write in each language (django-modeltranslation): the texts a
visitor reads. Names of agencies, sources and credits stay as published."""

from modeltranslation.translator import TranslationOptions, register

from missions.models import LiveUpdate, Milestone, Mission, MissionImage


@register(Mission)
class MissionTranslation(TranslationOptions):
    fields = ("name", "summary", "body", "landing_site_name", "status_note")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "description")


@register(MissionImage)
class MissionImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


@register(LiveUpdate)
class LiveUpdateTranslation(TranslationOptions):
    fields = ("headline", "body", "image_alt")
