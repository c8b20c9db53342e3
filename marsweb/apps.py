from django.apps import AppConfig


class MarswebConfig(AppConfig):
    """The site package as an app: its template tags, the site-wide commands (``seed``).

    It has no models. Apps build on it; it imports no app, except in the modules that wire
    the apps together into one site (urls.py, views.py, sitemaps.py, bulk_content).
    """

    name = "marsweb"
    verbose_name = "Site"
