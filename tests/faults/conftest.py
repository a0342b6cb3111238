"""The fault drills: real services stopped and processes killed, on PostgreSQL, with a Redis of
their own (started on a free port, stopped and started again by the drills).

They are left out of the normal runs (``-m "not faults"`` in pytest's options); run them with
``pytest -m faults tests/faults`` and ``DATABASE_URL`` on PostgreSQL. Without PostgreSQL or
``redis-server`` they are skipped, unless ``FAULTS_REQUIRED=1`` says they must run.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from django.db import connection

from tests.calls.conftest import call  # noqa: F401  (the open call the drills answer)

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = os.environ.get("FAULTS_REQUIRED") == "1"


def unavailable(reason: str):
    if REQUIRED:
        pytest.fail(f"{reason} (FAULTS_REQUIRED=1)")
    pytest.skip(reason)


def free_port(candidates=None) -> int:
    """A port nobody listens on: one of ``candidates``, or any the system gives."""
    for port in candidates or [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"No free port among {candidates}")


@pytest.fixture
def report(pytestconfig):
    """The drills' figures, printed even without -s (the README quotes them)."""
    terminal = pytestconfig.pluginmanager.getplugin("terminalreporter")
    return lambda line: terminal.write_line(f"\nFAULTS {line}")


class RedisServer:
    """A redis-server of the drill's own, which it may stop and start at will."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(autouse=True)
def _on_postgresql():
    if connection.vendor != "postgresql":
        unavailable("the fault drills need PostgreSQL (DATABASE_URL=postgres://…)")


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        unavailable("redis-server is not installed")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def database_url():
    """The test database, for the processes a drill starts."""
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def wait_for(url: str, seconds: float = 30) -> None:
    """Wait until ``url`` answers (a server the drill started)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (http, the drill's own)
                return
        except OSError:
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.2)


@contextlib.contextmanager
def gunicorn(database_url: str, port: int, *, args=(), **environ):
    """The app served by gunicorn with the committed configuration and the production settings,
    on ``port`` and the test database; ``environ`` adds to or overrides the environment."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.production",
        "DJANGO_SECRET_KEY": "fault-drill-only-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        **environ,
    }
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "efus_ppp/gunicorn.conf.py",
         "--access-logfile", "/dev/null", *args, "efus_ppp.wsgi:application"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz/")
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)
