"""The layers of the code hold: ``lint-imports`` checks them, and it does catch a breach."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=where, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def tree_copy(tmp_path):
    """The packages the contracts speak of, and the configuration, in a folder of their own."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for package in CONFIG["root_packages"]:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return tmp_path


def test_the_code_keeps_its_layers():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line"), [
    ("core/forms.py", "from partnerships.models import Partnership\n"),
    ("notifications/services.py", "def late():\n    from calls import models\n"),
    ("actors/views.py", "from goals.selectors import goal_list\n"),
    ("partnerships/selectors.py", "import home.views\n"),
    ("calls/models.py", "from efus_ppp import urls\n"),
])
def test_an_import_against_the_layers_breaks_the_contract(tree_copy, module, line):
    with (tree_copy / module).open("a") as source:
        source.write("\n\n" + line)

    result = lint_imports(tree_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 broken" in result.stdout
    importer = module.removesuffix(".py").replace("/", ".")
    assert importer in result.stdout
