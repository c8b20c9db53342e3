"""PostgreSQL connections kept between requests (marsweb/postgresql): health-checked
after a quiet spell, trusted while busy. Runs against the local PostgreSQL server whatever
database the suite itself uses."""

import time
from unittest import mock

import dj_database_url
import psycopg
import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def database(django_db_blocker):
    """A connection of its own to the local server's own database, as a server keeps one."""
    settings = dj_database_url.parse(SERVER, conn_max_age=60, conn_health_checks=True)
    settings["ENGINE"] = "marsweb.postgresql"
    handler = ConnectionHandler({"default": settings})
    connection = handler["default"]
    with django_db_blocker.unblock():
        yield connection
        connection.close()


def request(connection) -> int:
    """One request's life as Django drives it: check at the start, a query, check at the
    end. Returns the backend's process id, which tells one connection from another."""
    connection.close_if_unusable_or_obsolete()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]
    finally:
        connection.close_if_unusable_or_obsolete()


def after_seconds(seconds: float):
    """The clock the connection reads, moved on."""
    later = time.monotonic() + seconds
    return mock.patch("marsweb.postgresql.base.time.monotonic", return_value=later)


def terminate(pid: int) -> None:
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_busy_a_moment_ago_serves_the_next_request_without_a_health_check(
    database,
):
    first = request(database)
    with mock.patch.object(database, "is_usable", wraps=database.is_usable) as check:
        assert request(database) == first
        assert request(database) == first
    assert check.call_count == 0


def test_after_a_quiet_spell_the_connection_is_health_checked_first(database):
    first = request(database)
    with (
        after_seconds(6),
        mock.patch.object(database, "is_usable", wraps=database.is_usable) as check,
    ):
        assert request(database) == first
    assert check.call_count == 1


def test_a_connection_the_server_closed_during_a_quiet_spell_is_replaced_unseen(database):
    first = request(database)
    terminate(first)
    with after_seconds(6):
        second = request(database)
    assert second != first


def test_a_connection_that_breaks_under_load_fails_one_request_and_is_then_replaced(
    database,
):
    first = request(database)
    terminate(first)
    with pytest.raises(OperationalError):
        request(database)
    assert request(database) != first
