"""The production setup on this machine, from deploy/'s own files: two app servers, two
email workers, nginx, PostgreSQL, Redis and an SMTP server (tests/load/cluster.py).

It runs on its own after the rest of the suite (`make test`), so that other tests do not
share the machine while it measures latency under slow clients.
"""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parent.parent


def test_two_servers_behind_nginx_seat_fairly_email_once_limit_together_and_shrug_off_slow_clients():
    result = subprocess.run(
        [sys.executable, "tests/load/cluster.py", "--slow-seconds", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "FAILED" not in report
    for check in (
        "10 seated, 40 waitlisted",
        "exactly one confirmation and one seat-or-waitlist email per address",
        "10 forms posted twice at once: 10 emails for 10 addresses",
        "30 accepted, 5 refused (limit 30); another client still accepted",
        "answered from nginx's cache",
        "a cross-site sign-up through nginx is refused (403)",
        "200 slow clients for 20 s",
    ):
        assert check in report, report
