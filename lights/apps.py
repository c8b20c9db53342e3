from django.apps import AppConfig


class LightsConfig(AppConfig):
    name = "lights"
    verbose_name = "City lights"
