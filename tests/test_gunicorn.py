"""gunicorn as marsweb/gunicorn.conf.py sets it up: workers are replaced only when their
memory grows past the limit, never by a count of requests."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port() -> int:
    """A port nothing listens on now: tests running side by side never share one."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(tmp_path: Path, port: int, **env: str) -> tuple[subprocess.Popen, Path]:
    log = tmp_path / "gunicorn.log"
    process = subprocess.Popen(
        [GUNICORN, "-c", "marsweb/gunicorn.conf.py", "marsweb.wsgi"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "MARSWEB_DATA_DIR": str(tmp_path),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "1",
            "GUNICORN_ACCESSLOG": "",
            **env,
        },
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        time.sleep(0.1)
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/robots.txt")
            return process, log
        except OSError:
            continue
    process.kill()
    pytest.fail(log.read_text())


def ask(port: int, requests: int) -> None:
    """/robots.txt, ``requests`` times, over keep-alive connections."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    for _ in range(requests):
        try:
            connection.request("GET", "/robots.txt")
            connection.getresponse().read()
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.close()


@pytest.mark.parametrize(("limit_mb", "replaced"), [("1", True), ("768", False)])
def test_a_worker_is_replaced_only_when_it_outgrows_its_memory_limit(tmp_path, limit_mb, replaced):
    port = free_port()
    process, log = serve(tmp_path, port, GUNICORN_MAX_WORKER_MB=limit_mb)
    try:
        for _ in range(3):  # well past the watchdog's 1,000 requests and any old max_requests
            ask(port, 1100)
        time.sleep(1)
    finally:
        process.terminate()
        process.wait(30)
    text = log.read_text()
    assert ("over GUNICORN_MAX_WORKER_MB: replacing it" in text) is replaced, text[-2000:]
    assert (text.count("Booting worker") > 1) is replaced, text[-2000:]
