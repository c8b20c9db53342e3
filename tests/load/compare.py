#!/usr/bin/env python3
"""Paired load comparison: this tree against another commit, measured side by side.

    .venv/bin/python tests/load/compare.py REF [--rounds 7] [--seconds 3] [--only NAME]
        [--postgres URL --redis URL]

Serves both under gunicorn with production settings and the email worker, as `make bench`
does (REF from a temporary git worktree, run with this tree's .venv), each on its own
database seeded with a rehearsal, and measures the bench's rows in rounds. Within a round,
each version runs the trivial view and then the row, and the version that goes first
alternates from round to round. So the two are always measured seconds apart, and the
drift of a shared machine, tens of percent within a minute, falls on both alike.

For each row it prints both versions' median ratio to their trivial view and the median
of the paired quotient (this tree's ratio ÷ REF's, round by round): 1.00 means as fast.
With --postgres, both versions use PostgreSQL (databases URL_a and URL_b, created or
emptied) and Redis (the URL's database and the next one, emptied).
"""

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import bench
import psycopg

PORTS = {"ref": bench.PORT + 10, "this tree": bench.PORT + 11}


def worktree(ref: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="marsweb-compare-")) / "tree"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(folder), ref],
        cwd=bench.ROOT,
        check=True,
    )
    (folder / ".venv").symlink_to(bench.ROOT / ".venv")
    return folder


def with_suffix(database: str, suffix: str) -> str:
    parts = urllib.parse.urlsplit(database)
    return urllib.parse.urlunsplit(parts._replace(path=f"{parts.path}_{suffix}"))


def next_redis_db(redis: str) -> str:
    parts = urllib.parse.urlsplit(redis)
    number = int(parts.path.lstrip("/") or 0)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{number - 1 if number else 1}"))


def prepare(name: str, root: Path, database: str, redis: str) -> dict:
    """A seeded site of one version, running; what the rounds need of it."""
    if database:
        problem = bench.reset_postgres_and_redis(database, redis)
        if problem:
            sys.exit(f"{name}: {problem}")
    data_dir = tempfile.mkdtemp(prefix=f"marsweb-compare-{name.replace(' ', '-')}-")
    env = bench.environment(data_dir, database, redis)
    base = f"http://127.0.0.1:{PORTS[name]}"
    env["GUNICORN_BIND"] = base.removeprefix("http://")
    for command in (
        ["migrate", "--noinput"],
        ["flush", "--noinput"],
        ["collectstatic", "--noinput"],
        ["seed"],
        ["rehearse", "perseverance", "--minutes", "4"],
    ):
        bench.manage(env, *command, root=root)
    server = bench.start_server(env, root=root, base=base)
    found = bench.targets(env, base=base)
    return {"base": base, "server": server, "found": found, "dir": data_dir, "database": database}


QUEUED = (
    "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
)


def queued(site: dict) -> int:
    """Emails the version's worker has still to send (it works while the other is measured)."""
    if site["database"]:
        with psycopg.connect(site["database"]) as connection:
            return connection.execute(QUEUED).fetchone()[0]
    with sqlite3.connect(Path(site["dir"]) / "marsweb.sqlite3", timeout=20) as connection:
        return connection.execute(QUEUED).fetchone()[0]


def settle(sites: dict) -> None:
    """Wait until no worker is sending sign-ups' emails: each run gets the machine to itself."""
    deadline = time.monotonic() + 300
    while any(queued(site) for site in sites.values()) and time.monotonic() < deadline:
        time.sleep(0.5)


def compare(sites: dict, args) -> list[str]:
    names = list(sites)
    rows = {name: bench.plan(site["found"], args.only) for name, site in sites.items()}
    lines = [
        f"| what | {names[0]}: × trivial view | {names[1]}: × trivial view | "
        f"{names[1]} ÷ {names[0]} (paired median) | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    print("\n".join(lines), flush=True)
    for (
        name,
        site,
    ) in sites.items():  # warm both up first: the first version run must not pay for it
        for _, path, options in rows[name]:
            bench.wrk(site["base"] + path, seconds=1, connections=args.connections, **options(-1))
    for index, (row_name, _, _) in enumerate(rows[names[0]]):
        ratios: dict[str, list[float]] = {name: [] for name in names}
        bad = 0
        for round_ in range(args.rounds):
            order = names if round_ % 2 == 0 else names[::-1]
            for name in order:
                settle(sites)
                base = sites[name]["base"]
                _, path, options = rows[name][index]
                floor = bench.wrk(
                    base + "/robots.txt", seconds=args.seconds, connections=args.connections
                )
                run = bench.wrk(
                    base + path,
                    seconds=args.seconds,
                    connections=args.connections,
                    **options(round_),
                )
                ratios[name].append(run["rps"] / floor["rps"])
                bad += run["bad"] + floor["bad"]
        paired = [b / a for a, b in zip(ratios[names[0]], ratios[names[1]], strict=True)]
        lines.append(
            f"| {row_name} | {statistics.median(ratios[names[0]]):.2f} | "
            f"{statistics.median(ratios[names[1]]):.2f} | {statistics.median(paired):.2f} | {bad} |"
        )
        print(lines[-1], flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("ref", help="the commit to compare with, e.g. a tag or a hash")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", default="", help="only the rows whose name has this")
    parser.add_argument("--postgres", default="", help="a DATABASE_URL base (suffixed _a, _b)")
    parser.add_argument("--redis", default="", help="a REDIS_URL (this and the next database)")
    args = parser.parse_args()

    tree = worktree(args.ref)
    stores = {
        "ref": (with_suffix(args.postgres, "a"), args.redis) if args.postgres else ("", ""),
        "this tree": (
            (with_suffix(args.postgres, "b"), next_redis_db(args.redis) if args.redis else "")
            if args.postgres
            else ("", "")
        ),
    }
    roots = {"ref": tree, "this tree": bench.ROOT}
    sites: dict[str, dict] = {}
    bench.SINK.controller.start()  # both sites send their email to it, over SMTP
    try:
        for name, root in roots.items():
            sites[name] = prepare(name, root, *stores[name])
        stack = "PostgreSQL and Redis" if args.postgres else "SQLite, shared cache in the database"
        print(
            f"## {args.ref} against this tree: {stack}, seed content, {args.connections} "
            f"connections, medians of {args.rounds} paired rounds\n",
            flush=True,
        )
        compare(sites, args)
    finally:
        for site in sites.values():
            bench.stop_server(site["server"])
            shutil.rmtree(site["dir"], ignore_errors=True)
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=bench.ROOT)
        bench.SINK.controller.stop()


if __name__ == "__main__":
    main()
