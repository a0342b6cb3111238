"""Cursor pagination that keeps the requested ordering, breaks ties by id, puts missing values
last, and walks both ways without losing or repeating a row."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.api.readcache import ALIAS

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnerships(body):
    """Seven partnerships with repeated titles and some missing start dates."""
    specs = [("B", 3), ("A", None), ("B", 1), ("C", 2), ("A", 1), ("B", None), ("A", 2)]
    return [
        f.PartnershipFactory(
            title=title, lead_body=body,
            starts_on=datetime.date(2025, month, 1) if month else None,
        )
        for title, month in specs
    ]


def walk(client, params):
    """Follow ``next`` to the end; return the ids and the pages' ``previous`` links."""
    response = client.get("/api/v1/partnerships/", params)
    ids, pages = [], []
    while True:
        data = response.json()
        assert response.status_code == 200, data
        ids += [row["id"] for row in data["results"]]
        pages.append(data)
        if not data["next"]:
            return ids, pages
        response = client.get(data["next"])


def expected(partnerships, key):
    return [p.pk for p in sorted(partnerships, key=key)]


def test_default_order_is_newest_first(alice, partnerships):
    ids, pages = walk(alice, {"page_size": 3})

    assert ids == sorted((p.pk for p in partnerships), reverse=True)
    assert len(pages) == 3 and pages[0]["previous"] is None


@pytest.mark.parametrize(("ordering", "key"), [
    ("title", lambda p: (p.title, p.pk)),
    ("-title", lambda p: (tuple(-ord(c) for c in p.title), -p.pk)),
    ("title,-id", lambda p: (p.title, -p.pk)),
    ("starts_on", lambda p: (p.starts_on is None, p.starts_on or datetime.date.min, p.pk)),
    ("-starts_on", lambda p: (p.starts_on is None, -(p.starts_on or datetime.date.min).toordinal(),
                              -p.pk)),
    ("title,starts_on", lambda p: (p.title, p.starts_on is None,
                                   p.starts_on or datetime.date.min, p.pk)),
])
@pytest.mark.parametrize("page_size", [1, 2, 3, 7])
def test_ordering_survives_pagination(alice, partnerships, ordering, key, page_size):
    ids, _ = walk(alice, {"ordering": ordering, "page_size": page_size})

    assert ids == expected(partnerships, key)


def test_previous_walks_back_to_the_first_page(alice, partnerships):
    _, pages = walk(alice, {"ordering": "title,starts_on", "page_size": 2})
    last = pages[-1]

    back = []
    link = last["previous"]
    while link:
        data = alice.get(link).json()
        back.append([row["id"] for row in data["results"]])
        link = data["previous"]

    assert back == [[row["id"] for row in page["results"]] for page in reversed(pages[:-1])]


def test_deep_pages_use_a_range_not_an_offset(alice, partnerships):
    _, pages = walk(alice, {"page_size": 2})
    caches[ALIAS].clear()  # built afresh, not answered again from the walk

    with CaptureQueriesContext(connection) as queries:
        alice.get(pages[-2]["next"])

    page_query = queries.captured_queries[0]["sql"]
    assert "OFFSET" not in page_query.upper()
    assert '"partnerships_partnership"."id" <' in page_query


def test_with_count(alice, partnerships):
    data = alice.get("/api/v1/partnerships/", {"page_size": 2, "with_count": "true",
                                               "q": "B"}).json()

    assert data["count"] == 3
    assert len(data["results"]) == 2
    assert "count" not in alice.get("/api/v1/partnerships/").json()


@pytest.mark.parametrize("cursor", ["garbage", "eyJvIjoiLXBrIn0", "eyJvIjoidGl0bGUiLCJwIjpbMV19",
                                    "e30", "W10"])
def test_invalid_cursors_answer_404(alice, partnerships, cursor):
    response = alice.get(f"/api/v1/partnerships/?cursor={cursor}")

    assert response.status_code == 404
    assert response.json()["code"] == "invalid_cursor"


def test_a_cursor_belongs_to_its_ordering(alice, partnerships):
    _, pages = walk(alice, {"ordering": "title", "page_size": 2})
    cursor = pages[0]["next"].split("cursor=")[1].split("&")[0]

    response = alice.get("/api/v1/partnerships/", {"ordering": "-starts_on", "cursor": cursor})

    assert response.status_code == 404


@pytest.mark.parametrize("page_size", ["0", "501", "-1", "abc", "1.5", "9" * 5000, "٣"])
def test_page_size_outside_1_to_500_is_refused(alice, page_size):
    response = alice.get("/api/v1/partnerships/", {"page_size": page_size})

    assert response.status_code == 400
    assert "page_size" in response.json()["errors"]
