from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django_tasks_db.apps import TasksAppConfig


class MarswebConfig(AppConfig):
    """The site package as an app: its template tags, the site-wide commands (``seed``).

    It has no models. Apps build on it; it imports no app, except in the modules that wire
    the apps together into one site (urls.py, views.py, sitemaps.py, bulk_content).
    """

    name = "marsweb"
    verbose_name = "Site"


# Third-party apps under the names staff know them by in the admin's index (their own read
# "AXES" and "TASKS DATABASE BACKEND").


class SignInLockoutsConfig(AxesAppConfig):
    verbose_name = "Sign-in lockouts"


class EmailQueueConfig(TasksAppConfig):
    verbose_name = "Email queue"
