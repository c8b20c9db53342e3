from django.apps import AppConfig

from events import checks  # noqa: F401 - registers the app's system checks
from missions.signals import mission_rehearsed


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"
    # What `manage.py retry_emails` runs for this app's emails.
    retry_emails = "events.rsvp.rsvps_retry_emails"

    def ready(self) -> None:
        # Django's documented place to connect a receiver: its module imports models, which
        # must wait until the app registry is ready. (Not a cycle: missions never imports events.)
        from events.rehearsal import events_rehearse

        mission_rehearsed.connect(events_rehearse, dispatch_uid="events.rehearsal")
