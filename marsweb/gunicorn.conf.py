"""gunicorn configuration: ``gunicorn -c marsweb/gunicorn.conf.py marsweb.wsgi``.

Every value can be overridden from the environment (GUNICORN_* below, or gunicorn's own
GUNICORN_CMD_ARGS).

Worker class and counts come from `make bench` on the 2-core machine with wrk beside the
server (5 s per row, same run for each setting, 2026-11-25):

    sync, 5 workers              13,200 countdown viewers, home 0.9k req/s, event 0.6k
    gthread, 5 workers × 4       18,100 viewers, home 1.7k, event 0.2k (before its cache)
    gthread, 3 workers × 4       27,400 viewers, home 1.6k, event 1.2k
    gthread, 2 workers × 8       22,200 viewers, home 1.2k, event 1.1k

RSVP sign-ups (PostgreSQL + Redis, email worker beside, 10 s each, the same day), before
sign-ups lost their event query and page render: 3 × 4 204/s, 2 × 8 225/s, 4 × 2 196/s,
3 × 8 208/s; within this machine's noise, so the page figures above decide.

Threads keep a worker busy while another request waits on the database or the network;
more processes than cores + 1 only add context switches and per-process caches to fill
(each process renders a cached page or fragment once a second). So: cores + 1 workers
with 4 threads each.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request stuck this long is killed; a graceful restart waits this long for requests
# in flight to finish before workers are stopped.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
# Workers are not recycled by count: at landing-night rates max_requests = 20,000 restarted
# each worker every 15–20 s, and every restart cost seconds of a third of the box's
# throughput while the new worker booted and refilled its per-process caches. Measured
# (2026-11-30, 3 workers × 4 threads, 300,000 requests over home, event, mission, lights
# and Mars-time pages in 3 minutes): each worker's resident memory was 51–74 MB warm,
# 79–80 MB after the first 60,000 requests and 81–82 MB after all 300,000: flat. So a
# worker is replaced only if it ever grows past GUNICORN_MAX_WORKER_MB (768, nine times
# that): the memory watchdog in post_request below.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 0))
max_requests_jitter = max_requests // 10
MAX_WORKER_BYTES = int(os.environ.get("GUNICORN_MAX_WORKER_MB", 768)) * 2**20
WATCH_EVERY = 1000  # requests between two looks at a worker's memory
# One line per request on stdout. Its price, measured the same day in 7 paired rounds
# against the same server without it: 26% of the trivial view's throughput (1,970 against
# 2,690 req/s, median ratio 0.74) and 9% of the home page's (0.91). Behind nginx, which
# logs every request itself (buffered, in C), set GUNICORN_ACCESSLOG= (empty) to turn this
# one off (deploy/production.env.example does); without nginx keep it on.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_request(worker, req, environ, resp) -> None:
    """The memory watchdog: every WATCH_EVERY requests a worker looks at its own resident
    memory; past MAX_WORKER_BYTES it finishes the requests in hand and is replaced, by the
    same graceful path max_requests takes."""
    worker.marsweb_requests = getattr(worker, "marsweb_requests", 0) + 1
    if worker.marsweb_requests % WATCH_EVERY:
        return
    with open("/proc/self/statm") as statm:
        resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    if resident > MAX_WORKER_BYTES:
        worker.log.warning(
            "Worker %s holds %d MB, over GUNICORN_MAX_WORKER_MB: replacing it",
            worker.pid,
            resident >> 20,
        )
        worker.alive = False
