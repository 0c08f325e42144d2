"""`make lint`'s import contracts: the layers of DESIGN.md, checked by import-linter.

The contracts live in pyproject.toml ([tool.importlinter]) and name every domain app of the
design, those still to come included. import-linter refuses a package it cannot find, so this
runs it on the packages that exist: a contract holds for an app from its first commit, with no
edit anywhere. A first-party package that pyproject.toml does not name stops the run, so a new
app cannot go unchecked by accident.

    .venv/bin/python scripts/lint_imports.py [PROJECT]   (default: this repository)
"""

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
# First-party packages that are not part of the site: the contracts keep the site from
# importing them, and they may import anything.
NOT_APPS = {"tests", "bench"}
# Contract fields that list the packages a contract looks inside: an absent one is left out.
# (forbidden_modules may name absent packages: with include_external_packages that is allowed.)
INSPECTED_FIELDS = ("source_modules", "modules", "ancestors")


def first_party_packages(root: Path) -> set[str]:
    return {path.parent.name for path in root.glob("*/__init__.py")}


def present_only(config: dict, present: set[str]) -> dict:
    """The [tool.importlinter] config, restricted to the packages in `present`."""

    def exists(module: str) -> bool:
        return module.split(".")[0] in present

    session = {key: value for key, value in config.items() if key != "contracts"}
    session["root_packages"] = [name for name in config["root_packages"] if exists(name)]
    contracts = []
    for contract in config["contracts"]:
        kept = dict(contract)
        for field in INSPECTED_FIELDS:
            if field in kept:
                kept[field] = [module for module in kept[field] if exists(module)]
        too_few = 2 if kept["type"] == "independence" else 1
        if all(len(kept[field]) >= too_few for field in INSPECTED_FIELDS if field in kept):
            contracts.append(kept)
    return {**session, "contracts": contracts}


def as_toml(config: dict) -> str:
    """TOML for import-linter: strings, booleans and lists of strings are all it holds, and
    JSON writes those the way TOML reads them."""
    lines = ["[tool.importlinter]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in config.items() if key != "contracts"]
    for contract in config["contracts"]:
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{key} = {json.dumps(value)}" for key, value in contract.items()]
    return "\n".join(lines) + "\n"


def main(project: Path) -> int:
    config = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["importlinter"]
    present = first_party_packages(project)
    unnamed = sorted(present - NOT_APPS - set(config["root_packages"]))
    if unnamed:
        print(
            f"error: {', '.join(unnamed)} is a first-party package that no import contract "
            "names: add it to [tool.importlinter] in pyproject.toml (root_packages and the "
            "contracts for its layer).",
            file=sys.stderr,
        )
        return 1
    absent = [name for name in config["root_packages"] if name not in present]
    if absent:
        print(f"Not here yet, so not checked: {', '.join(absent)}")
    with tempfile.NamedTemporaryFile("w", suffix=".toml", prefix="importlinter-") as file:
        file.write(as_toml(present_only(config, present)))
        file.flush()
        command = [LINT_IMPORTS, "--config", file.name, "--no-cache", "--no-logo"]
        # Our own venv's lint-imports on a file we just wrote: no outside input.
        return subprocess.run(command, cwd=project, check=False).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))
