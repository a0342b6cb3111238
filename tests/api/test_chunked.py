"""Chunked request bodies through gunicorn, as production serves the app: a body without
Content-Length is read and counted against the limit, not taken for an empty one."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PORT = 8381
SETUP = """
from knox.models import AuthToken
from tests import factories as f
body = f.PublicBodyFactory(name="Ville de Saint-Denis")
user = f.CoordinatorFactory(username="alice", organisation=body)
print(AuthToken.objects.create(user=user)[1])
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    database = tmp_path_factory.mktemp("served") / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")},
        "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    token = subprocess.run([python, "manage.py", "shell", "-c", SETUP], cwd=ROOT, env=env,
                           check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    process = subprocess.Popen(
        [str(Path(python).parent / "gunicorn"), "efus_ppp.wsgi:application",
         "--bind", f"127.0.0.1:{PORT}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield token
    finally:
        process.terminate()
        process.wait(timeout=10)


def chunked_post(path: str, token: str, chunks) -> tuple[int, bytes]:
    """POST ``chunks`` with Transfer-Encoding: chunked, sending while the answer is read: a
    server that refuses early answers before the client has sent everything."""
    connection = socket.create_connection(("127.0.0.1", PORT), timeout=30)
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {token}\r\n"
            "Content-Type: application/json\r\nAccept: application/json\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()

    def send():
        try:
            connection.sendall(head)
            for chunk in chunks:
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            connection.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed before the end: what the test checks

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    received = b""
    while b"\r\n\r\n" not in received or len(received) < received.find(b"\r\n\r\n") + 4 + 20:
        try:
            data = connection.recv(65536)
        except OSError:
            break
        if not data:
            break
        received += data
    connection.close()
    status_line, _sep, rest = received.partition(b"\r\n")
    return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2]


def test_a_small_chunked_body_is_read(server):
    body = json.dumps({"title": "Gare sûre", "territory": "Saint-Denis"}).encode()

    status, content = chunked_post("/api/v1/partnerships/", server, [body[:10], body[10:]])

    assert status == 201, content[:300]


def test_a_10_mb_chunked_body_is_413(server):
    chunk = b" " * 65536
    count = 10 * 1024 * 1024 // len(chunk)

    status, content = chunked_post("/api/v1/partnerships/", server, [b"{"] + [chunk] * count)

    assert status == 413
    assert b'"too_large"' in content


def test_a_chunked_body_over_the_routes_limit_is_413(server):
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024

    status, _content = chunked_post("/api/v1/partnerships/", server,
                                    [b'{"title": "' + b"x" * size + b'"}'])

    assert status == 413
