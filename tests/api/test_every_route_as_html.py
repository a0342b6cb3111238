"""Every API route, read as HTML (the browsable API, ``Accept: text/html``) by each kind of user
on the demo registry, shows no confidential value (personal data, internal notes, review
comments) that the same user's JSON for the same route does not show: not in its edit forms, its
filter drop-downs, nor anywhere else on the page; and neither names a partnership, a call, a
project or an organisation that the user may not see (a draft, an unverified firm).

The routes come from the API root and the OpenAPI document, so a resource is covered the day it
is added; details are read for the objects that hold confidential values first."""

import html
import json
from urllib.parse import urlsplit

import pytest

from actors.models import User
from tests.access import KINDS

from ..demo import confidential_values, demo_user, invisible_names
from .conftest import client_for
from .openapi import openapi_document

DETAILS_PER_ROUTE = 3


@pytest.fixture(scope="module")
def demo(demo_registry, django_db_blocker):
    """The routes to read: every list, and for every detail route the objects (as the
    administrator finds them) that hold the most confidential values."""
    with django_db_blocker.unblock():
        return _routes(client_for(User.objects.get(username="admin")), confidential_values())


def _text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return html.unescape(content.decode())


def _routes(admin, secrets) -> list[str]:
    paths = [path for path, item in openapi_document()["paths"].items()
             if "/export." not in path and (set(item) & {"get", "post"})]
    routes = {urlsplit(url).path for url in admin.get("/api/v1/").json().values()}
    routes |= {path for path in paths if "{" not in path}
    for path in paths:
        if path.count("{") != 1 or "{id}" not in path:
            continue  # an attachment is a file, a token is its owner's only
        rows = admin.get(path.partition("{id}")[0], {"page_size": 500}).json()["results"]
        rows.sort(key=lambda row: -sum(secret in json.dumps(row, ensure_ascii=False)
                                        for secret in secrets))
        routes |= {path.replace("{id}", str(row["id"])) for row in rows[:DETAILS_PER_ROUTE]}
    return sorted(routes)


def test_the_routes_include_every_resource(demo):
    for name in ("partnerships", "organisations", "expressions-of-interest", "projects", "needs",
                 "contribution-offers", "invitations", "suggestions", "ocds", "stats"):
        assert any(name in url for url in demo), name
    assert any(url.count("/") > 4 and "suggestions" not in url for url in demo)


@pytest.mark.parametrize("kind", KINDS)
def test_no_route_shows_in_html_what_its_json_hides(demo, db, kind):
    user = demo_user(kind)
    secrets = confidential_values(except_of=user)
    invisible = invisible_names(user)
    assert len(secrets) > 20
    assert invisible or kind == "admin"
    client = client_for(user)
    leaks, read = [], 0
    for url in demo:
        data = client.get(url, HTTP_ACCEPT="application/json")
        page = client.get(url, HTTP_ACCEPT="text/html")
        assert page.status_code == data.status_code, url
        shown = _text(data)
        text = _text(page)
        leaks += [(url, secret) for secret in secrets if secret in text and secret not in shown]
        leaks += [(url, name) for name in invisible if name in text]
        read += data.status_code == 200
    assert leaks == []
    assert read >= 20
