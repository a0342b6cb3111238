"""Partnerships as OCDS for PPPs: releases from the change history, records, packages."""

import datetime
import gzip
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goals.models import Measurement
from opendata.bulk import bulk_write
from opendata.ocds import merge
from partnerships import services
from partnerships.choices import DocumentKind, DocumentVisibility, Role, Status
from tests import factories as f
from tests.access import KINDS
from tests.calls.pdf import small_pdf
from tests.conftest import make_activatable

from .schema import codelist_problems, errors

pytestmark = pytest.mark.django_db


def _get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    return json.loads(b"".join(response.streaming_content))


@pytest.fixture
def lifecycle(coordinator, body, firm):
    """A partnership taken by its coordinator from draft to concluded, through the services."""
    partnership = services.partnership_create(
        actor=coordinator, lead_body=body, title="Gare apaisée", territory="Saint-Denis",
        summary="Safer nights around the station.", starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 1, 1), next_review_on=datetime.date(2025, 6, 1),
        internal_notes="Internal: do not publish.",
    )
    make_activatable(partnership, private=firm)
    goal = f.GoalFactory(title="Fewer thefts")
    indicator = f.IndicatorFactory(goal=goal, name="Thefts reported", unit="thefts")
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 3, 1),
                               value=indicator.baseline)
    partnership.goals.add(goal)
    for status in (Status.NEGOTIATION, Status.ACTIVE, Status.CONCLUDED):
        services.partnership_transition(actor=coordinator, partnership=partnership, status=status,
                                        reason="The term is over.")
    partnership.refresh_from_db()
    return partnership


def test_lifecycle_changes_are_successive_releases(client, lifecycle, settings):
    package = _get_json(client, reverse("opendata-api:ocds_releases"), partnership=lifecycle.pk)

    releases = package["releases"]
    statuses = [r["contracts"][0]["status"] for r in releases]
    assert [r["tag"] for r in releases] == [
        ["planning"], ["planningUpdate"], ["contract"], ["contractTermination"]
    ]
    assert statuses == ["pending", "pending", "active", "terminated"]
    dates = [r["date"] for r in releases]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert len({r["id"] for r in releases}) == len(releases)
    assert all(r["ocid"] == f"{settings.OCDS_OCID_PREFIX}-{lifecycle.pk}" for r in releases)
    conclusion = next(m for m in releases[-1]["contracts"][0]["milestones"]
                      if m["id"] == "status-concluded")
    assert conclusion["description"] == "The term is over."


def test_the_release_package_validates_against_the_schema(client, lifecycle):
    package = _get_json(client, reverse("opendata-api:ocds_releases"))

    assert errors(package, "release-package-schema.json") == []
    for release in package["releases"]:
        assert codelist_problems(release) == []
    last = package["releases"][-1]
    roles = {party["name"]: set(party["roles"]) for party in last["parties"]}
    assert "publicAuthority" in roles[lifecycle.lead_body.name]
    assert "privateParty" in roles["Sécurité Plaine SARL"]
    assert last["publicAuthority"]["name"] == lifecycle.lead_body.name
    assert "buyer" not in last
    metric = last["contracts"][0]["implementation"]["metrics"][0]
    assert [o["id"] for o in metric["observations"]] == ["baseline", "target",
                                                         "measurement-20250301"]


def test_the_record_package_compiles_the_releases(client, lifecycle):
    package = _get_json(client, reverse("opendata-api:ocds_records"))

    assert errors(package, "record-package-schema.json") == []
    (record,) = package["records"]
    compiled = record["compiledRelease"]
    assert compiled["tag"] == ["compiled"]
    assert compiled["contracts"][0]["status"] == "terminated"
    assert compiled["date"] == record["releases"][-1]["date"]
    assert len(record["releases"]) == 4


def test_public_edits_of_a_published_partnership_are_releases_but_internal_notes_are_not(
    client, coordinator, active
):
    services.partnership_update(actor=coordinator, partnership=active, internal_notes="Secret")
    before = _get_json(client, reverse("opendata-api:ocds_releases"), partnership=active.pk)
    services.partnership_update(actor=coordinator, partnership=active, title="Nuits calmes")
    after = _get_json(client, reverse("opendata-api:ocds_releases"), partnership=active.pk)

    assert len(after["releases"]) == len(before["releases"]) + 1
    assert after["releases"][-1]["tag"] == ["contractUpdate"]
    assert after["releases"][-1]["contracts"][0]["title"] == "Nuits calmes"
    assert b"Secret" not in json.dumps(after).encode()


def test_each_release_is_in_the_language_of_its_texts_and_documents_in_their_own(
    client, coordinator, active, settings
):
    settings.OCDS_LANGUAGE = "nl"
    url = reverse("opendata-api:ocds_releases")
    for language, title in (("de", "Protokoll"), ("other", "Pv bilingue")):
        services.document_add(
            actor=coordinator, partnership=active, kind=DocumentKind.MINUTES, title=title,
            issued_on=datetime.date(2025, 3, 10), language=language,
            visibility=DocumentVisibility.PUBLIC,
            uploaded=SimpleUploadedFile("minutes.pdf", small_pdf()),
        )
    unsaid = _get_json(client, url, partnership=active.pk)["releases"]
    services.partnership_update(actor=coordinator, partnership=active, language="fr")
    said = _get_json(client, url, partnership=active.pk)["releases"]

    assert {r["language"] for r in unsaid} == {"nl"}
    # Saying which language the texts are in is a public edit: a release of its own.
    assert len(said) == len(unsaid) + 1
    assert said[-1]["language"] == "fr"
    documents = {d["title"]: d for d in said[-1]["contracts"][0]["documents"]}
    assert documents["Protokoll"]["language"] == "de"
    assert "language" not in documents["Pv bilingue"]
    record = _get_json(client, reverse("opendata-api:ocds_records"), partnership=active.pk)
    assert record["records"][0]["compiledRelease"]["language"] == "fr"


def test_drafts_and_negotiations_are_never_published(client, draft, negotiation_partnership):
    package = _get_json(client, reverse("opendata-api:ocds_releases"))
    records = client.get(reverse("opendata-api:ocds_records"))

    assert package["releases"] == []
    assert json.loads(b"".join(records.streaming_content))["records"] == []


@pytest.fixture
def negotiation_partnership(body):
    return f.PartnershipFactory(lead_body=body, status=Status.NEGOTIATION)


def test_filters_by_date_and_bad_filters_are_refused(client, lifecycle):
    url = reverse("opendata-api:ocds_releases")
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()

    assert _get_json(client, url, since=tomorrow)["releases"] == []
    assert len(_get_json(client, url, until=tomorrow)["releases"]) == 4
    refused = client.get(url, {"since": "yesterday", "partnership": "x"},
                         HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid"
    errors = refused.json()["errors"]
    assert set(errors) == {"partnership", "since"}
    assert errors == {"partnership": {"0": ["Saisissez un nombre entier."]},
                      "since": ["Saisissez une date valide au format AAAA-MM-JJ."]}
    assert client.get(url, {"until": ""}).status_code == 400
    assert client.get(url, {"partnership": ""}).status_code == 400
    assert client.get(url, {"partnership": str(2**63)}).status_code == 400


def test_the_packages_are_in_the_api_schema_and_throttled(client, settings):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    for path in ("/api/v1/ocds/releases/", "/api/v1/ocds/records/"):
        parameters = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert {"partnership", "since", "until"} <= parameters
        assert {"200", "400", "429"} <= set(schema["paths"][path]["get"]["responses"])


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_user_reads_the_same_public_packages(client_for, kind, active, draft):
    for name in ("opendata-api:ocds_releases", "opendata-api:ocds_records"):
        response = client_for(kind).get(reverse(name))
        body = b"".join(response.streaming_content)
        assert response.status_code == 200
        assert draft.title.encode() not in body
        assert active.title.encode() in body


def _published(count, body):
    for _ in range(count):
        partnership = make_activatable(f.PartnershipFactory(lead_body=body))
        partnership.status = Status.ACTIVE
        partnership.save()
        f.ContributionFactory(party=partnership.parties.first())


def test_the_package_of_many_partnerships_costs_the_same_queries(client, body):
    url = reverse("opendata-api:ocds_records")
    _published(3, body)
    with CaptureQueriesContext(connection) as three:
        b"".join(client.get(url).streaming_content)
    _published(27, body)
    with CaptureQueriesContext(connection) as thirty:
        body_30 = b"".join(client.get(url).streaming_content)

    assert len(json.loads(body_30)["records"]) == 30
    # Ids of a chunk, then per chunk: partnerships, their history, parties' and contributions'
    # histories, organisations, goal links, indicators, measurements, public documents; then the
    # empty next chunk.
    assert len(thirty) == len(three) <= 12


def test_the_bulk_file_is_written_and_served(client, lifecycle, tmp_path, settings):
    settings.OPENDATA_ROOT = tmp_path
    url = reverse("opendata:ocds_bulk")
    assert client.get(url).status_code == 404

    path = bulk_write()
    response = client.get(url)

    assert response.status_code == 200
    package = json.loads(gzip.decompress(b"".join(response.streaming_content)))
    assert errors(package, "record-package-schema.json") == []
    assert path.name == "ocds-records.json.gz"


def test_merge_follows_the_ocds_rules():
    first = {"ocid": "o", "id": "1", "date": "2025-01-01T00:00:00Z", "tag": ["planning"],
             "parties": [{"id": "A", "name": "A", "roles": ["buyer"]}], "title": "x"}
    second = {"ocid": "o", "id": "2", "date": "2025-02-01T00:00:00Z", "tag": ["contract"],
              "parties": [{"id": "B", "name": "B"}, {"id": "A", "roles": ["publicAuthority"]}],
              "title": None}

    compiled = merge([second, first])

    assert compiled["parties"] == [{"id": "A", "name": "A", "roles": ["publicAuthority"]},
                                   {"id": "B", "name": "B"}]
    assert "title" not in compiled
    assert compiled["tag"] == ["compiled"] and compiled["date"] == "2025-02-01T00:00:00Z"


def test_roles_documents_and_amounts_keep_to_the_codelists_of_the_ppp_profile(
    client, coordinator, active, settings
):
    funder = f.PartyFactory(partnership=active, role=Role.CO_FUNDER,
                            organisation=f.PublicBodyFactory(name="Région Lumière"))
    f.ContributionFactory(party=funder, amount=Decimal("1500"), currency="SLE",
                          description="Street lights")
    for kind in DocumentKind:
        services.document_add(
            actor=coordinator, partnership=active, kind=kind, title=str(kind.label),
            issued_on=datetime.date(2025, 3, 10), language="fr",
            visibility=DocumentVisibility.PUBLIC,
            uploaded=SimpleUploadedFile("document.pdf", small_pdf()),
        )

    package = _get_json(client, reverse("opendata-api:ocds_releases"), partnership=active.pk)

    assert errors(package, "release-package-schema.json") == []
    last = package["releases"][-1]
    assert codelist_problems(last) == []
    roles = {party["name"]: party["roles"] for party in last["parties"]}
    assert roles["Région Lumière"] == ["payer"]
    assert {d["title"]: d["documentType"] for d in last["contracts"][0]["documents"]} == {
        "Signed agreement": "contractSigned", "Amendment": "contractSigned",
        "Minutes": "minutes", "Evaluation report": "performanceReport",
    }
    # Sierra Leone's new leone is younger than the currency codelist of OCDS 1.1.
    finance = {e["description"]: e for e in last["contracts"][0]["finance"]}
    street_lights = finance["Financial: 1500 SLE — Street lights"]
    assert "value" not in street_lights
    assert re.fullmatch(r"ocds-[a-z0-9]{6}-.+", last["ocid"])
    assert last["ocid"].startswith(settings.OCDS_OCID_PREFIX + "-")


def test_the_derived_schema_keeps_the_standards_constraints(client, active):
    f.ContributionFactory(party=active.parties.first())
    f.IndicatorFactory(goal=active.goals.first())
    release = _get_json(client, reverse("opendata-api:ocds_releases"))["releases"][-1]

    def problems(change):
        broken = json.loads(json.dumps(release))
        change(broken)
        return errors(broken, "release-schema.json")

    assert problems(lambda r: r.pop("initiationType"))
    assert problems(lambda r: r["tag"].append("unknownStage"))
    assert problems(lambda r: r["contracts"][0].update(status="suspended"))
    assert problems(lambda r: r["contracts"][0]["finance"][0]["value"].update(currency="SLE"))
    assert problems(lambda r: r["contracts"][0].update(finance=[]))
    assert problems(lambda r: r["contracts"][0]["implementation"]["metrics"][0].update(id=7))
    assert codelist_problems({**release, "parties": [{"roles": ["funder"]}]}) == [
        "partyRole funder"
    ]
