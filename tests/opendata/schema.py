"""Validation against the OCDS 1.1 schemas with the PPP extension (vendored, derived: see
opendata/schema/NOTICE), offline."""

import json
from pathlib import Path

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "opendata" / "schema"
CODELISTS = json.loads((SCHEMA_DIR / "codelists.json").read_text())


def _load(name):
    return json.loads((SCHEMA_DIR / name).read_text())


_REGISTRY = Registry().with_resources(
    (name, Resource.from_contents(_load(name), default_specification=DRAFT4))
    for name in ("release-schema.json", "release-package-schema.json", "record-package-schema.json")
)


def errors(document, schema_name: str) -> list[str]:
    validator = Draft4Validator(_load(schema_name), registry=_REGISTRY,
                                format_checker=FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)]


def codelist_problems(release: dict) -> list[str]:
    """Values of the open codelists this registry uses that the codelists do not know."""
    problems = []
    for party in release.get("parties", []):
        problems += [f"partyRole {r}" for r in party.get("roles", [])
                     if r not in CODELISTS["partyRole"]]
    for contract in release.get("contracts", []):
        problems += [f"milestoneType {m['type']}" for m in contract.get("milestones", [])
                     if m.get("type") not in CODELISTS["milestoneType"]]
        problems += [f"documentType {d['documentType']}" for d in contract.get("documents", [])
                     if d.get("documentType") not in CODELISTS["documentType"]]
    return problems
