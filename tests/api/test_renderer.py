"""The API's JSON: compact UTF-8, the same as DRF's renderer would write."""

import json

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from core.api.renderers import RegistryJSONRenderer


@pytest.mark.parametrize("data", [
    {"title": "Sécurité à la gare", "count": 3, "nested": [{"a": None}, True]},
    {"line": "one\u2028two\u2029three"},
    {"detail": gettext_lazy("Not found.")},
    {"errors": {"contributions": {0: {"kind": ["This field is required."]}}}},
])
def test_same_bytes_as_drf(data):
    assert RegistryJSONRenderer().render(data) == JSONRenderer().render(data)


def test_indented_on_request():
    rendered = RegistryJSONRenderer().render({"a": 1}, "application/json; indent=2")

    assert json.loads(rendered) == {"a": 1}
    assert b"\n" in rendered
