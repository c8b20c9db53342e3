from django.urls import path

from missions import views

app_name = "missions"

urlpatterns = [
    path("", views.mission_list, name="list"),
    path("<slug:slug>/", views.mission_detail, name="detail"),
    path("<slug:slug>/countdown/", views.mission_countdown, name="countdown"),
]
