"""What the apps' admins share: change forms whose dates and times are a place's own, and
content edited in every language beside the English, with what is missing shown."""

from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import get_language_info
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator

from marsweb import timezones

LANGUAGE_NAMES = {code: get_language_info(code)["name"] for code, name in settings.LANGUAGES}
TRANSLATED_INTO = [code for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def counted(number: int, thing: str) -> str:
    """ "1 lighting", "3 lightings": the admin's messages (in English, as the admin is)."""
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def translated_fields(model) -> list[str]:
    """The model's fields staff write in every language (its <app>/translation.py)."""
    return sorted(translator.get_options_for_model(model).fields)


def missing_translations(obj) -> dict[str, list[str]]:
    """Per language, the fields with English text and no translation yet."""
    missing: dict[str, list[str]] = {}
    for field in translated_fields(type(obj)):
        if not getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", ""):
            continue
        for code in TRANSLATED_INTO:
            if not getattr(obj, f"{field}_{code}", ""):
                missing.setdefault(code, []).append(field)
    return missing


def missing_in(model, code: str) -> Q:
    """Rows with an English text and no translation into ``code``."""
    english = settings.LANGUAGE_CODE
    return reduce(
        or_,
        (
            (Q(**{f"{field}_{code}__isnull": True}) | Q(**{f"{field}_{code}": ""}))
            & ~Q(**{f"{field}_{english}": ""})
            & Q(**{f"{field}_{english}__isnull": False})
            for field in translated_fields(model)
        ),
    )


class MissingTranslationFilter(admin.SimpleListFilter):
    title = "translation missing"
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, LANGUAGE_NAMES[code]) for code in TRANSLATED_INTO]

    def queryset(self, request, queryset):
        if self.value() in TRANSLATED_INTO:
            return queryset.filter(missing_in(queryset.model, self.value()))
        return queryset


class TranslatedErrors:
    """A model form whose model names a translated field in an error (``image_alt``): the
    error goes beside that field's English box (``image_alt_en``), which the form has."""

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            english = settings.LANGUAGE_CODE
            error = ValidationError(
                {
                    name
                    if name in self.fields or f"{name}_{english}" not in self.fields
                    else f"{name}_{english}": errors
                    for name, errors in error.error_dict.items()
                }
            )
        super().add_error(field, error)


class TranslatedContentAdmin(TranslationAdmin):
    """Each translated field in every language, side by side ("Name [es]"); Arabic boxes
    are written right to left. The list says which translations are missing and filters
    by them."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (TranslatedErrors, form), {})

    def translated_fieldsets(self, fieldsets: list) -> list:
        """Fieldsets built in code (``get_fieldsets``) with each translated field in every
        language, as modeltranslation does for declared ones."""
        return [
            (name, {**options, "fields": self.replace_orig_field(options["fields"])})
            for name, options in fieldsets
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = getattr(db_field, "language", None)
        if field is not None and code:
            field.widget.attrs.update({"lang": code, "dir": "auto"})
        return field

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translations"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    @admin.display(description="missing")
    def translations(self, obj) -> str:
        """The languages with a text still to translate; the fields in its tooltip."""
        missing = missing_translations(obj)
        if not missing:
            return "—"
        return format_html_join(
            ", ",
            '<span title="{}">{}</span>',
            ((", ".join(fields), LANGUAGE_NAMES[code]) for code, fields in missing.items()),
        )


class PlaceTimeAdmin(admin.ModelAdmin):
    """A change form in the zone of the place it is about (an event's, a city's).

    Its dates and times are shown and read in that zone — the object's, or the one the form
    posts, or the model's default for a new one — and the admin's "Now" and "Today" buttons
    give that zone's time. The form names the zone beside the fields (``zone_note``).
    """

    zone_field = "time_zone"

    def place_zone(self, request, object_id: str | None) -> ZoneInfo:
        posted = timezones.parse(request.POST.get(self.zone_field))
        if posted is not None:
            return posted
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is not None:
            return timezones.zone_or_utc(getattr(obj, self.zone_field))
        default = self.model._meta.get_field(self.zone_field).get_default()
        return timezones.zone_or_utc(default)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        zone = self.place_zone(request, object_id)
        extra_context = {**(extra_context or {}), "place_zone": zone}
        with timezone.override(zone):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # widgets show their times while the zone is in force
        return response

    @staticmethod
    def zone_note(zone_label: str) -> str:
        return (
            f"Dates and times here are {zone_label}'s own, on its clock: enter them as people "
            "there read them. Pages show them in that zone and in each visitor's."
        )
