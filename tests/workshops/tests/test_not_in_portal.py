"""The app plugs in through the doors only: portal/ never names it, and the tools that look into
every app (the CSS build) find it by themselves."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
APP = Path(__file__).resolve().parents[1]


def test_portal_names_the_app_nowhere():
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("git or the repository's .git is not available to search portal/")
    # --untracked: also the new files of a change that is not committed yet.
    found = subprocess.run(
        [git, "grep", "--untracked", "-il", "workshop", "--", "portal/"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert found.returncode in (0, 1), found.stderr  # 1: nothing found
    assert found.stdout == "", f"portal/ names the test-only app:\n{found.stdout}"


def test_the_css_build_reads_the_apps_templates_without_being_told():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the CSS build cannot be asked what it reads")
    listed = subprocess.run(
        [node, ROOT / "scripts" / "build_static.mjs", "--list-sources"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    sources = {(ROOT / line).resolve() for line in listed.stdout.split()}
    templates = sorted((APP / "templates").rglob("*.html"))
    assert templates
    for template in templates:
        assert template.resolve() in sources, template.relative_to(ROOT)
