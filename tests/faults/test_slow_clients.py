"""Two clients trickling slow request bodies do not hold gunicorn: /healthz/ still answers
within a second, with the committed configuration (efus_ppp/gunicorn.conf.py)."""

import os
import socket
import threading
import time
import urllib.request

import pytest

from .conftest import free_port, gunicorn

pytestmark = pytest.mark.faults

SLOW_CLIENTS = 2
TRICKLE_SECONDS = 8
# Gunicorn and Celery processes of the drills listen here.
PORTS = range(8391, 8400)


def healthz(port) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=30) as response:
        assert response.status == 200
    return time.monotonic() - started


def trickle(port, stop: threading.Event):
    """A POST whose body comes one byte every half second. It carries a CSRF cookie, so that
    Django reads the body for the token (without one it refuses the POST unread)."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Cookie: __Host-csrftoken=" + b"x" * 32 + b"\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
        )
        while not stop.wait(0.5):
            try:
                sock.sendall(b"a")
            except OSError:
                return


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_within_a_second_while_slow_clients_trickle_bodies(database_url, report):
    port = free_port(PORTS)
    # FAULTS_GUNICORN_ARGS="--worker-class sync" measures what the configuration replaced.
    extra = os.environ.get("FAULTS_GUNICORN_ARGS", "").split()
    stop = threading.Event()
    with gunicorn(database_url, port, args=extra, WEB_CONCURRENCY="2"):
        try:
            clients = [threading.Thread(target=trickle, args=(port, stop), daemon=True)
                       for _ in range(SLOW_CLIENTS)]
            for client in clients:
                client.start()
            time.sleep(1)
            timings = []
            end = time.monotonic() + TRICKLE_SECONDS - 1
            while time.monotonic() < end:
                timings.append(healthz(port))
                time.sleep(0.25)
        finally:
            stop.set()

    report(f"slow-clients: {SLOW_CLIENTS} clients trickling bodies, {len(timings)} /healthz/ "
           f"requests, slowest {max(timings) * 1000:.0f} ms ({' '.join(extra) or 'gthread config'})")
    assert max(timings) < 1
