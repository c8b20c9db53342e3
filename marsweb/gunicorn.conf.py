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
# Recycle workers now and then so a slow leak can never take a box down on landing night.
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
