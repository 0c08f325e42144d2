"""The layers of DESIGN.md are checked by `make lint`, not hoped for.

Each test builds a small project with this repository's import contracts (pyproject.toml)
and runs `make lint`'s import check (scripts/lint_imports.py) on it.
"""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = ROOT / "scripts" / "lint_imports.py"


def contracts_toml() -> str:
    """[tool.importlinter] of pyproject.toml, without any allowance for this repository's own
    modules (it would match nothing in a made-up project, which import-linter refuses)."""
    text = (ROOT / "pyproject.toml").read_text()
    config = text[text.index("[tool.importlinter]") :]
    tomllib.loads(config)  # the section stands on its own
    return re.sub(r"ignore_imports = \[.*?\n\]\n", "", config, flags=re.DOTALL)


def make_project(tmp_path: Path, files: dict[str, str]) -> Path:
    project = tmp_path / "project"
    (project).mkdir()
    (project / "pyproject.toml").write_text(contracts_toml())
    for name, text in {"portal/__init__.py": "", **files}.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return project


def lint(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, LINT_IMPORTS, project],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_project_that_keeps_the_layers_passes(tmp_path):
    project = make_project(
        tmp_path,
        {
            "portal/models.py": "",
            "portal/views.py": "from portal import models\n",
            "courses/__init__.py": "",
            "courses/models.py": "from portal.models import *\n",
            "search/__init__.py": "from portal import views\n",
        },
    )
    result = lint(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Not here yet, so not checked: knowledge, experts" in result.stdout
    assert "BROKEN" not in result.stdout


BROKEN_LAYERS = {
    "portal imports a domain app": (
        {"portal/views.py": "import courses\n", "courses/__init__.py": ""},
        "portal, the base layer, imports no domain app BROKEN",
    ),
    "a domain app imports a sibling": (
        {
            "courses/__init__.py": "",
            "experts/__init__.py": "",
            "experts/matching.py": "from courses import models\n",
            "courses/models.py": "",
        },
        "Domain apps never import each other (a cross-link is a string model reference) BROKEN",
    ),
    "search imports a content app": (
        {
            "knowledge/__init__.py": "",
            "search/__init__.py": "",
            "search/index.py": "def articles():\n    from knowledge import models\n",
            "knowledge/models.py": "",
        },
        "search imports no content app (content marks itself searchable) BROKEN",
    ),
    "portal imports a domain app that is not here yet": (
        {"portal/views.py": "import courses\n"},
        "portal, the base layer, imports no domain app BROKEN",
    ),
    "the site imports tests": (
        {"portal/demo.py": "from tests import factories\n"},
        "The site imports no tests or benchmarks BROKEN",
    ),
    "a function-level import hides a cycle": (
        {
            "portal/navigation.py": "from portal import pages\n",
            "portal/pages.py": "def menu():\n    from portal import navigation\n",
        },
        "No import cycles between the modules of a package BROKEN",
    ),
}


@pytest.mark.parametrize("case", BROKEN_LAYERS)
def test_lint_fails_when_a_layer_is_broken(tmp_path, case):
    files, broken_contract = BROKEN_LAYERS[case]
    result = lint(make_project(tmp_path, files))
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken_contract in result.stdout


def test_a_new_package_that_no_contract_names_fails_the_lint(tmp_path):
    result = lint(make_project(tmp_path, {"payments/__init__.py": ""}))
    assert result.returncode == 1
    assert "payments is a first-party package that no import contract names" in result.stderr


def first_party_python_files() -> list[Path]:
    packages = [path.parent for path in ROOT.glob("*/__init__.py")]
    return [
        path
        for package in packages
        if package.name != "tests"
        for path in package.rglob("*.py")
        if "migrations" not in path.parts
    ]


def test_every_function_level_import_that_stays_says_why():
    """ruff (PLC0415) fails on an import inside a function; one that must stay local carries
    `# noqa: PLC0415 (reason)` on its line. A bare noqa would hide the next cycle unexplained."""
    bare = []
    for path in first_party_python_files():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = re.search(r"#\s*noqa:[\w, ]*PLC0415(.*)$", line)
            if match and not re.search(r"\w{3,}", match.group(1)):
                bare.append(f"{path.relative_to(ROOT)}:{number}")
    assert bare == [], "give the reason after the code: # noqa: PLC0415 (why it stays local)"
