from django.urls import path, re_path, register_converter

from events import views


class TokenConverter:
    """An attendee token: URL-safe base64, nothing else reaches the database."""

    regex = r"[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class SignedTokenConverter(TokenConverter):
    """A token with its signature and time stamp (``token:stamp:signature``)."""

    regex = r"[A-Za-z0-9_:-]{1,200}"


register_converter(TokenConverter, "token")
register_converter(SignedTokenConverter, "signed")

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/calendar.ics", views.events_calendar, name="calendar-all"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/rsvp/", views.event_rsvp, name="rsvp-create"),
    path("events/<slug:slug>/rsvp/sent/", views.event_rsvp_sent, name="rsvp-sent"),
    path("events/<slug:slug>/countdown/", views.event_countdown, name="countdown"),
    path("events/<slug:slug>/seats/", views.event_seats, name="seats"),
    path("events/<slug:slug>/calendar.ics", views.event_calendar, name="calendar"),
    re_path(
        r"^events/(?P<slug>[-\w]+)/card-(?P<digest>[0-9a-f]{16})\.png$",
        views.event_card_image,
        name="card",
    ),
    path("rsvp/<token:token>/", views.rsvp_page, name="rsvp"),
    path("rsvp/<signed:token>/confirm/", views.rsvp_confirm_page, name="rsvp-confirm"),
    path("rsvp/<token:token>/cancel/", views.rsvp_cancel_page, name="rsvp-cancel"),
    path("rsvp/<token:token>/boarding-pass.png", views.rsvp_boarding_pass, name="boarding-pass"),
]
