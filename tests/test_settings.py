"""Settings as an operator meets them: start-up checks run in a separate process."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "mars.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://mars.example.org",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_a_secret_key_refuses_to_start_and_says_which_variable():
    result = manage("check", env={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_check_deploy_is_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_models_and_migrations_agree():
    result = manage("makemigrations", "--check", "--dry-run", env={})
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_cookies_are_host_locked_and_secure():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.MARSWEB_TZ_COOKIE_NAME, "
        "s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:5] == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "__Host-tz",
        "True",
        "31536000",
    ]


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://postgres@127.0.0.1:5432/marsweb", "marsweb.postgresql"),
        ("", "django.db.backends.sqlite3"),
    ],
)
def test_database_url_chooses_the_database(url, engine):
    code = (
        "from django.conf import settings as s; d=s.DATABASES['default'];"
        "print(d['ENGINE'], d.get('OPTIONS', {}).get('transaction_mode'))"
    )
    result = manage("shell", "--no-imports", "-c", code, env={"DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    printed_engine, mode = result.stdout.split()
    assert printed_engine == engine
    assert mode == ("IMMEDIATE" if "sqlite" in engine else "None")


def test_redis_url_makes_the_shared_cache_redis():
    code = "from django.conf import settings as s; print(s.CACHES['shared']['BACKEND'])"
    result = manage(
        "shell", "--no-imports", "-c", code, env={"REDIS_URL": "redis://127.0.0.1:6379/0"}
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"
    result = manage("shell", "--no-imports", "-c", code, env={"REDIS_URL": ""})
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"


def test_collectstatic_builds_hashed_compressed_files(tmp_path):
    result = manage("collectstatic", "--noinput", env={"DJANGO_STATIC_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()
    hashed = list((tmp_path / "css").glob("site.*.css"))
    assert hashed
    assert list((tmp_path / "css").glob("site.*.css.br")), "brotli copies for whitenoise"
    assert list((tmp_path / "django_htmx").glob("htmx-2.min.*.js"))
    # Fonts and pictures get hashed names too, and the stylesheet points at those: a
    # browser or CDN keeps them for a year (WHITENOISE_MAX_AGE) and asks again only when
    # they change.
    css = hashed[0].read_text()
    for font in ("public-sans-latin-400-normal", "public-sans-latin-700-normal"):
        assert re.search(rf'url\("\.\./fonts/{font}\.[0-9a-f]{{12}}\.woff2"\)', css), font
    assert re.search(r'url\("\.\./img/landing-scene\.[0-9a-f]{12}\.svg"\)', css)
    assert list((tmp_path / "img" / "missions").glob("rover.*.svg"))


def test_a_fresh_checkout_without_a_data_folder_can_migrate(tmp_path):
    data_dir = tmp_path / "not-yet-created"
    result = manage(
        "migrate", "--noinput", env={"MARSWEB_DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    )
    assert result.returncode == 0, result.stderr
    assert (data_dir / "marsweb.sqlite3").exists()


@pytest.mark.parametrize(
    ("url", "backend"),
    [("dummy://", "dummy"), ("console://", "console"), ("smtp://mail:25", "smtp")],
)
def test_email_url_chooses_the_mailer(url, backend):
    code = "from django.conf import settings as s; print(s.MAILERS['default']['BACKEND'])"
    result = manage("shell", "--no-imports", "-c", code, env={"EMAIL_URL": url})
    assert result.stdout.strip() == f"django.core.mail.backends.{backend}.EmailBackend"


def test_trusted_proxies_are_read_as_addresses_and_networks():
    code = "from django.conf import settings as s; print(*s.MARSWEB_TRUSTED_PROXY_IPS)"
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={"MARSWEB_TRUSTED_PROXY_IPS": "10.0.0.0/8, 127.0.0.1"},
    )
    assert result.stdout.split() == ["10.0.0.0/8", "127.0.0.1/32"]


def test_a_trusted_proxy_that_is_not_an_address_refuses_to_start_and_says_which():
    result = manage("check", env={"MARSWEB_TRUSTED_PROXY_IPS": "10.0.0.0/8,lb.internal"})
    assert result.returncode != 0
    assert "MARSWEB_TRUSTED_PROXY_IPS" in result.stderr and "lb.internal" in result.stderr


def test_the_old_proxy_count_setting_refuses_to_start_and_names_its_replacement():
    result = manage("check", env={"MARSWEB_TRUSTED_PROXIES": "1"})
    assert result.returncode != 0
    assert "MARSWEB_TRUSTED_PROXY_IPS" in result.stderr
