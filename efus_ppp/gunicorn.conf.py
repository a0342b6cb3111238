"""Gunicorn, as the Dockerfile and docker-compose.yml run it: ``gunicorn -c efus_ppp/gunicorn.conf.py
efus_ppp.wsgi:application``.

Threaded workers (gthread): a client that sends its body slowly holds one thread, not a whole
worker, so two slow clients no longer stop /healthz/ and everyone else (with sync workers they
did, for 66 s). A reverse proxy that buffers request bodies protects further still.

Sized for a 2-core machine and measured there (bench/README.md, "gunicorn settings"): 3
workers of 8 threads served as much as 5 of 4 or 5 sync workers, within the noise, with less
memory; fewer threads (3 of 2) or workers (2 of 8) served less. On a larger machine, start
from one worker per core plus one (``WEB_CONCURRENCY``) and measure with ``bench/run.py``.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker silent this long is restarted; requests themselves are bounded by the database and
# the mail outbox (nothing slow happens inside a request).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Idle keep-alive connections wait in the worker's poller, not in a thread.
keepalive = 5
# A worker is replaced after this many requests, a bound on any slow leak; each replacement
# imports the apps again, opens new connections that prepare their statements anew, and starts
# with nothing kept (core.api.readcache). Answering kept reads, a fully loaded worker serves
# about 470 requests/s: at 20 000 it was replaced every 40 s (33 times in a 13-minute
# benchmark); at 100 000, every 3 to 4 minutes.
max_requests = 100_000
max_requests_jitter = 10_000
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
