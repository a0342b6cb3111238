"""The OpenAPI document and the interactive docs, which work without the internet."""

import inspect
import json
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from rest_framework import serializers
from rest_framework.test import APIClient

from calls.choices import EoiStatus
from core.api import serializers as core_serializers
from core.api.serializers import RegistryModelSerializer

from ..calls import factories as cf
from .conftest import client_for
from .openapi import assert_matches_schema, openapi_document, validator

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}
APPS = {config.name.split(".")[0] for config in apps.get_app_configs()
        if "site-packages" not in config.path and config.path.startswith(str(settings.BASE_DIR))}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        return openapi_document()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_is_openapi_3_with_every_resource(schema):
    assert schema["openapi"].startswith("3.")
    resources = {path.split("/")[3] for path in schema["paths"]}
    assert {"organisations", "strategies", "goals", "indicators", "measurements",
            "community-groups", "partnerships", "parties", "contributions", "rules",
            "auth"} <= resources


def test_every_operation_documents_its_errors_in_the_one_shape(schema):
    for path, method, operation in operations(schema):
        responses = operation["responses"]
        expected = {"401", "429"}
        if method != "get":
            expected |= {"400", "403"}
        if "{" in path:
            expected.add("404")
        if "{" in path and method != "get" and path.startswith("/api/v1/") and "auth" not in path:
            expected.add("412")
        assert expected <= responses.keys(), (method, path, sorted(responses))
        for status in expected:
            content = responses[status]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/Error"}
            assert content["examples"], (method, path, status)
        assert "Retry-After" in responses["429"]["headers"]


def test_error_schema(schema):
    error = schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"status", "code", "detail", "errors"}


def test_lists_document_their_filters_cursor_and_exports(schema):
    parameters = {p["name"] for p in schema["paths"]["/api/v1/partnerships/"]["get"]["parameters"]}
    assert {"status", "lead_body", "country", "territory", "goal", "area", "horizon",
            "organisation", "sector", "role", "contribution_kind", "community_group",
            "starts_on_after", "ends_on_before", "q", "ordering", "cursor", "page_size",
            "with_count"} <= parameters
    export = schema["paths"]["/api/v1/partnerships/export.csv"]["get"]
    assert "text/csv" in export["responses"]["200"]["content"]
    assert {"status", "q"} <= {p["name"] for p in export["parameters"]}


def test_detail_documents_etag_and_writes_if_match(schema):
    item = schema["paths"]["/api/v1/partnerships/{id}/"]
    assert "ETag" in item["get"]["responses"]["200"]["headers"]
    for method in ("put", "patch", "delete"):
        assert "If-Match" in {p["name"] for p in item[method]["parameters"]}


def test_public_reads_and_authenticated_writes(schema):
    item = schema["paths"]["/api/v1/partnerships/"]
    assert {} in item["get"]["security"]
    assert {} not in item["post"]["security"]
    assert schema["components"]["securitySchemes"]["tokenAuth"]["name"] == "Authorization"


def test_confidential_fields_are_documented_as_optional(schema):
    organisation = schema["components"]["schemas"]["Organisation"]
    assert "contact_email" in organisation["properties"]
    assert "contact_email" not in organisation["required"]
    assert "internal_notes" not in schema["components"]["schemas"]["PartnershipDetail"]["required"]


def test_docs_work_offline():
    client = APIClient()
    page = client.get("/api/docs/")

    assert page.status_code == 200
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/") for url in assets), assets
    for url in assets:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "/api/schema/" in script.content.decode()
    assert "unsafe-inline" not in page["Content-Security-Policy"]
    # Nothing inline that the Content Security Policy would block.
    assert "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []


def test_ordering_names_at_least_one_field(schema):
    """``ordering=`` would be an empty list and a list of one empty name at once; the API refuses
    it (tests/api/test_bad_input.py), so the schema asks for one field or more."""
    parameters = schema["paths"]["/api/v1/measurements/"]["get"]["parameters"]
    ordering = next(p for p in parameters if p["name"] == "ordering")

    assert ordering["schema"]["minItems"] == 1


def test_a_blank_read_only_choice_is_documented_as_blank(schema):
    """An offer for any area returns ``"area": ""``; the schema allows it."""
    area = schema["components"]["schemas"]["ContributionOffer"]["properties"]["area"]

    assert {"$ref": "#/components/schemas/BlankEnum"} in area["oneOf"]


def test_every_model_serializer_keeps_blank_read_only_fields_blank(schema):
    """The schema above is built, so every API module is imported: none of the registry's model
    serializers may miss the base that keeps ``allow_blank`` on read-only fields."""

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = {cls for cls in subclasses(serializers.ModelSerializer)
            if cls.__module__.split(".")[0] in APPS}
    assert ours
    assert [cls for cls in ours if not issubclass(cls, RegistryModelSerializer)] == []


def _examples(schema):
    """(where, value, the schema it illustrates) for every example the document gives."""
    for path, method, operation in operations(schema):
        bodies = [("request", operation.get("requestBody", {}))]
        bodies += [(status, response) for status, response in operation["responses"].items()]
        for status, body in bodies:
            for media, content in body.get("content", {}).items():
                for name, example in content.get("examples", {}).items():
                    yield f"{method} {path} {status} {media} {name}", example["value"], content[
                        "schema"]

    def properties(node, where):
        if isinstance(node, dict):
            if "example" in node:
                yield where, node["example"], node
            for key, value in node.items():
                yield from properties(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from properties(value, f"{where}/{index}")

    yield from properties(schema["components"], "#/components")
    yield from properties(schema["paths"], "#/paths")


def test_every_example_matches_its_schema(schema):
    examples = list(_examples(schema))

    assert len({where.split()[-1] for where, _, _ in examples}) >= 9  # each kind of error, a cursor
    for where, value, described in examples:
        errors = [error.message for error in validator(schema, described).iter_errors(value)]
        assert errors == [], where


CONFIDENTIAL_KEYS = {"contact_name", "contact_email", "contact_phone", "internal_notes", "email",
                     "username", "phone", "first_name", "last_name"}


def test_no_example_carries_personal_or_confidential_data(schema):
    def keys(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from keys(item)
        elif isinstance(value, list):
            for item in value:
                yield from keys(item)

    for where, value, _ in _examples(schema):
        text = json.dumps(value)
        assert "@" not in text, where
        assert not re.search(r"\+?\d[\d .]{8,}\d", text), where
        assert CONFIDENTIAL_KEYS.isdisjoint(keys(value)), where


def test_no_description_is_the_docstring_of_a_shared_base(schema):
    """A serializer without a docstring of its own would be described by its base's, which
    speaks of the code, not of the data."""
    bases = {inspect.getdoc(cls) for cls in vars(core_serializers).values()
             if inspect.isclass(cls) and cls.__module__ == core_serializers.__name__
             and cls.__doc__}
    described = {name: component.get("description")
                 for name, component in schema["components"]["schemas"].items()}

    assert {name for name, text in described.items() if text in bases} == set()


# Leak 6: where the schema disagreed with what the API returns and accepts.

def test_a_spontaneous_expression_of_interest_reads_as_documented(schema, registry, users):
    eoi = cf.EoiFactory(call=None, public_body=registry.body, organisation=registry.firm,
                        submitted_by=users["firm"], contact_email="", status=EoiStatus.SUBMITTED)
    for kind in ("firm", "coordinator"):
        client = client_for(users[kind])
        detail = client.get(f"/api/v1/expressions-of-interest/{eoi.pk}/")
        listed = client.get("/api/v1/expressions-of-interest/")

        assert detail.status_code == 200, detail.json()
        assert detail.json()["call"] is None and detail.json()["contact_email"] == ""
        assert_matches_schema(schema, detail, "/api/v1/expressions-of-interest/{id}/", "GET")
        assert_matches_schema(schema, listed, "/api/v1/expressions-of-interest/", "GET")


def test_an_organisation_without_contacts_reads_as_documented(schema, registry, users):
    registry.firm.contact_email = registry.firm.website = ""
    registry.firm.save()
    response = client_for(users["coordinator"]).get(f"/api/v1/organisations/{registry.firm.pk}/")

    assert response.json()["contact_email"] == "" and response.json()["website"] == ""
    assert_matches_schema(schema, response, "/api/v1/organisations/{id}/", "GET")


def test_an_expression_of_interest_names_a_call_or_a_body_as_documented(schema, registry, users):
    create = schema["components"]["schemas"]["EoiCreateRequest"]
    body = {"title": "Lighting", "summary": "We light the forecourt."}
    response = client_for(users["firm"]).post("/api/v1/expressions-of-interest/", body,
                                               format="json")

    assert list(validator(schema, create).iter_errors(body)) != []
    assert list(validator(schema, create).iter_errors({**body, "body": 1})) == []
    assert response.status_code == 400


def test_a_token_revoking_itself_is_documented(schema):
    revoke = schema["paths"]["/api/v1/auth/tokens/{token_key}/"]["delete"]

    assert "A token may revoke itself" in revoke["description"]


def test_a_transition_and_a_verification_answer_as_documented(schema, registry, users):
    coordinator = client_for(users["coordinator"])
    moved = coordinator.post(f"/api/v1/partnerships/{registry.draft.pk}/transition/",
                             {"status": "negotiation"}, format="json")
    verified = coordinator.post(
        f"/api/v1/organisations/{registry.unverified_firm.pk}/verification/",
        {"status": "verified", "note": "Registry extract checked."}, format="json")

    assert moved.status_code == 200 and verified.status_code == 200, verified.content
    assert_matches_schema(schema, moved, "/api/v1/partnerships/{id}/transition/", "POST")
    assert_matches_schema(schema, verified, "/api/v1/organisations/{id}/verification/", "POST")
