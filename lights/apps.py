from django.apps import AppConfig


class LightsConfig(AppConfig):
    name = "lights"
    verbose_name = "City lights"
    # What `manage.py retry_emails` runs for this app's emails.
    retry_emails = "lights.schedule.lightings_retry_emails"
