from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page

from lights import views as lights_views
from marsweb import clock, desk, views
from marsweb.sitemaps import SITEMAPS
from missions import views as mission_views

admin.site.site_header = "Mars landing night — staff"
admin.site.site_title = "marsweb staff"
admin.site.index_title = "Missions, events and lights"
# Lists need the width: the breadcrumbs and the index lead everywhere the sidebar would.
admin.site.enable_nav_sidebar = False

# The public pages in every language: English at the unprefixed addresses, Spanish under
# /es/, Arabic under /ar/ (settings.LANGUAGES; marsweb.middleware.language_from_path).
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    re_path(r"^card-(?P<digest>[0-9a-f]{16})\.png$", views.home_card_image, name="home-card"),
    path("missions/", include("missions.urls")),
    path("mars-time/", mission_views.mars_time, name="mars-time"),
    path("", include("events.urls")),
    path("lights/", include("lights.urls")),
    path("lights.geojson", lights_views.lights_geojson, name="lights-geojson"),
    path("timezone/", views.choose_time_zone, name="choose-time-zone"),
    prefix_default_language=False,
)

# Staff tools, and what machines ask for: one address each, in English.
urlpatterns += [
    path("live/desk/", desk.live_desk, name="live-desk"),
    path("healthz", views.healthz, name="healthz"),
    path(clock.TIME_PATH.lstrip("/"), views.server_time, name="server-time"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.icon, {"size": 32}, name="favicon"),
    path("apple-touch-icon.png", views.icon, {"size": 180}, name="touch-icon"),
    path(
        "sitemap.xml",
        cache_page(3600)(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("admin/", admin.site.urls),
]

handler500 = "marsweb.views.server_error"

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            views.media,
            name="media",
        )
    ]
