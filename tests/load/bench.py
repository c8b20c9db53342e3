#!/usr/bin/env python3
"""Load benchmark: the site under gunicorn as docs/deploying.md deploys it, driven by wrk.

Every row is measured in the same run and compared with a trivial Django view (the
stack's own floor): requests/s, p50 and p99 latency. Then the same pages with the
database grown 100x. All of it on SQLite, then again on PostgreSQL (and Redis) when their
URLs are given. Usage (from the repo root, after `make install`; `make bench` does this):

    .venv/bin/python tests/load/bench.py [--seconds 3] [--postgres URL [--redis URL]] [--write]

--write stores the tables in tests/load/RESULTS.md with a description of the machine.
The site is served on 127.0.0.1; every wrk run is bounded in time.
"""

import argparse
import contextlib
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

try:
    from tests.load import cluster  # imported by the test suite
except ModuleNotFoundError:
    import cluster  # run as a script from tests/load

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = int(os.environ.get("BENCH_PORT", 8100))
BASE = f"http://127.0.0.1:{PORT}"
EDGE_PORT = PORT + 1  # nginx, with deploy/nginx/marsweb.conf, in front of the app server
EDGE = f"http://127.0.0.1:{EDGE_PORT}"
SMTP_PORT = PORT + 26
# The mail relay: every confirmation is really sent over SMTP, and kept here to be counted.
SINK = cluster.Sink(SMTP_PORT)
P99_BUDGET_MS = 100.0


def environment(data_dir: str, database: str = "", redis: str = "") -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "load-benchmark-secret-not-for-production-" + "x" * 20,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",  # wrk speaks plain HTTP to the app, as a proxy would
            "DJANGO_LOG_LEVEL": "WARNING",
            "MARSWEB_DATA_DIR": data_dir,
            "DJANGO_STATIC_ROOT": str(Path(data_dir) / "static"),
            "MARSWEB_RATE_LIMIT_POSTS": "100000000",
            "MARSWEB_RATE_LIMIT_EMAIL_POSTS": "100000000",
            "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",  # SINK: real SMTP, every message
            "GUNICORN_BIND": f"127.0.0.1:{PORT}",
            "GUNICORN_LOG_LEVEL": "warning",
        }
    )
    if database:
        env["DATABASE_URL"] = database
    if redis:
        env["REDIS_URL"] = redis
    return env


def reset_postgres_and_redis(database: str, redis: str) -> str:
    """Create the benchmark's PostgreSQL database if need be and empty its Redis database.

    Returns why they cannot be used, or "" when they can.
    """
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(database)
    name = parts.path.lstrip("/")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        return f"PostgreSQL at {parts.hostname}:{parts.port} cannot be used ({error})"
    if redis:
        import redis as redis_client

        try:
            redis_client.Redis.from_url(redis, socket_connect_timeout=3).flushdb()
        except redis_client.RedisError as error:
            return f"Redis at {redis} cannot be used ({error})"
    return ""


def manage(env, *command: str, root: Path = ROOT) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=root, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


def get(path: str, headers: dict | None = None, *, base: str = BASE) -> tuple[str, dict]:
    request = urllib.request.Request(base + path, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode(), dict(response.headers)


def wrk(url: str, *, seconds: int, connections: int, headers=(), script=None, env=None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, env=env, timeout=seconds + 30
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": rps,
        "p50": percentile(50),
        "p99": percentile(99),
        "bad": int(non2xx.group(1)) if non2xx else 0,
        "errors": errors.group(1) if errors else "",
    }


def start_server(env, *, root: Path = ROOT, base: str = BASE) -> list[subprocess.Popen]:
    """The app server and two email workers as deploy/systemd/ runs them: the units' own
    ExecStart, in cgroups weighted by their CPUWeight= when this machine lets us make them."""
    log = Path(env["MARSWEB_DATA_DIR"]) / "server.log"
    app, app_weight = cluster.unit_command("marsweb.service", root)
    _, worker_weight = cluster.unit_command("marsweb-worker@.service", root)
    app_group = cluster.cpu_group("bench-app", app_weight)
    worker_group = cluster.cpu_group("bench-worker", worker_weight)
    processes = [cluster.start(app, env, log, app_group, cwd=root)]
    for instance in ("1", "2"):
        worker, _ = cluster.unit_command("marsweb-worker@.service", root, instance)
        processes.append(cluster.start(worker, env, log, worker_group, cwd=root))
    for _ in range(100):
        time.sleep(0.2)
        try:
            get("/healthz", base=base)
            return processes
        except OSError:
            if any(process.poll() is not None for process in processes):
                break
    stop_server(processes)
    sys.exit("The site did not start; its log:\n" + log.read_text())


def stop_server(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        process.wait(30)


def poll_seconds(fragment: str) -> int:
    """How often a fragment asks to be polled: its hx-trigger's "every Ns" (which may be
    followed by other triggers, as in "every 10s, reached")."""
    return int(re.search(r'hx-trigger="every (\d+)s[",]', fragment).group(1))


def targets(env, *, base: str = BASE) -> dict:
    """The URLs to drive, found from the running site itself."""
    home, _ = get("/", base=base)
    static = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1)
    card = re.search(
        r'<meta property="og:image" content="https?://[^/"]+(/[^"]*card-[0-9a-f]+\.png)"', home
    )
    countdown = re.search(r'hx-get="(/missions/[^"]+/countdown/)"', home).group(1)
    fragment, _ = get(countdown, {"HX-Request": "true"}, base=base)
    poll = poll_seconds(fragment)
    event = "/events/perseverance-virtual-nasa-social-rehearsal/"
    page, headers = get(event, base=base)
    # The sign-up form carries no token (marsweb/csrf.py): the script sends Sec-Fetch-Site
    # as a browser does. A commit from before that (make bench-compare) wants its token.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    cookie = headers.get("Set-Cookie", "").split(";")[0]
    return {
        "static": static,
        "card": card.group(1) if card else "",
        "countdown": countdown,
        "poll": poll,
        "event": event,
        "rsvp_env": {
            **env,
            "BENCH_COOKIE": cookie if token else "",
            "BENCH_TOKEN": token.group(1) if token else "",
        },
        "run": str(int(time.time())),
    }


TRIVIAL = "trivial Django view (/robots.txt)"


def measure(
    found: dict, seconds: int, connections: int, only: str = "", rounds: int = 5
) -> list[tuple[str, dict]]:
    """Each row in `rounds` rounds, each right after a run of the trivial view.

    On a shared machine the speed drifts by tens of percent within a minute; a row's ratio
    is the median of its rounds' ratios to the trivial view measured just before it, so
    drift between rows cancels out. `only` keeps the rows whose name contains it.
    """
    floors, rows = [], []
    for name, path, options in plan(found, only):
        runs = []
        for round_ in range(rounds):
            floor = wrk(BASE + "/robots.txt", seconds=seconds, connections=connections)
            chosen = options(round_)
            with chosen.pop("during", contextlib.nullcontext()):
                run = wrk(BASE + path, seconds=seconds, connections=connections, **chosen)
            run["ratio"] = run["rps"] / floor["rps"]
            floors.append(floor)
            runs.append(run)
        rows.append((name, summary(runs)))
    if not rows:  # --only named none of them
        return []
    return [(TRIVIAL, {**summary(floors), "ratio": 1.0}), *rows]


LIVE_FEED = "/missions/perseverance-rehearsal/live/"
# Fifty posts on the rehearsal's feed, as on a busy landing night.
FIFTY_POSTS = (
    "from missions.models import LiveUpdate, Mission; "
    "m = Mission.objects.get(slug='perseverance-rehearsal'); "
    "LiveUpdate.objects.bulk_create(LiveUpdate(mission=m, headline=f'Update {n}', "
    "body='A paragraph of news from the landing, as staff write them. ' * 4) for n in range(50))"
)
# An editor posting once a second while the row runs.
POST_EVERY_SECOND = (
    "import itertools, time; from missions.models import LiveUpdate, Mission; "
    "m = Mission.objects.get(slug='perseverance-rehearsal')\n"
    "for n in itertools.count():\n"
    "    LiveUpdate.objects.create(mission=m, headline=f'Posted during the row {n}'); time.sleep(1)"
)


@contextlib.contextmanager
def editor(env: dict):
    process = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", POST_EVERY_SECOND],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(10)


def plan(found: dict, only: str = "") -> list[tuple[str, str, Callable[[int], dict]]]:
    """The rows: (name, path, round → wrk options); `only` keeps names that contain it."""
    hx = {"headers": ["HX-Request: true"]}

    def sign_ups(round_: int) -> dict:  # new addresses in every round
        env = {**found["rsvp_env"], "BENCH_RUN": f"{found['run']}r{round_}"}
        return {"script": ROOT / "tests/load/rsvp_post.lua", "env": env}

    def editor_posting(_: int) -> dict:  # the feed while an editor posts once a second
        return {**hx, "during": editor(found["rsvp_env"])}

    rows = [
        ("static file (whitenoise)", found["static"], lambda _: {}),
        ("share card, drawn once (from memory)", found["card"], lambda _: {}),
        ("countdown fragment, final minutes", found["countdown"], lambda _: hx),
        ("live feed fragment, 50 posts, one more a second", LIVE_FEED, editor_posting),
        ("home page", "/", lambda _: {}),
        ("mission page", "/missions/perseverance/", lambda _: {}),
        ("event page", found["event"], lambda _: {}),
        ("/lights/", "/lights/", lambda _: {}),
        ("RSVP sign-up POST", found["event"] + "rsvp/", sign_ups),
    ]
    # The same pages and fragment in Spanish and Arabic (issue 15): each at its English
    # row's ratio, give or take the noise.
    rows += [
        (f"{name} ({language})", f"/{language}{path}", options)
        for name, path, options in rows
        if name in TRANSLATED
        for language in ("es", "ar")
    ]
    rows = [row for row in rows if row[1]]  # a site from before share cards has none
    return [row for row in rows if not only or only in row[0]]


TRANSLATED = ("countdown fragment, final minutes", "home page", "mission page", "event page")


def summary(runs: list[dict]) -> dict:
    """Medians of a row's rounds; counts summed."""
    return {
        "rps": statistics.median(r["rps"] for r in runs),
        "p50": statistics.median(r["p50"] for r in runs),
        "p99": statistics.median(r["p99"] for r in runs),
        "ratio": statistics.median(r.get("ratio", 1.0) for r in runs),
        "requests": sum(r["requests"] for r in runs),
        "bad": sum(r["bad"] for r in runs),
        "rounds": len(runs),
    }


def viewers_per_box(path: str, poll: int, seconds: int) -> tuple[float, int, int]:
    """A fragment's best sustained rate with p99 within budget, times its poll interval."""
    best, best_c = 0.0, 0
    for connections in (16, 32, 64, 128, 256):
        result = wrk(
            BASE + path, seconds=seconds, connections=connections, headers=["HX-Request: true"]
        )
        if result["p99"] <= P99_BUDGET_MS and result["rps"] > best:
            best, best_c = result["rps"], connections
    return best, best_c, int(best * poll)


def viewers(name: str, path: str, poll: int, seconds: int) -> tuple[str, str]:
    """The viewers-per-box paragraph and its verdict, for the fragment at ``path``."""
    best, best_c, count = viewers_per_box(path, poll, seconds)
    text = (
        f"\n**{name.capitalize()} viewers per box:** {best:,.0f} fragment requests/s sustained "
        f"with p99 ≤ {P99_BUDGET_MS:.0f} ms (at {best_c} connections) × the {poll} s poll "
        f'interval the fragment asks for (`hx-trigger="every {poll}s"`) = **{count:,} viewers**.'
    )
    met = "met" if count >= 20_000 else "**NOT met**"
    return text, f"- {met}: ≥ 20,000 {name} viewers per box: {count:,} (seed content)"


def sign_up_outcome(env, found: dict, rows: list[tuple[str, dict]]) -> tuple[str, bool]:
    """After the RSVP row: was every answered sign-up stored, and did the workers deliver
    its email over SMTP, and how long after the load stopped?"""
    result = dict(rows).get("RSVP sign-up POST")
    if result is None:
        return "", True
    answered = result["requests"] - result["bad"]
    marker = f"-{found['run']}r"
    script = (
        "from events.models import Rsvp; from django_tasks_db.models import DBTaskResult; "
        f"q = Rsvp.objects.filter(email__contains='{marker}'); "
        "print(q.count(), DBTaskResult.objects.failed().count())"
    )
    stored, failed = map(int, manage(env, "shell", "--no-imports", "-c", script).split())
    started = time.monotonic()

    def delivered() -> int:
        return SINK.count(containing=marker)

    while delivered() < stored and time.monotonic() - started < 300:
        time.sleep(0.5)
    took, emailed = time.monotonic() - started, delivered()
    text = (
        f'\n**RSVP sign-ups:** {answered:,} answered (303 to "check your inbox"), {stored:,} stored '
        f"({'none lost' if stored >= answered else f'{answered - stored:,} LOST'}); "
        f"{emailed:,} confirmation emails delivered over SMTP by the two workers, the last "
        f"{took:.0f} s after the load stopped; {failed} failed tasks."
    )
    found["emails_out_seconds"] = took
    return text, stored >= answered and emailed == stored and not failed


def table(title: str, rows: list[tuple[str, dict]]) -> str:
    rounds = max((r["rounds"] for name, r in rows if name != TRIVIAL), default=0)
    lines = [
        f"### {title}",
        "",
        f"Medians of {rounds} rounds; in each round the row runs right after the trivial view,",
        "and its ratio is to that run. The trivial view's row: medians of all its runs.",
        "",
        "| what | requests/s | p50 ms | p99 ms | × trivial view | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['ratio']:.2f} | {r['bad']} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError, StopIteration), open("/proc/cpuinfo") as info:
        cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


PAGES = ("home page", "mission page", "event page", "/lights/")


def server_errors(env: dict, rows: list[tuple[str, dict]]) -> str:
    """When a row got error answers, what the server logged about them."""
    if not any(r["bad"] for _, r in rows):
        return ""
    log = (Path(env["MARSWEB_DATA_DIR"]) / "server.log").read_text(errors="replace").splitlines()
    logged = [line for line in log if re.search(r"ERROR|WARNING|Error|Traceback", line)]
    return (
        "\nServer log on error answers (last lines):\n\n```\n" + "\n".join(logged[-15:]) + "\n```"
    )


def check(
    rows: list[tuple[str, dict]], emailed_all: bool, label: str, emails_out: float = 0.0
) -> list[str]:
    """The figures issues 6 and 13 ask for, met or not, in one table."""
    found = dict(rows)
    lines = []

    def verdict(ok: bool, text: str) -> None:
        lines.append(f"- {'met' if ok else '**NOT met**'}: {text} ({label})")

    if "countdown fragment, final minutes" in found:
        ratio = found["countdown fragment, final minutes"]["ratio"]
        verdict(ratio >= 0.9, f"countdown fragment ≥ 0.90× the trivial view: {ratio:.2f}×")
    if "live feed fragment, 50 posts, one more a second" in found:
        ratio = found["live feed fragment, 50 posts, one more a second"]["ratio"]
        verdict(
            ratio >= 0.9,
            f"live feed fragment (50 posts, an editor posting every second) ≥ 0.90× the "
            f"trivial view: {ratio:.2f}×",
        )
    card, static = (
        found.get("share card, drawn once (from memory)"),
        found.get("static file (whitenoise)"),
    )
    if card and static:
        ratio = card["ratio"] / static["ratio"]
        verdict(
            ratio >= 0.8, f"a share card served at ≥ 0.80× the static file's rate: {ratio:.2f}×"
        )
    errors = [name for name, r in rows if r["bad"]]
    if errors:
        verdict(False, f"no error answers: {', '.join(errors)} got some")
    translated = [
        (f"{name} ({language})", found[f"{name} ({language})"]["ratio"] / found[name]["ratio"])
        for name in TRANSLATED
        for language in ("es", "ar")
        if name in found and f"{name} ({language})" in found
    ]
    if translated:
        name, ratio = min(translated, key=lambda row: row[1])
        verdict(
            ratio >= 0.9,
            f"every Spanish and Arabic row ≥ 0.90× its English row: lowest {name}, {ratio:.2f}×",
        )
    pages = [(name, found[name]["ratio"]) for name in PAGES if name in found]
    if pages:
        name, ratio = min(pages, key=lambda page: page[1])
        verdict(ratio >= 0.4, f"every page ≥ 0.40× the trivial view: lowest {name}, {ratio:.2f}×")
    if "RSVP sign-up POST" in found:
        rps = found["RSVP sign-up POST"]["rps"]
        outcome = "every one stored and delivered over SMTP" if emailed_all else "SOME LOST"
        verdict(
            rps >= 400 and emailed_all,
            f"RSVP sign-ups ≥ 400/s with the workers sending real email, none lost: "
            f"{rps:,.0f}/s, {outcome}",
        )
        verdict(emails_out <= 60, f"every email out within 60 s of the burst: {emails_out:.0f} s")
    return lines


def section(env: dict, args, title: str, label: str, output: list, checks: list) -> dict:
    """One table on the running site: its rows, the sign-ups' fate, and the verdicts."""
    found = targets(env)
    rows = measure(found, args.seconds, args.connections, args.only, args.rounds)
    if not rows:
        return found
    text, emailed_all = sign_up_outcome(env, found, rows)
    output += [table(title, rows), text, server_errors(env, rows)]
    checks += check(rows, emailed_all, label, found.get("emails_out_seconds", 0.0))
    return found


# What --only names to measure nginx's parts alone (the rest of it runs with every row).
LIVE_EDGE = "live feed through nginx"
EVENT_EDGE = "event page through nginx"


def chosen(only: str, *names: str) -> bool:
    """Whether --only (a part of a name) picks any of these; everything without it."""
    return not only or any(only in name for name in names)


def worker_pids(master: int) -> set[int]:
    with contextlib.suppress(OSError):
        return {
            int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()
        }
    return set()


def edge(env: dict, found: dict, args, master: int) -> tuple[list[str], list[str]]:
    """nginx in front, as deploy/nginx/marsweb.conf has it: the event page from its cache
    against the static file nginx serves itself; 200 slow clients; a page's p99 over a whole
    minute, with the app server's worker boots counted."""
    work = Path(env["MARSWEB_DATA_DIR"]) / "nginx"
    work.mkdir(exist_ok=True)
    config = cluster.nginx_config(
        work,
        port=EDGE_PORT,
        upstreams=[f"127.0.0.1:{PORT}"],
        static_root=Path(env["DJANGO_STATIC_ROOT"]),
    )
    log = Path(env["MARSWEB_DATA_DIR"]) / "server.log"
    nginx = cluster.start_nginx(config, log)
    output, checks = [], []
    try:
        cluster.wait_until_up(EDGE + "/healthz", [nginx], log)
        if chosen(args.only, LIVE_EDGE):
            live_output, live_checks = live_through_nginx(env, work / "nginx-origin.log", args)
            output += live_output
            checks += live_checks
        if not chosen(args.only, EVENT_EDGE):
            return output, checks
        # Warm up first (nginx's cache filled, its connections to the app server open), so
        # the rounds measure the steady state a CDN serves in, not the first second of it.
        for path in (found["static"], found["event"]):
            wrk(EDGE + path, seconds=2, connections=args.connections)
        statics, events = [], []
        for _ in range(args.rounds):
            static = wrk(EDGE + found["static"], seconds=args.seconds, connections=args.connections)
            event = wrk(EDGE + found["event"], seconds=args.seconds, connections=args.connections)
            event["ratio"] = event["rps"] / static["rps"]
            statics.append(static)
            events.append(event)
        rows = [
            ("static file (nginx)", summary(statics)),
            ("event page (nginx's cache)", summary(events)),
        ]
        output += [
            f"### Through nginx (deploy/nginx/marsweb.conf), {args.connections} connections",
            "",
            "Medians of paired rounds after a 2 s warm-up of each: the static file nginx serves",
            "itself, then the event page from its cache (the app server renders it at most once a",
            "second).",
            "",
            "| what | requests/s | p50 ms | p99 ms | × static file | non-2xx |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *(
                f"| {name} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['ratio']:.2f} | {r['bad']} |"
                for name, r in rows
            ),
        ]
        ratio = rows[1][1]["ratio"]
        checks.append(
            f"- {'met' if ratio >= 0.8 else '**NOT met**'}: the event page through nginx's cache "
            f"≥ 0.80× the static file: {ratio:.2f}×"
        )
        if args.only:
            return output, checks

        # Slow clients: 200 of them at nginx while a visitor with a chosen zone (never
        # cached: every request reaches the app server) loads the event page.
        zone = ["Cookie: __Host-tz=Europe/Paris"]
        stop = threading.Event()
        attack = threading.Thread(
            target=cluster.slow_clients, args=(EDGE_PORT, 200, args.slow_seconds, stop)
        )
        attack.start()
        time.sleep(3)
        during = wrk(
            EDGE + found["event"], seconds=args.slow_seconds - 5, connections=8, headers=zone
        )
        stop.set()
        attack.join()
        # The same, straight at the app server: what nginx spares it.
        stop = threading.Event()
        attack = threading.Thread(target=cluster.slow_clients, args=(PORT, 200, 20, stop))
        attack.start()
        time.sleep(3)
        direct = wrk(BASE + found["event"], seconds=15, connections=8, headers=zone)
        stop.set()
        attack.join()
        output += [
            "",
            f"**Slow clients:** 200 connections sending a header line or a body byte every 3 s, or "
            f"nothing, for {args.slow_seconds} s. Through nginx, the event page for a visitor with a "
            f"chosen zone (it reaches the app server every time): {during['rps']:,.0f} req/s, p50 "
            f"{during['p50']:.0f} ms, p99 {during['p99']:.0f} ms, socket errors: "
            f"{during['errors'] or 'none'}. Straight at gunicorn (what nginx spares it), the "
            f"same for 15 s: {direct['requests']:,} requests answered ({direct['rps']:,.0f} "
            f"req/s), p99 {direct['p99']:.0f} ms, socket errors: {direct['errors'] or 'none'}.",
        ]
        timeouts = re.search(r"timeout (\d+)", during["errors"])
        ok = during["p99"] < 1000 and not (timeouts and int(timeouts.group(1)))
        checks.append(
            f"- {'met' if ok else '**NOT met**'}: with 200 slow clients for {args.slow_seconds} s, "
            f"a page's p99 under 1 s: {during['p99']:.0f} ms"
        )

        # A whole minute of the home page straight at the app server: recycled workers and
        # anything else that comes and goes shows in this p99, not in 3-second medians.
        before = worker_pids(master)
        minute = wrk(BASE + "/", seconds=60, connections=args.connections)
        boots = len(worker_pids(master) - before)
        output += [
            "",
            f"**A whole minute** of the home page straight at gunicorn: {minute['rps']:,.0f} req/s, "
            f"p50 {minute['p50']:.1f} ms, p99 {minute['p99']:.1f} ms over {minute['requests']:,} "
            f"requests; {boots} worker boot{'s' if boots != 1 else ''} during it.",
        ]
    finally:
        cluster.stop([nginx])
    return output, checks


def origin_requests(log: Path, path: str) -> int:
    """How many requests for ``path`` nginx passed to the app server, as its origin log has
    them so far (it writes its buffer at least once a second)."""
    if not log.exists():
        return 0
    return sum(1 for line in log.read_text().splitlines() if line.split()[2] == path)


def live_through_nginx(env: dict, origin_log: Path, args) -> tuple[list[str], list[str]]:
    """The live feed fragment through nginx's cache, as a CDN would serve it, at 64 and at
    512 connections, while an editor posts once a second: how many requests reach the app
    server. The fragment says s-maxage = its poll interval, so about one per interval."""
    live, _ = get(LIVE_FEED, {"HX-Request": "true"})
    poll = poll_seconds(live)
    seconds = 3 * poll
    output = [
        f"### The live feed fragment through nginx's cache, {seconds} s at each number of connections",
        "",
        f"While an editor posts once a second; the fragment asks to be polled every {poll} s and "
        f"says `s-maxage={poll}`. What reached the app server is counted from nginx's own log.",
        "",
        "| connections | requests/s | p50 ms | p99 ms | requests answered | reached the app server |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    counts = []
    with editor(env):
        for connections in (64, 512):
            time.sleep(1.5)  # the previous run's lines written
            before = origin_requests(origin_log, LIVE_FEED)
            run = wrk(
                EDGE + LIVE_FEED,
                seconds=seconds,
                connections=connections,
                headers=["HX-Request: true"],
            )
            time.sleep(1.5)
            counts.append(origin_requests(origin_log, LIVE_FEED) - before)
            output.append(
                f"| {connections} | {run['rps']:,.0f} | {run['p50']:.1f} | {run['p99']:.1f} | "
                f"{run['requests']:,} | {counts[-1]} |"
            )
    most = seconds // poll + 1  # one per interval, and one for the interval the run began in
    ok = max(counts) <= most
    check = (
        f"- {'met' if ok else '**NOT met**'}: through a caching proxy the origin receives about "
        f"one fragment request per {poll} s poll interval whatever the connections: "
        f"{counts[0]} at 64 and {counts[1]} at 512 connections in {seconds} s (at most {most})"
    )
    return [*output, ""], [check]


def run_stack(env: dict, args, *, with_edge: bool = False) -> list[str]:
    """Every row on one database and cache: the seed content, then 100 times as much."""
    manage(env, "migrate", "--noinput")
    manage(env, "flush", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "seed")
    manage(env, "rehearse", "perseverance", "--minutes", "4")
    manage(env, "shell", "--no-imports", "-c", FIFTY_POSTS)
    server = start_server(env)
    output, checks = [], []
    try:
        found = section(
            env,
            args,
            f"Seed content ({args.connections} connections)",
            "seed content",
            output,
            checks,
        )
        if chosen(args.only, "countdown viewers"):
            text, verdict = viewers(
                "countdown", found["countdown"], found["poll"], 2 * args.seconds
            )
            output.append(text)
            checks.append(verdict)
        if chosen(args.only, "live viewers"):
            live, _ = get(LIVE_FEED, {"HX-Request": "true"})
            with editor(env):
                text, verdict = viewers(
                    "live feed", LIVE_FEED, poll_seconds(live), 2 * args.seconds
                )
            output.append(text + " With 50 posts, while an editor posts once a second.")
            checks.append(verdict)
        if with_edge and chosen(args.only, LIVE_EDGE, EVENT_EDGE):
            edge_output, edge_checks = edge(env, found, args, server[0].pid)
            output += ["", *edge_output]
            checks += edge_checks
        if not args.skip_bulk:
            stop_server(server)
            manage(env, "bulk_content", "--factor", "100", "--rsvps", "100000")
            manage(env, "rehearse", "perseverance", "--minutes", "4")
            manage(env, "shell", "--no-imports", "-c", FIFTY_POSTS)
            server = start_server(env)
            output.append("")  # a blank line before the next table
            title = "Database grown 100× (900 missions, 100,000 RSVPs…)"
            section(env, args, title, "100× content", output, checks)
    finally:
        stop_server(server)
    return [*output, "\n### Against the figures of issues 6 and 13\n", *checks]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=3, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--postgres",
        help="a DATABASE_URL: after SQLite, measure again on PostgreSQL (created, then emptied)",
    )
    parser.add_argument("--redis", help="a REDIS_URL for the PostgreSQL run's cache (emptied)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-bulk", action="store_true")
    parser.add_argument("--only", default="", help="measure only the rows whose name has this")
    parser.add_argument("--rounds", type=int, default=5, help="paired rounds per row")
    parser.add_argument(
        "--slow-seconds", type=int, default=60, help="how long the 200 slow clients stay"
    )
    parser.add_argument("--write", action="store_true", help="write tests/load/RESULTS.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    stacks = []
    if not args.skip_sqlite:
        stacks.append(("SQLite, shared cache in the database (the embedded default)", "", ""))
    notes = []
    if args.postgres:
        problem = reset_postgres_and_redis(args.postgres, args.redis or "")
        if problem:
            notes.append(f"Skipped PostgreSQL: {problem}.")
        else:
            cache = "Redis" if args.redis else "the database"
            stacks.append(
                (f"PostgreSQL, shared cache in {cache} (production)", args.postgres, args.redis)
            )

    sections = []
    SINK.controller.start()
    for title, database, redis in stacks:
        data_dir = tempfile.mkdtemp(prefix="marsweb-bench-")
        try:
            # nginx's rows once, on the last (production's) stack
            with_edge = (title, database, redis) == stacks[-1]
            output = run_stack(environment(data_dir, database, redis), args, with_edge=with_edge)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        sections.append(f"## {title}\n\n" + "\n".join(output))
        print(sections[-1], flush=True)

    SINK.controller.stop()
    header = (
        f"Machine: {machine()}. wrk runs beside the server: gunicorn and two email workers as "
        "deploy/systemd/ runs them (the workers in a cgroup weighted by their CPUWeight=), "
        "sending every email over SMTP to a local server (aiosmtpd), and nginx with "
        "deploy/nginx/marsweb.conf for the rows through it."
    )
    report = "\n\n".join([header, *notes, *sections])
    print("\n".join(notes))
    if args.write:
        results = ROOT / "tests/load/RESULTS.md"
        results.write_text(
            "# Load benchmark results\n\nProduced by `make bench` (tests/load/bench.py) in one run on "
            f"{time.strftime('%Y-%m-%d')}.\n\n{report}\n"
        )


if __name__ == "__main__":
    main()
