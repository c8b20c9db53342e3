from django.urls import path, re_path

from lights import views

app_name = "lights"

urlpatterns = [
    path("", views.lights_page, name="list"),
    path("now/", views.lights_now, name="now"),
    path("calendar.ics", views.lights_calendar, name="calendar"),
    path("submit/", views.lights_submit, name="submit"),
    re_path(r"^card-(?P<digest>[0-9a-f]{16})\.png$", views.lights_card_image, name="card"),
    path("<slug:city>/calendar.ics", views.city_calendar, name="city-calendar"),
]
