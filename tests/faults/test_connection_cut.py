"""A kept database connection cut behind the application's back (a database restart, a
firewall dropping an idle connection). Production keeps each worker's connection for a minute
and checks it before reusing it: the next request gets a new connection and answers. Without
the check, that request fails."""

import json
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection

from tests import factories as f

from .conftest import free_port, gunicorn
from .test_slow_clients import PORTS

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def organisations(port) -> tuple[int, list[str]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/organisations/",
                                    timeout=30) as response:
            return response.status, [row["name"] for row in json.load(response)["results"]]
    except urllib.error.HTTPError as error:
        return error.code, []


def cut_the_servers_connections(database_url: str) -> int:
    """Terminate every connection to the test database but the test's and the drill's own."""
    connection.ensure_connection()
    ours = connection.connection.info.backend_pid
    with psycopg.connect(database_url, autocommit=True) as drill:
        return len(drill.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), %s) "
            "AND backend_type = 'client backend'", [ours]).fetchall())


@pytest.mark.parametrize("checked", ["true", "false"])
def test_a_cut_connection_is_replaced_before_a_request_uses_it(database_url, checked, report):
    f.OrganisationFactory(name="Ville de Saint-Denis")
    port = free_port(PORTS)
    with gunicorn(database_url, port, WEB_CONCURRENCY="1", GUNICORN_THREADS="1",
                  DJANGO_CONN_HEALTH_CHECKS=checked):
        assert organisations(port) == (200, ["Ville de Saint-Denis"])
        assert cut_the_servers_connections(database_url) == 1
        after = organisations(port)
        again = organisations(port)

    report(f"connection-cut: health checks {checked}: first request after the cut "
           f"{after[0]}, next {again[0]}")
    if checked == "true":
        assert after == (200, ["Ville de Saint-Denis"])
    else:  # what the check prevents: the request that meets the dead connection fails
        assert after[0] == 503
    assert again == (200, ["Ville de Saint-Denis"])
