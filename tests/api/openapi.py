"""The registry's own OpenAPI document as JSON Schema, to check examples and responses against."""

import copy
import json

from jsonschema import Draft202012Validator
from rest_framework.test import APIClient


def openapi_document() -> dict:
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def _as_json_schema(node):
    """OpenAPI 3.0's ``nullable`` becomes JSON Schema's ``null`` alternative; examples go."""
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _as_json_schema(value) for key, value in node.items()
            if key not in ("example", "examples")}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def validator(document: dict, schema: dict) -> Draft202012Validator:
    """Validates against ``schema``, a part of ``document`` whose ``$ref`` point into it."""
    root = {**_as_json_schema(copy.deepcopy(schema)),
            "components": _as_json_schema(document.get("components", {}))}
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


def response_schema(document: dict, path: str, method: str, status: int) -> dict:
    content = document["paths"][path][method.lower()]["responses"][str(status)]["content"]
    return content["application/json"]["schema"]


def assert_matches_schema(document: dict, response, path: str, method: str) -> None:
    """``response`` (from the test client) has the body its operation documents for its status."""
    schema = response_schema(document, path, method, response.status_code)
    errors = [error.message for error in validator(document, schema).iter_errors(
        json.loads(response.content))]
    assert errors == [], f"{method} {path} {response.status_code}: {errors}"
