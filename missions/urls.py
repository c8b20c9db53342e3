from django.urls import path, re_path
from django.views.decorators.cache import cache_control

from missions import views
from missions.feeds import MissionLiveAtom

app_name = "missions"

urlpatterns = [
    path("", views.mission_list, name="list"),
    path("<slug:slug>/", views.mission_detail, name="detail"),
    path("<slug:slug>/countdown/", views.mission_countdown, name="countdown"),
    path("<slug:slug>/live/", views.mission_live, name="live"),
    path("<slug:slug>/calendar.ics", views.mission_calendar, name="calendar"),
    re_path(
        r"^(?P<slug>[-\w]+)/card-(?P<digest>[0-9a-f]{16})\.png$",
        views.mission_card_image,
        name="card",
    ),
    # Feed readers poll now and then: a minute's copy is fresh enough, for any cache.
    path(
        "<slug:slug>/live.atom",
        cache_control(public=True, max_age=60)(MissionLiveAtom()),
        name="live-atom",
    ),
]
