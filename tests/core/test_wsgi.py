"""The WSGI entry point that gunicorn loads: it serves, and it settles the objects made while
starting out of the garbage collector's way."""

import gc

from django.test import Client


def test_the_wsgi_application_loads_the_urls_and_freezes_the_startup_objects():
    gc.unfreeze()
    try:
        import efus_ppp.wsgi

        efus_ppp.wsgi._settle()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
    assert Client().get("/healthz/").status_code == 200
