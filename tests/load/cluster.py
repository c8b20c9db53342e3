#!/usr/bin/env python3
"""The production setup on one machine, from the repo's own deploy/ files, and its checks.

Starts what docs/deploying.md describes: two app servers (deploy/systemd/marsweb.service's
ExecStart), two email workers (marsweb-worker@.service's, in cgroups weighted as its
CPUWeight says when this machine lets us make them), nginx in front with
deploy/nginx/marsweb.conf (only the lines marked EDIT changed), the local PostgreSQL and
Redis, and an SMTP server that keeps every message (aiosmtpd). Then, through nginx:

- the load balancer's probe answers whatever Host it names;
- 50 sign-ups for 10 seats from 50 addresses, confirmed all at once across both servers:
  exactly 10 seated, 40 waitlisted;
- every address gets exactly one confirmation and exactly one seat-or-waitlist email, and a
  form posted twice at once sends one email;
- the rate limit holds across both servers: one client is refused past its limit, another
  is not;
- the event page is kept by nginx's cache, and a cross-site POST is refused;
- 200 slow clients (headers or a body a byte every 3 s, idle sockets) held open while a
  page that reaches the app servers keeps its p99 under 1 s.

Usage: `make cluster-check` (or .venv/bin/python tests/load/cluster.py [--slow-seconds 60]).
tests/test_cluster.py runs it with shorter slow-client rounds.
"""

import argparse
import concurrent.futures
import contextlib
import email
import email.policy
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import redis
from aiosmtpd.controller import Controller
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
NGINX_PORT = int(os.environ.get("CLUSTER_PORT", 8180))
APP_PORTS = (8181, 8182)
SMTP_PORT = 8125
PGBOUNCER_PORT = 8164
BASE = f"http://127.0.0.1:{NGINX_PORT}"
DATABASE = os.environ.get("CLUSTER_DATABASE", "postgres://postgres@127.0.0.1:5432/marsweb_cluster")
REDIS = os.environ.get("CLUSTER_REDIS", "redis://127.0.0.1:6379/12")
RATE_LIMIT = 30
SEATS, SIGN_UPS = 10, 50
EVENT = "cluster-watch-party"


class Sink:
    """An SMTP server that keeps every message it is handed: its recipients and its bytes,
    parsed only when a check reads one (so that keeping up costs the relay next to nothing
    while thousands arrive)."""

    def __init__(self, port: int = SMTP_PORT):
        self.received: list[tuple[str, bytes]] = []  # (recipients, the message as sent)
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.append((" ".join(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        with self.lock:
            raw = [content for recipients, content in self.received if recipients == address]
        return [email.message_from_bytes(c, policy=email.policy.default) for c in raw]

    def count(self, containing: str = "") -> int:
        """How many messages arrived (for recipients ``containing`` this, when given)."""
        with self.lock:
            if not containing:
                return len(self.received)
            return sum(1 for recipients, _ in self.received if containing in recipients)

    def wait_for(self, count: int, seconds: float = 90) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.count() >= count:
                return True
            time.sleep(0.2)
        return False


def unit_command(unit: str, root: Path, instance: str = "1") -> tuple[list[str], int]:
    """A systemd unit's ExecStart as written (with /srv/marsweb → this checkout, %i and %H
    filled in), and its CPUWeight."""
    text = (DEPLOY / "systemd" / unit).read_text()
    command = re.search(r"^ExecStart=(.+)$", text, re.M).group(1)
    command = command.replace("/srv/marsweb", str(root)).replace("%i", instance)
    command = command.replace("%H", socket.gethostname())
    weight = int(re.search(r"^CPUWeight=(\d+)$", text, re.M).group(1))
    return command.split(), weight


def cpu_group(name: str, weight: int) -> Path | None:
    """A cgroup weighted as systemd's CPUWeight= makes one (v1 cpu.shares = weight × 1024 /
    100), or None when this machine lets us make none (or CLUSTER_NO_CGROUPS=1 asks)."""
    if os.environ.get("CLUSTER_NO_CGROUPS"):
        return None
    for base, knob, value in (
        (Path("/sys/fs/cgroup"), "cpu.weight", str(weight)),
        (Path("/sys/fs/cgroup/cpu"), "cpu.shares", str(weight * 1024 // 100)),
    ):
        if not (base / "cgroup.procs").exists() or not os.access(base, os.W_OK):
            continue
        group = base / f"marsweb-{name}"
        try:
            group.mkdir(exist_ok=True)
            (group / knob).write_text(value)
            return group
        except OSError:
            continue
    return None


def start(
    command: list[str], env: dict, log: Path, group: Path | None = None, *, cwd: Path = ROOT
) -> subprocess.Popen:
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    if group is not None:
        with contextlib.suppress(OSError):
            (group / "cgroup.procs").write_text(str(process.pid))
    return process


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def nginx_config(work: Path, *, port: int, upstreams: list[str], static_root: Path) -> Path:
    """deploy/nginx/marsweb.conf with its EDIT lines set for this machine, in a main
    configuration of our own (nginx's own, /etc/nginx/nginx.conf, is left alone)."""
    site = (DEPLOY / "nginx" / "marsweb.conf").read_text()
    servers = "".join(f"    server {u} max_fails=3 fail_timeout=10s;\n" for u in upstreams)
    site = re.sub(r"(?m)^    server 10\.0\.0\.\d+:8000 .*\n", "", site)
    site = site.replace("    keepalive 64;", servers + "    keepalive 64;")
    site = site.replace("/var/cache/nginx/marsweb", str(work / "nginx-cache"))
    site = re.sub(r"(?m)^    listen 80;.*$", f"    listen 127.0.0.1:{port};", site)
    site = site.replace("/srv/marsweb/staticfiles/", f"{static_root}/")
    site = site.replace("/var/log/nginx/marsweb.access.log", str(work / "nginx-access.log"))
    # Beside it, one line for each request that reached an app server (the cache's
    # background refreshes included): what the origin received, for make bench to count.
    site = re.sub(
        r"(?m)^(    access_log .*\n)",
        rf"\1    access_log {work}/nginx-origin.log origin buffer=4k flush=1s if=$upstream_addr;\n",
        site,
        count=1,
    )
    (work / "marsweb.conf").write_text(site)
    main = work / "nginx.conf"
    # Started as root (CI, a container), nginx's workers would be "nobody", locked out of
    # this private folder: here they stay root. (Production's nginx keeps its own user.)
    user = "user root;" if os.geteuid() == 0 else ""
    main.write_text(
        f"""
{user}
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
worker_processes auto;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    log_format origin '$msec $upstream_cache_status $request_uri $upstream_addr';
    log_subrequest on;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/marsweb.conf;
}}
"""
    )
    return main


def pgbouncer_config(work: Path, database: str, port: int) -> Path:
    """deploy/pgbouncer/pgbouncer.ini pointed at ``database`` (this machine's PostgreSQL
    trusts local connections, so it is asked with trust too), its files in ``work``."""
    parts = urllib.parse.urlsplit(database)
    ini = (DEPLOY / "pgbouncer" / "pgbouncer.ini").read_text()
    ini = re.sub(
        r"(?m)^marsweb = .*$",
        f"{parts.path.lstrip('/')} = host={parts.hostname} port={parts.port} "
        f"dbname={parts.path.lstrip('/')}",
        ini,
    )
    ini = ini.replace("auth_type = scram-sha-256", "auth_type = trust")
    ini = ini.replace("/etc/pgbouncer/userlist.txt", str(work / "userlist.txt"))
    ini = re.sub(r"(?m)^listen_port = \d+$", f"listen_port = {port}", ini)
    ini += f"pidfile = {work}/pgbouncer.pid\nunix_socket_dir = {work}\n"
    (work / "userlist.txt").write_text(f'"{parts.username}" ""\n')
    path = work / "pgbouncer.ini"
    path.write_text(ini)
    return path


def start_nginx(config: Path, log: Path) -> subprocess.Popen:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    test = subprocess.run([nginx, "-t", "-c", str(config)], capture_output=True, text=True)
    if test.returncode:
        sys.exit(f"nginx refused its configuration:\n{test.stderr}")
    return subprocess.Popen(
        [nginx, "-c", str(config), "-g", "daemon off;"],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_up(url: str, processes: list[subprocess.Popen], log: Path, headers=None) -> None:
    for _ in range(150):
        time.sleep(0.2)
        try:
            with urllib.request.urlopen(
                urllib.request.Request(url, headers=headers or {}), timeout=5
            ):
                return
        except (OSError, urllib.error.HTTPError):
            if any(p.poll() is not None for p in processes):
                break
    stop(processes)
    sys.exit(f"{url} did not come up; the log:\n{log.read_text()[-4000:]}")


# Talking to the site through nginx, as browsers behind a load balancer would.


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def request(
    path: str,
    data: dict | None = None,
    *,
    client: str = "198.51.100.1",
    headers: dict | None = None,
) -> tuple[int, dict, str]:
    """One request through nginx, as the TLS-terminating load balancer in front (127.0.0.1,
    trusted) forwards it from ``client``."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    all_headers = {"X-Forwarded-For": client, "X-Forwarded-Proto": "https", **(headers or {})}
    if data is not None:
        all_headers.setdefault("Sec-Fetch-Site", "same-origin")
    req = urllib.request.Request(BASE + path, data=body, headers=all_headers)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def sign_up(address: str, client: str) -> int:
    status, _, _ = request(
        f"/events/{EVENT}/rsvp/",
        {"name": "Cluster Fan", "email": address, "website": ""},
        client=client,
    )
    return status


def confirm(link: str, client: str) -> int:
    """Open the confirmation link and press its button, with the cookie and token a browser
    would have (the cookie is __Host- and Secure: carried by hand over this plain HTTP)."""
    path = urllib.parse.urlsplit(link).path
    _, headers, page = request(path, client=client)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, _ = request(
        path,
        {"csrfmiddlewaretoken": token},
        client=client,
        headers={"Cookie": cookie, "Origin": f"https://127.0.0.1:{NGINX_PORT}"},
    )
    return status


def confirm_link(message: email.message.EmailMessage) -> str:
    body = message.get_body(("plain",)).get_content()
    return re.search(r"(http://\S+/rsvp/\S+/confirm/)", body).group(1)


# Slow clients


def slow_clients(port: int, count: int, seconds: float, stop_event: threading.Event) -> dict:
    """Keep ``count`` connections open against 127.0.0.1:``port`` for ``seconds``: a third
    send a header line every 3 s, a third a POST body a byte every 3 s, a third nothing.
    A connection the server closes is opened again at once. Returns how many were opened."""
    opened = 0
    sockets: list[tuple[socket.socket, str]] = []
    kinds = ["headers", "body", "idle"]

    def open_one(kind: str) -> None:
        nonlocal opened
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        except OSError:
            return
        sock.setblocking(False)
        with contextlib.suppress(OSError):
            if kind == "headers":
                sock.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            elif kind == "body":
                sock.send(
                    f"POST /events/{EVENT}/rsvp/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\n"
                    "Content-Length: 1000\r\n\r\n".encode()
                )
        sockets.append((sock, kind))
        opened += 1

    for n in range(count):
        open_one(kinds[n % 3])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not stop_event.is_set():
        time.sleep(3)
        alive = []
        for sock, kind in sockets:
            try:
                if kind == "headers":
                    sock.send(b"X-Slow: 1\r\n")
                elif kind == "body":
                    sock.send(b"a")
                else:
                    if sock.recv(1, socket.MSG_PEEK) == b"":
                        raise OSError("closed")
                alive.append((sock, kind))
            except BlockingIOError:
                alive.append((sock, kind))
            except OSError:
                sock.close()
        sockets[:] = alive
        for n in range(count - len(sockets)):
            open_one(kinds[n % 3])
    for sock, _ in sockets:
        sock.close()
    return {"opened": opened}


def latencies_while(url_path: str, seconds: float, headers: dict) -> list[float]:
    """A visitor loading ``url_path`` again and again (4 at a time) for ``seconds``: each
    load's time in seconds (a failure or timeout counts as 10 s)."""
    times: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def visitor():
        while time.monotonic() < deadline:
            start = time.monotonic()
            try:
                status, _, _ = request(url_path, headers=headers)
                took = time.monotonic() - start if status == 200 else 10.0
            except OSError:
                took = 10.0
            with lock:
                times.append(took)

    threads = [threading.Thread(target=visitor) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


# Setting up


def environment(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MARSWEB_"))}
    for line in (DEPLOY / "production.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env.update(
        {
            "DJANGO_SECRET_KEY": "cluster-check-secret-the-same-on-every-server-" + "x" * 20,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{NGINX_PORT}",
            "DJANGO_SITE_URL": BASE,
            "DJANGO_LOG_LEVEL": "WARNING",
            "DATABASE_URL": DATABASE,
            "REDIS_URL": REDIS,
            "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",
            "DJANGO_STATIC_ROOT": str(work / "static"),
            "MARSWEB_DATA_DIR": str(work / "data"),
            "MARSWEB_TRUSTED_PROXY_IPS": "127.0.0.1",
            "MARSWEB_RATE_LIMIT_POSTS": str(RATE_LIMIT),
            "GUNICORN_WORKERS": "2",
            "GUNICORN_LOG_LEVEL": "warning",
        }
    )
    return env


def reset_database_and_cache() -> None:
    parts = urllib.parse.urlsplit(DATABASE)
    name = parts.path.lstrip("/")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    redis.Redis.from_url(REDIS).flushdb()


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


SETUP_EVENT = f"""
from datetime import timedelta
from events.models import Event
from marsweb import clock
now = clock.now()
Event.objects.create(
    title="Cluster watch party", slug="{EVENT}", kind=Event.Kind.VIRTUAL_SOCIAL,
    starts_at=now + timedelta(hours=6), ends_at=now + timedelta(hours=8),
    time_zone="UTC", summary="Two servers, one queue.", capacity={SEATS}, is_published=True,
)
"""

COUNT_SEATS = f"""
from events.models import Rsvp
rsvps = Rsvp.objects.filter(event__slug="{EVENT}", email__startswith="race")
print(rsvps.filter(status="seated").count(), rsvps.filter(status="waitlisted").count())
"""


# The checks


def run_checks(sink: Sink, env: dict, slow_seconds: float, report: list[str]) -> bool:
    ok = True

    def verdict(passed: bool, text: str) -> None:
        nonlocal ok
        ok = ok and passed
        report.append(f"- {'ok' if passed else 'FAILED'}: {text}")

    # The load balancer's probe, straight to an app server, naming it by address.
    probe = urllib.request.Request(
        f"http://127.0.0.1:{APP_PORTS[0]}/healthz", headers={"Host": "10.0.0.11:8000"}
    )
    with urllib.request.urlopen(probe, timeout=5) as response:
        verdict(response.status == 200, "/healthz answers a probe with Host: 10.0.0.11:8000")

    # The RSVP race across both servers.
    addresses = [f"race{n}@example.org" for n in range(SIGN_UPS)]
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        statuses = list(
            pool.map(lambda n: sign_up(addresses[n], f"198.51.100.{n + 10}"), range(SIGN_UPS))
        )
    verdict(
        statuses == [303] * SIGN_UPS,
        f"{SIGN_UPS} sign-ups answered 303 (got {sorted(set(statuses))})",
    )
    arrived = sink.wait_for(SIGN_UPS)
    verdict(arrived, f"{SIGN_UPS} confirmation emails delivered over SMTP by the two workers")
    links = [confirm_link(sink.to(a)[0]) for a in addresses if sink.to(a)]
    barrier = threading.Barrier(len(links))

    def confirm_at_once(n: int) -> int:
        barrier.wait()
        return confirm(links[n], f"198.51.100.{n + 10}")

    with concurrent.futures.ThreadPoolExecutor(len(links) or 1) as pool:
        confirmed = list(pool.map(confirm_at_once, range(len(links))))
    verdict(
        all(s == 302 for s in confirmed),
        f"{len(links)} confirmations at once answered (got {sorted(set(confirmed))})",
    )
    seated, waitlisted = map(int, manage(env, "shell", "--no-imports", "-c", COUNT_SEATS).split())
    verdict(
        (seated, waitlisted) == (SEATS, SIGN_UPS - SEATS),
        f"{SIGN_UPS} confirmations for {SEATS} seats across two servers: {seated} seated, "
        f"{waitlisted} waitlisted",
    )
    sink.wait_for(2 * SIGN_UPS)
    time.sleep(2)  # anything sent twice would arrive now
    per_address = [len(sink.to(a)) for a in addresses]
    seat_emails = sum(
        1 for a in addresses for m in sink.to(a) if m["Subject"].startswith("Your seat")
    )
    verdict(
        per_address == [2] * SIGN_UPS and seat_emails == SEATS,
        f"exactly one confirmation and one seat-or-waitlist email per address "
        f"({min(per_address)}–{max(per_address)} each; {seat_emails} seat emails)",
    )

    # A double submit: the same form posted twice at once, to whichever servers nginx picks.
    doubles = [f"double{n}@example.org" for n in range(10)]
    before = sink.count()
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        list(pool.map(lambda n: sign_up(doubles[n // 2], f"192.0.2.{n // 2 + 10}"), range(20)))
    sink.wait_for(before + 10)
    time.sleep(2)
    counts = [len(sink.to(a)) for a in doubles]
    verdict(
        counts == [1] * 10, f"10 forms posted twice at once: {sum(counts)} emails for 10 addresses"
    )

    # The rate limit across servers.
    one = [sign_up(f"limit{n}@example.org", "203.0.113.9") for n in range(RATE_LIMIT + 5)]
    other = sign_up("someone-else@example.org", "203.0.113.10")
    verdict(
        one.count(303) == RATE_LIMIT and one.count(429) == 5 and other == 303,
        f"one client's {RATE_LIMIT + 5} sign-ups over both servers: {one.count(303)} accepted, "
        f"{one.count(429)} refused (limit {RATE_LIMIT}); another client still accepted",
    )

    # The event page at the edge, and a cross-site POST.
    request(f"/events/{EVENT}/")
    _, headers, _ = request(f"/events/{EVENT}/")
    verdict(
        headers.get("X-Cache") in ("HIT", "UPDATING", "STALE"),
        f"the event page is answered from nginx's cache (X-Cache: {headers.get('X-Cache')})",
    )
    status, _, _ = request(
        f"/events/{EVENT}/rsvp/",
        {"name": "Mallory", "email": "mallory@example.org", "website": ""},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    verdict(status == 403, f"a cross-site sign-up through nginx is refused ({status})")

    # Slow clients, while a page that reaches the app servers (a visitor who chose a
    # zone: never cached) is loaded again and again.
    headers = {"Cookie": "__Host-tz=Europe/Paris"}
    before = latencies_while(f"/events/{EVENT}/", 3, headers)
    stop_event = threading.Event()
    result: dict = {}
    attack = threading.Thread(
        target=lambda: result.update(slow_clients(NGINX_PORT, 200, slow_seconds, stop_event))
    )
    attack.start()
    time.sleep(2)
    during = latencies_while(f"/events/{EVENT}/", slow_seconds - 3, headers)
    stop_event.set()
    attack.join()
    verdict(
        p99(during) < 1.0 and len(during) > 20,
        f"200 slow clients for {slow_seconds:.0f} s ({result.get('opened', 0)} connections opened): "
        f"a page reaching the app servers, p99 {p99(during) * 1000:.0f} ms over {len(during)} loads "
        f"(before them: p99 {p99(before) * 1000:.0f} ms, median {statistics.median(before) * 1000:.0f} ms)",
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slow-seconds", type=float, default=60)
    parser.add_argument(
        "--pgbouncer",
        action="store_true",
        help="app servers and workers reach PostgreSQL through pgbouncer (deploy/pgbouncer/)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="marsweb-cluster-"))
    log = work / "cluster.log"
    env = environment(work)
    reset_database_and_cache()
    # Once per release, from one place: never from each server as it starts.
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "shell", "--no-imports", "-c", SETUP_EVENT)
    sink = Sink()
    sink.controller.start()
    processes: list[subprocess.Popen] = []
    report = [f"marsweb cluster check ({work}):"]
    try:
        if args.pgbouncer:
            # migrate above went straight to PostgreSQL; the site goes through the pooler.
            pgbouncer = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
            home = work / "pgbouncer"
            home.mkdir()
            command = [pgbouncer]
            if (
                os.geteuid() == 0
            ):  # pgbouncer will not run as root: as postgres, in a folder of its own
                work.chmod(0o755)
                shutil.chown(home, "postgres")
                command += ["-u", "postgres"]
            ini = pgbouncer_config(home, DATABASE, PGBOUNCER_PORT)
            processes.append(start([*command, str(ini)], env, log))
            pooled = urllib.parse.urlsplit(DATABASE)._replace(
                netloc=f"postgres@127.0.0.1:{PGBOUNCER_PORT}"
            )
            env = {
                **env,
                "DATABASE_URL": urllib.parse.urlunsplit(pooled),
                "MARSWEB_DB_TRANSACTION_POOLER": "1",
            }
            report.append(
                f"- through pgbouncer (deploy/pgbouncer/pgbouncer.ini) on port {PGBOUNCER_PORT}"
            )
        app_command, app_weight = unit_command("marsweb.service", ROOT)
        _, worker_weight = unit_command("marsweb-worker@.service", ROOT)
        app_group = cpu_group("app", app_weight)
        worker_group = cpu_group("worker", worker_weight)
        for port in APP_PORTS:
            server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
            processes.append(start(app_command, server_env, log, app_group))
        for instance in ("1", "2"):
            command, _ = unit_command("marsweb-worker@.service", ROOT, instance)
            processes.append(start(command, env, log, worker_group))
        config = nginx_config(
            work,
            port=NGINX_PORT,
            upstreams=[f"127.0.0.1:{p}" for p in APP_PORTS],
            static_root=work / "static",
        )
        processes.append(start_nginx(config, log))
        for port in APP_PORTS:
            wait_until_up(f"http://127.0.0.1:{port}/healthz", processes, log)
        wait_until_up(f"{BASE}/healthz", processes, log)
        report.append(
            f"- two app servers ({' '.join(app_command[:1])}…, CPUWeight={app_weight}), two workers "
            f"(CPUWeight={worker_weight}; "
            + (
                "in cgroups weighted so"
                if worker_group
                else "no cgroup could be made here: unweighted"
            )
            + "), nginx with deploy/nginx/marsweb.conf, PostgreSQL, Redis, an SMTP sink"
        )
        passed = False
        passed = run_checks(sink, env, args.slow_seconds, report)
    finally:
        print("\n".join(report))
        stop(processes)
        sink.controller.stop()
    if not passed:
        print(f"\nLogs: {log}", file=sys.stderr)
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
