"""Kept API reads through gunicorn as deployed (several worker processes, Redis holding the
version of the data): a write through one worker is read at once through every other, and a
write made while the way to Redis is cut is read at once too, and still after Redis answers
again with the version it had before the write."""

import contextlib
import json
import socket
import threading
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from knox.models import AuthToken

from .conftest import free_port, gunicorn
from .test_slow_clients import PORTS

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

READS = 24  # enough for every one of the three workers to answer several


class Cable:
    """A TCP relay between the servers and Redis, which the drill may cut (every connection
    dropped, new ones refused) and mend, while Redis itself keeps running and keeps its data."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.port = free_port()
        self.sockets = []
        self.listener = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def mend(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        with contextlib.suppress(OSError):  # wakes the thread waiting in accept()
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def request(port, path, *, method="GET", token=None, data=None):
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method,
                                 headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310 (the drill's own)
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, {}


def titles(port, path) -> set[str]:
    """The titles READS anonymous reads of the detail answered, each on a new connection."""
    seen = set()
    for _ in range(READS):
        status, body = request(port, path)
        assert status == 200
        seen.add(body["title"])
    return seen


def test_writes_are_read_at_once_through_every_worker_and_a_cut_to_redis(
    database_url, redis_server, coordinator, active, report
):
    _token, key = AuthToken.objects.create(user=coordinator)
    path = f"/api/v1/partnerships/{active.pk}/"
    port = free_port(PORTS)
    cable = Cable(redis_server.port)
    cable.mend()
    with gunicorn(database_url, port, REDIS_URL=cable.url, WEB_CONCURRENCY="3",
                  API_THROTTLE_ANON="", API_THROTTLE_USER=""):
        assert titles(port, path) == {"Nuits tranquilles"}

        # A write behind the models' back (raw SQL: no signal, no new version) is not seen by
        # the workers that kept the detail (a worker that had not answered it yet reads it
        # afresh). This is what shows that they keep it.
        with psycopg.connect(database_url, autocommit=True) as sql:
            sql.execute("UPDATE partnerships_partnership SET title = 'Behind the back' WHERE id = %s",
                        [active.pk])
        assert "Nuits tranquilles" in titles(port, path)

        status, _body = request(port, path, method="PATCH", token=key, data={"title": "Gare sûre"})
        assert status == 200
        assert titles(port, path) == {"Gare sûre"}

        cable.cut()
        started = time.monotonic()
        status, _body = request(port, path, method="PATCH", token=key, data={"title": "Gare apaisée"})
        write_seconds = time.monotonic() - started
        assert status == 200
        status, body = request(port, path)
        assert (status, body["title"]) == (200, "Gare apaisée")

        cable.mend()  # Redis answers again, with the version from before the last write
        time.sleep(3)  # the worker that wrote writes its bump within a second or two

        after = titles(port, path)

    report(f"kept-reads: 3 workers; the write while Redis was cut off took {write_seconds:.1f} s; "
           f"{READS} reads after it answered {sorted(after)}")
    assert after == {"Gare apaisée"}
