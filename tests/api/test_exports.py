"""CSV and JSON exports: every list, the same filters and restriction, streamed in chunks."""

import csv
import io
import json
import threading

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from core.api import exports
from partnerships.choices import Status
from partnerships.models import Partnership

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db


def content(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(content(response))))


def test_csv_has_a_header_and_one_row_per_partnership(registry, users):
    response = client_for(users["analyst"]).get("/api/v1/partnerships/export.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="partnership.csv"'
    rows = csv_rows(response)
    assert [row["title"] for row in rows] == ["Nuits tranquilles"]  # analysts: published only
    row = rows[0]
    assert row["lead_body.name"] == "Ville de Saint-Denis"
    assert row["status"] == "active"
    assert row["community_groups.code"] == "residents"
    assert row["goals.id"] == str(registry.goal.pk)
    assert row["goals.title"] == registry.goal.title
    assert row["status_label"] == "Active"
    assert row["lead_body.sector_label"] == "Public body"
    assert row["party_count"] == "2"


def test_json_export_is_the_list_representation(registry, users):
    client = client_for(users["coordinator"])
    exported = json.loads(content(client.get("/api/v1/partnerships/export.json")))
    listed = client.get("/api/v1/partnerships/").json()["results"]

    assert sorted(exported, key=lambda r: r["id"]) == sorted(listed, key=lambda r: r["id"])


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_exports_apply_the_lists_filters(registry, users, extension):
    client = client_for(users["coordinator"])
    url = f"/api/v1/partnerships/export.{extension}"

    drafts = content(client.get(url, {"status": "draft"}))
    actives = content(client.get(url, {"status": "active", "q": "Nuits"}))

    assert "Gare sûre" in drafts and "Nuits tranquilles" not in drafts
    assert "Nuits tranquilles" in actives and "Gare sûre" not in actives


def test_export_ordering_follows_the_ordering_filter(users, body):
    for title in ["Bravo", "Alpha", "Charlie"]:
        f.PartnershipFactory(title=title, lead_body=body)
    client = client_for(users["coordinator"])

    rows = csv_rows(client.get("/api/v1/partnerships/export.csv", {"ordering": "-title"}))

    assert [row["title"] for row in rows] == ["Charlie", "Bravo", "Alpha"]


def test_rows_that_share_a_body_or_goals_each_show_their_own(users, body, other_body):
    """The cells of a nested object or list are made once per export and reused for rows that
    name the same ids; rows that name others still show theirs."""
    strategy = f.StrategyFactory(owner=body)
    first, second = (f.GoalFactory(strategy=strategy, title=title, priority=1 + index)
                     for index, title in enumerate(["Lit streets", "Safe station"]))
    rows_goals = {"A": [first], "B": [first, second], "C": [first], "D": [], "E": [second]}
    for title, goals in rows_goals.items():
        lead_body = other_body if title == "E" else body
        partnership = f.PartnershipFactory(title=title, lead_body=lead_body, status=Status.ACTIVE)
        partnership.goals.set(goals)

    rows = {row["title"]: row for row in csv_rows(
        client_for(users["analyst"]).get("/api/v1/partnerships/export.csv"))}

    assert {title: row["goals.title"] for title, row in rows.items()} == {
        "A": "Lit streets", "B": "Lit streets; Safe station", "C": "Lit streets", "D": "",
        "E": "Safe station",
    }
    assert rows["B"]["goals.id"] == f"{first.pk}; {second.pk}"
    assert {title: row["lead_body.name"] for title, row in rows.items()} == {
        "A": "Ville de Saint-Denis", "B": "Ville de Saint-Denis", "C": "Ville de Saint-Denis",
        "D": "Ville de Saint-Denis", "E": "Stad Gent",
    }
    assert rows["E"]["lead_body.country"] == "BE" and rows["A"]["lead_body.country"] == "FR"


def test_remembered_cells_are_bounded(monkeypatch, users, body, other_body):
    """Past the bound, cells are made for each row: the same file."""
    for index, lead_body in enumerate([body, other_body, body]):
        f.PartnershipFactory(title=f"P{index}", lead_body=lead_body, status=Status.ACTIVE)
    client = client_for(users["analyst"])
    remembered = content(client.get("/api/v1/partnerships/export.csv"))

    monkeypatch.setattr(exports, "REMEMBERED_CELLS", 0)

    assert content(client.get("/api/v1/partnerships/export.csv")) == remembered


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_bad_filters_are_refused_before_the_download_starts(registry, users, extension):
    response = client_for(users["analyst"]).get(
        f"/api/v1/partnerships/export.{extension}", {"starts_on_after": "yesterday"}
    )

    assert response.status_code == 400
    assert not response.streaming
    assert response.json()["errors"] == {"starts_on_after": ["Enter a valid date as YYYY-MM-DD."]}


def test_empty_exports(users):
    client = client_for(users["analyst"])

    assert json.loads(content(client.get("/api/v1/rules/export.json"))) == []
    assert content(client.get("/api/v1/rules/export.csv")).splitlines() == [
        "id,url,partnership,partnership_title,category,category_label,title,text"
    ]


def test_rows_are_read_in_chunks(monkeypatch, users, body, django_assert_num_queries):
    """A small chunk size forces several chunks: every row arrives once, in order, and the
    queries grow with the chunks (not the rows)."""
    monkeypatch.setattr(exports.ExportMixin, "export_chunk_size", 4)
    for number in range(10):
        partnership = f.PartnershipFactory(title=f"P{number:02}", lead_body=body)
        partnership.community_groups.add(f.CommunityGroupFactory())
    client = client_for(users["coordinator"])

    # One cursor over the rows; for each of the 3 chunks, their goals and their groups (which
    # PostgreSQL returns within the rows, after JIT compilation is turned off).
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 7):
        rows = csv_rows(client.get("/api/v1/partnerships/export.csv", {"ordering": "title"}))

    assert [row["title"] for row in rows] == [f"P{n:02}" for n in range(10)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side cursors")
@pytest.mark.django_db(transaction=True)
def test_rows_stream_from_a_cursor_that_is_not_held(users, body):
    """Outside a transaction Django declares its cursor WITH HOLD, and PostgreSQL then builds
    the whole result before the first row leaves; the export reads in a transaction instead."""
    f.PartnershipFactory(lead_body=body)
    client = client_for(users["coordinator"])

    with CaptureQueriesContext(connection) as queries:
        assert len(csv_rows(client.get("/api/v1/partnerships/export.csv"))) == 1

    declared = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("DECLARE")]
    assert len(declared) == 1
    assert "WITH HOLD" not in declared[0]
    assert "SET LOCAL jit = off" in [q["sql"] for q in queries.captured_queries]
    assert not connection.in_atomic_block


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("extension", ["csv", "json"])
def test_a_client_leaving_early_ends_the_transaction(monkeypatch, users, body, extension):
    monkeypatch.setattr(exports.ExportMixin, "export_chunk_size", 2)
    monkeypatch.setattr(exports, "STREAM_PIECE", 1)  # a piece per row
    for _ in range(5):
        f.PartnershipFactory(lead_body=body)
    response = client_for(users["coordinator"]).get(f"/api/v1/partnerships/export.{extension}")
    assert not connection.in_atomic_block  # nothing is read before the response streams
    lines = iter(response.streaming_content)
    next(lines)
    next(lines)
    assert connection.in_atomic_block  # the rows are still being read

    response.close()

    assert not connection.in_atomic_block
    assert not reading_threads()  # the read-ahead (PostgreSQL) ended with the response
    assert Partnership.objects.count() == 5  # and the connection serves the next query


def reading_threads():
    return [thread for thread in threading.enumerate() if thread.name == "export-read-ahead"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the read-ahead serves cursors")
@pytest.mark.parametrize("extension", ["csv", "json"])
def test_reading_ahead_gives_the_rows_of_reading_in_turn(monkeypatch, users, body, extension):
    monkeypatch.setattr(exports.ExportMixin, "export_chunk_size", 2)
    for number in range(7):
        partnership = f.PartnershipFactory(title=f"P{number:02}", lead_body=body)
        partnership.community_groups.add(f.CommunityGroupFactory())
    client = client_for(users["coordinator"])
    url = f"/api/v1/partnerships/export.{extension}?ordering=title"
    ahead = content(client.get(url))

    monkeypatch.setattr(exports, "_chunks_read_ahead", exports._chunks)
    in_turn = content(client.get(url))

    assert ahead == in_turn
    assert all(f"P{number:02}" in ahead for number in range(7))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the read-ahead serves cursors")
@pytest.mark.django_db(transaction=True)
def test_an_error_while_reading_ahead_ends_the_export(monkeypatch, users, body):
    monkeypatch.setattr(exports.ExportMixin, "export_chunk_size", 2)
    for _ in range(6):
        f.PartnershipFactory(lead_body=body)
    iterator = QuerySet.iterator

    def fails_at_the_fifth_row(self, *args, **kwargs):
        for number, row in enumerate(iterator(self, *args, **kwargs)):
            if number == 4:
                raise RuntimeError("the database went away")
            yield row

    monkeypatch.setattr(QuerySet, "iterator", fails_at_the_fifth_row)
    response = client_for(users["coordinator"]).get("/api/v1/partnerships/export.csv")

    with pytest.raises(RuntimeError, match="the database went away"):
        content(response)

    response.close()
    assert not connection.in_atomic_block
    assert not reading_threads()
    assert Partnership.objects.count() == 6


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_rows_are_sent_in_pieces_after_the_header(monkeypatch, users, body, extension):
    """The server gets the rows in pieces of about ``STREAM_PIECE`` characters, not one write
    per row; the CSV header goes alone and at once, before any row is read."""
    monkeypatch.setattr(exports, "STREAM_PIECE", 600)
    for number in range(30):
        f.PartnershipFactory(title=f"P{number:02}", lead_body=body)
    response = client_for(users["coordinator"]).get(f"/api/v1/partnerships/export.{extension}")

    pieces = list(response.streaming_content)

    rows = b"".join(pieces).decode()
    assert rows.count("P0") == 10 and rows.count("P2") == 10
    assert 2 < len(pieces) < 31
    assert all(len(piece) >= 600 for piece in pieces[1:-1])
    if extension == "csv":
        assert pieces[0].decode().startswith("id,url,title,") and pieces[0].count(b"\n") == 1


def test_spreadsheet_formulas_are_neutralised(users, body):
    f.PartnershipFactory(title="=HYPERLINK(\"http://evil.example\")", lead_body=body,
                         territory="-12")
    rows = csv_rows(client_for(users["coordinator"]).get("/api/v1/partnerships/export.csv"))

    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil.example\")"
    assert rows[0]["territory"] == "-12"  # numbers stay numbers


@pytest.mark.parametrize("resource", ["organisations", "strategies", "goals", "indicators",
                                      "measurements", "parties", "contributions", "rules",
                                      "community-groups"])
def test_every_list_exports(registry, users, resource):
    client = client_for(users["admin"])
    listed = client.get(f"/api/v1/{resource}/", {"page_size": 500}).json()["results"]

    exported = json.loads(content(client.get(f"/api/v1/{resource}/export.json")))
    rows = csv_rows(client.get(f"/api/v1/{resource}/export.csv"))

    assert len(exported) == len(rows) == len(listed) > 0
    assert {row["id"] for row in exported} == {int(row["id"]) for row in rows}


def test_filtering_by_status_counts_the_published(registry, users, body):
    active = f.PartnershipFactory(lead_body=body)
    active.status = Status.SUSPENDED
    active.save()
    response = client_for(users["analyst"]).get(
        "/api/v1/partnerships/", {"status": ["active", "suspended"], "with_count": "true"}
    )

    assert response.json()["count"] == 2


def test_contribution_rows_name_their_partnership_party_and_labels(registry, users):
    contribution = f.ContributionFactory()
    rows = csv_rows(client_for(users["admin"]).get("/api/v1/contributions/export.csv"))
    row = next(row for row in rows if row["id"] == str(contribution.pk))
    party = contribution.party
    assert row["party"] == str(party.pk)
    assert row["partnership.title"] == party.partnership.title
    assert row["partnership.territory"] == party.partnership.territory
    assert row["organisation.name"] == party.organisation.name
    assert row["organisation.sector_label"] == party.organisation.get_sector_display()
    assert row["organisation.kind_label"] == party.organisation.get_kind_display()
    assert row["role_label"] == party.get_role_display()
    assert row["kind_label"] == contribution.get_kind_display()


def test_labels_follow_the_language(registry, users):
    client = client_for(users["analyst"])
    rows = csv_rows(client.get("/api/v1/partnerships/export.csv", HTTP_ACCEPT_LANGUAGE="fr"))
    assert rows[0]["status_label"] == "Actif"
    assert rows[0]["lead_body.sector_label"] == "Organisme public"


@pytest.mark.parametrize("resource", ["partnerships", "contributions", "organisations"])
def test_xlsx_export_matches_the_csv(registry, users, resource):
    import zipfile
    from xml.etree import ElementTree

    client = client_for(users["admin"])
    response = client.get(f"/api/v1/{resource}/export.xlsx", {"ordering": "id"}
                          if resource == "partnerships" else {})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    body = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(body))
    sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))  # noqa: S314 (ours)
    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rows = sheet.findall(f".//{namespace}row")
    csv_lines = csv_rows(client.get(f"/api/v1/{resource}/export.csv", {"ordering": "id"}
                                    if resource == "partnerships" else {}))
    assert len(rows) == len(csv_lines) + 1
    headers = ["".join(cell.itertext()) for cell in rows[0]]
    assert headers == list(csv_lines[0].keys())


def _needs_and_calls(registry, count):
    from projects.models import Need
    from tests.calls.factories import CallFactory, EoiFactory

    for _ in range(count):
        Need.objects.create(goal=registry.goal, kind="expertise", territory="Saint-Denis")
        call = CallFactory(lead_body=registry.body)
        call.goals.add(registry.goal)
        EoiFactory(call=call)


@pytest.mark.parametrize(("resource", "expected"), [
    ("indicators", {"goal_title": "Safer station forecourt",
                    "goal_area_label": "Intervention projects"}),
    ("measurements", {"indicator_name": "Reported thefts", "indicator_unit": "incidents"}),
    ("needs", {"goal_title": "Safer station forecourt", "kind_label": "Expertise"}),
    ("calls", {"contribution_kinds_label": "Financial; Expertise",
               "goals.title": "Safer station forecourt", "lead_body.name": "Ville de Saint-Denis"}),
    ("expressions-of-interest", {"organisation.sector_label": "Private sector",
                                 "body.name": "Ville de Saint-Denis"}),
    ("parties", {"partnership.title": "Nuits tranquilles", "partnership.territory": "Saint-Denis",
                 "organisation.kind_label": "Municipality"}),
])
def test_rows_name_what_their_ids_point_to(registry, users, resource, expected):
    """An analyst reading a CSV in a spreadsheet sees names and labels, not only ids."""
    _needs_and_calls(registry, 1)
    rows = csv_rows(client_for(users["admin"]).get(f"/api/v1/{resource}/export.csv"))
    assert rows
    assert any(expected.items() <= row.items() for row in rows), rows[0]


@pytest.mark.parametrize(("resource", "budget"), [
    # the rows with their goal (and its owner for the restriction)
    ("needs", 1),
    # the rows with lead bodies; their goals
    ("calls", 2),
    # the rows with call, body and organisation; their offers
    ("expressions-of-interest", 2),
])
def test_exports_read_a_fixed_number_of_queries(registry, users, django_assert_num_queries,
                                                resource, budget):
    client = client_for(users["admin"])
    # PostgreSQL streams from a server-side cursor, after turning its JIT compilation off.
    budget += connection.vendor == "postgresql"
    for count in (3, 27):
        _needs_and_calls(registry, count)
        with django_assert_num_queries(budget):
            rows = csv_rows(client.get(f"/api/v1/{resource}/export.csv"))
        assert len(rows) >= count


@pytest.mark.parametrize("resource", ["goals", "projects"])
def test_community_groups_have_their_names_beside_their_codes(registry, users, resource):
    """As a partnership's export names its groups, a goal's and a project's do, in the
    request's language, in CSV and JSON alike."""
    from tests.projects.factories import ProjectFactory

    groups = [f.CommunityGroupFactory(code="elders", name_en="Older people", name_fr="Aînés"),
              f.CommunityGroupFactory(code="youth", name_en="Young people", name_fr="Jeunes")]
    holder = registry.goal if resource == "goals" else ProjectFactory(organisation=registry.body)
    holder.community_groups.set(groups)
    client = client_for(users["admin"])

    (row,) = [row for row in csv_rows(client.get(f"/api/v1/{resource}/export.csv"))
              if row["id"] == str(holder.pk)]
    assert row["community_groups"] == "elders; youth"
    assert row["community_groups_label"] == "Older people; Young people"
    exported = json.loads(content(client.get(f"/api/v1/{resource}/export.json",
                                             HTTP_ACCEPT_LANGUAGE="fr")))
    (item,) = [item for item in exported if item["id"] == holder.pk]
    assert item["community_groups"] == ["elders", "youth"]
    assert item["community_groups_label"] == ["Aînés", "Jeunes"]
