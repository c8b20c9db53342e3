"""deploy/nginx/marsweb.conf, run by Debian's nginx in front of a stand-in app server that
says every answer may be cached: an attendee's pages and the zone chooser are never kept or
shared, in any language; a public page is.

Before, only /rsvp/ and /timezone/ were kept off the cache: /es/rsvp/<token>/ and
/ar/timezone/ went through it.
"""

import shutil
import socket
import subprocess
import threading
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.load import cluster

PRIVATE = [
    f"{language}{path}"
    for language in ("", "/es", "/ar")
    for path in ("/rsvp/a-token/", "/rsvp/a-token/cancel/", "/timezone/")
]
PUBLIC = ["/events/", "/es/events/", "/ar/missions/perseverance/"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def edge(tmp_path):
    """nginx with the deployed configuration, and what reached the app behind it."""
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        pytest.fail("nginx is missing: `make test` installs Debian's nginx-light")
    reached = Counter()

    class App(BaseHTTPRequestHandler):
        def do_GET(self):
            reached[self.path] += 1
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "public, max-age=60, s-maxage=60")
            self.end_headers()
            self.wfile.write(b"<p>an answer</p>")

        def log_message(self, *args):
            pass

    app = ThreadingHTTPServer(("127.0.0.1", free_port()), App)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = free_port()
    config = cluster.nginx_config(
        tmp_path,
        port=port,
        upstreams=[f"127.0.0.1:{app.server_address[1]}"],
        static_root=tmp_path,
    )
    nginx = cluster.start_nginx(config, tmp_path / "nginx.log")
    cluster.wait_until_up(f"http://127.0.0.1:{port}/healthz", [nginx], tmp_path / "nginx.log")
    yield f"http://127.0.0.1:{port}", reached
    cluster.stop([nginx])
    app.shutdown()


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return answer.headers.get("X-Cache", "")


def test_private_pages_in_every_language_pass_the_cache_and_public_pages_are_kept(edge):
    base, reached = edge
    for path in PRIVATE + PUBLIC:
        get(base + path)
        get(base + path)
    assert {path: reached[path] for path in PRIVATE} == {path: 2 for path in PRIVATE}
    assert {path: reached[path] for path in PUBLIC} == {path: 1 for path in PUBLIC}


def test_the_deployed_configuration_is_one_nginx_accepts(tmp_path):
    config = cluster.nginx_config(
        tmp_path, port=free_port(), upstreams=["127.0.0.1:9"], static_root=tmp_path
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    checked = subprocess.run([nginx, "-t", "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
