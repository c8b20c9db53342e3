"""
Settings for marsweb: one file, every deployment difference from the environment.

Development needs no variables at all (DEBUG on, SQLite in ./data, console email).
Production is ``DJANGO_DEBUG=0`` and must name its secret key; see docs/configuration.md for the list.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site refuses to start "
            "without it: set DJANGO_SECRET_KEY to a long random string, e.g. the output of "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public address of the site, used in emails, the sitemap and Open Graph tags.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Content in every language, edited beside the English in the admin (before the admin).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "marsweb.apps.SignInLockoutsConfig",  # django-axes
    "marsweb.apps.EmailQueueConfig",  # django-tasks-db
    "marsweb",
    "missions",
    "events",
    "lights",
]

MIDDLEWARE = [
    # A load balancer's probe names the server by address: answered whatever Host it sends.
    "marsweb.middleware.health_probe_any_host",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the fast path, so a fragment answered from memory names its language too.
    "marsweb.middleware.language_from_path",
    "marsweb.caching.fragment_fast_path",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "marsweb.middleware.visitor_time_zone",
    "marsweb.middleware.security_headers",
    # Before any view or CSRF check reads a body: refuses one larger than forms need.
    "marsweb.middleware.refuse_large_bodies",
    "marsweb.middleware.database_unavailable",
    # Last, so that it sees the admin login's outcome: lockout after repeated failures.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login: 5 failures from one address, or for one username, lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("MARSWEB_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client address the rate limits use: behind proxies, the one they vouch for.
AXES_CLIENT_IP_CALLABLE = "marsweb.ratelimit.client_ip"
AXES_VERBOSE = False

ROOT_URLCONF = "marsweb.urls"
WSGI_APPLICATION = "marsweb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "marsweb.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in ./data by default, anything dj-database-url reads from DATABASE_URL.
DATA_DIR = Path(os.environ.get("MARSWEB_DATA_DIR", BASE_DIR / "data"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    # PostgreSQL's own backend, health-checking a kept connection only after a quiet spell.
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["ENGINE"] = "marsweb.postgresql"
    # Through pgbouncer in transaction mode (deploy/pgbouncer/pgbouncer.ini), a connection is
    # another client's between transactions: no server-side cursors may outlive one.
    if env_bool("MARSWEB_DB_TRANSACTION_POOLER", False):
        DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "marsweb.sqlite3",
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
    # the start of a transaction so writers queue (for up to `timeout` s) instead of failing
    # half-way with "database is locked".
    # Tests use a file too (not SQLite's in-memory database), so that concurrent
    # transactions in tests meet the same locking as in production.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-marsweb.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. "default" is per process, for what is the same for every visitor and cheap to
# rebuild (rendered fragments). "shared" is what every process and server must agree on
# (drawn share cards, the first-served stamps of feeds; with Redis also rendered fragments
# and the rate-limit counts, which otherwise have a table of their own, marsweb.models):
# Redis when REDIS_URL is set, else a table in the database, which is correct with several
# gunicorn workers on one machine too. Nothing is kept in it without an expiry.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "marsweb-local",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Drawn images, per process (marsweb.caching.drawn_png): share cards and boarding passes
    # (about 45 KB each), at most ~25 MB.
    "drawn": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "marsweb-drawn",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
    "shared": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "marsweb",
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "marsweb_cache",
            "TIMEOUT": 300,
            # Room for every share card and feed stamp asked for (Django's default of 300
            # would cull them while they are in use); Redis has no such limit.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    ),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site speaks English, Spanish and Arabic. A page's language is in its address (English
# unprefixed, /es/, /ar/: marsweb.urls), never in a header or cookie, so every address is the
# same bytes for everyone and a CDN may keep it (marsweb.middleware.language_from_path).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content (missions, events, lightings…) is stored in each language beside the English, in
# the same row (django-modeltranslation: <app>/translation.py); a text not translated yet
# shows in English, marked lang="en" (marsweb.templatetags.marsweb.translated).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es", "ar")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Our own formats where Django's lack something (a time's zone): marsweb/formats/.
FORMAT_MODULE_PATH = ["marsweb.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# urlize (live posts, sources): a bare "example.org" links to https://, as Django 2028 will.
URLIZE_ASSUME_HTTPS = True

# Static files: hashed, compressed, served by whitenoise with far-future cache headers.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Serve uploads from MEDIA_ROOT through Django; turn off when STORAGES points at object
# storage or the proxy in front serves /media/ itself.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Uploads: large enough for a press photo, small enough that a form cannot fill memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MARSWEB_IMAGE_MAX_BYTES = 10 * 1024 * 1024
# The largest request body taken in at all (marsweb.middleware.refuse_large_bodies):
# public forms are a few fields; the admin's mission form carries images.
MARSWEB_PUBLIC_POST_MAX_BYTES = int(os.environ.get("MARSWEB_PUBLIC_POST_MAX_BYTES", 64 * 1024))
MARSWEB_ADMIN_POST_MAX_BYTES = int(
    os.environ.get("MARSWEB_ADMIN_POST_MAX_BYTES", 4 * MARSWEB_IMAGE_MAX_BYTES)
)
MARSWEB_IMAGE_MAX_PIXELS = 40_000_000

# The RSVP flow.
MARSWEB_RSVP_PENDING_HOURS = int(os.environ.get("MARSWEB_RSVP_PENDING_HOURS", 48))
MARSWEB_REMINDER_MINUTES_BEFORE = int(os.environ.get("MARSWEB_REMINDER_MINUTES_BEFORE", 60))
MARSWEB_RSVP_PURGE_AFTER_DAYS = int(os.environ.get("MARSWEB_RSVP_PURGE_AFTER_DAYS", 30))
# Limits on public POSTs (sign-ups, confirmations, lighting submissions), each
# (count, window in seconds), counted in the shared cache across every server. A school,
# a watch party or a mobile carrier puts many people behind one address, so the limit
# per address is generous; one email address gets far fewer tries (per event).
_RATE_WINDOW = int(os.environ.get("MARSWEB_RATE_LIMIT_WINDOW", 600))
MARSWEB_RATE_LIMITS = {
    "address": (int(os.environ.get("MARSWEB_RATE_LIMIT_POSTS", 60)), _RATE_WINDOW),
    "email": (int(os.environ.get("MARSWEB_RATE_LIMIT_EMAIL_POSTS", 5)), _RATE_WINDOW),
}
# The proxies (load balancers, nginx) whose X-Forwarded-For is believed: addresses or
# networks, comma-separated. A request from any other peer is its own client, whatever
# X-Forwarded-For it sends. Empty (the default): the peer's own address, REMOTE_ADDR.
if "MARSWEB_TRUSTED_PROXIES" in os.environ:
    raise ImproperlyConfigured(
        "MARSWEB_TRUSTED_PROXIES (a count) is no longer read: list the addresses of your "
        "proxies in MARSWEB_TRUSTED_PROXY_IPS instead, e.g. MARSWEB_TRUSTED_PROXY_IPS=10.0.0.0/8."
    )
try:
    MARSWEB_TRUSTED_PROXY_IPS = tuple(
        ipaddress.ip_network(entry, strict=False) for entry in env_list("MARSWEB_TRUSTED_PROXY_IPS")
    )
except ValueError as error:
    raise ImproperlyConfigured(f"MARSWEB_TRUSTED_PROXY_IPS: {error}") from error

# Background work (email) through django.tasks. MARSWEB_TASKS=database (production's
# default) stores each task in the database (django-tasks-db) in the same transaction as the
# change it reports, and `manage.py db_worker` runs them: a sign-up never waits on the mail
# relay. MARSWEB_TASKS=immediate (development's and the tests' default) runs a task in the
# request, once the transaction has committed. Either way a failed send is recorded on the
# RSVP, and `manage.py retry_emails` (cron) sends it again.
MARSWEB_TASKS = os.environ.get("MARSWEB_TASKS", "immediate" if DEBUG else "database")
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if MARSWEB_TASKS not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"MARSWEB_TASKS is {MARSWEB_TASKS!r}: set it to 'database' or 'immediate'."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[MARSWEB_TASKS]}}
# A task running this long has lost its worker (an email's send times out within a
# minute): retry_emails marks it failed and sends what it owed.
MARSWEB_TASK_STALE_MINUTES = int(os.environ.get("MARSWEB_TASK_STALE_MINUTES", 10))

# Email through Django 6.1's MAILERS; the console in development.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Mars landing night <landing@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# EMAIL_URL: smtp://user:password@host:port (smtp+tls:// for STARTTLS, smtps:// for TLS),
# console:// to print, dummy:// to drop (load tests). Without it, development prints email
# to the console and production hands it to the local mail relay on port 25.
EMAIL_URL = os.environ.get("EMAIL_URL", "" if DEBUG else "smtp://localhost:25")
if EMAIL_URL.startswith("dummy:"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
elif EMAIL_URL and not EMAIL_URL.startswith("console:"):
    _email = urlsplit(EMAIL_URL)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email.hostname or "localhost",
                "port": _email.port or 25,
                "username": unquote(_email.username or ""),
                "password": unquote(_email.password or ""),
                "use_tls": _email.scheme == "smtp+tls",
                "use_ssl": _email.scheme == "smtps",
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Security. The CSP allows no inline script without the per-response nonce and no
# inline style at all; htmx is configured (base.html) not to need either.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# The visitor's chosen time zone (marsweb.timezones); static/js/timezone.js reads it too.
MARSWEB_TZ_COOKIE_NAME = "tz"

if not DEBUG:
    # Behind a TLS-terminating proxy or load balancer that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    MARSWEB_TZ_COOKIE_NAME = "__Host-tz"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}
