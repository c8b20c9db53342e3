"""Form fields every app's forms share."""

from django import forms

from marsweb import timezones


class ZoneChoiceField(forms.ChoiceField):
    """A time zone, chosen from the real ones (grouped by region), never typed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", timezones.grouped_choices)
        super().__init__(**kwargs)
