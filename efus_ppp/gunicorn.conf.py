"""Gunicorn, as the Dockerfile and docker-compose.yml run it: ``gunicorn -c efus_ppp/gunicorn.conf.py
efus_ppp.wsgi:application``.

Threaded workers (gthread): a client that sends its body slowly holds one thread, not a whole
worker, so two slow clients no longer stop /healthz/ and everyone else (with sync workers they
did, for 66 s). A reverse proxy that buffers request bodies protects further still.
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
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
