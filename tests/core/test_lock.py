"""Installs are reproducible: every package pyproject.toml names is pinned, with hashes, in the
lock files that `make`, CI and the Dockerfile install from."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def name_of(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text()
    return {
        name.lower().replace("_", "-"): version
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) \\$", text, re.MULTILINE)
    }


@pytest.mark.parametrize(("lock", "requirements"), [
    ("base.txt", PROJECT["dependencies"]),
    ("dev.txt", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
])
def test_every_declared_package_is_pinned(lock, requirements):
    pinned = pins(lock)

    missing = {name_of(r) for r in requirements} - set(pinned)

    assert not missing, f"run `make lock`: {sorted(missing)} not in requirements/{lock}"


def test_both_locks_agree_and_every_pin_carries_a_hash():
    base, dev = pins("base.txt"), pins("dev.txt")

    assert {name: dev[name] for name in base} == base
    for lock in ("base.txt", "dev.txt"):
        text = (ROOT / "requirements" / lock).read_text()
        assert text.count("==") == len(pins(lock))
        assert all("--hash=sha256:" in block for block in text.split("==")[1:])
