"""The CSS build (scripts/build_static.mjs): the component rules any app uses, and no others.

The build scans the templates and Python of every first-party package it finds, so an app
that arrives next to portal/ (or a test-only app under tests/) is styled without an edit to
the build or the Makefile. Each test runs the real build with node, into a temporary folder.
"""

import re
import subprocess
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = ROOT / "scripts" / "build_static.mjs"
HOME_PAGE_CSS_BUDGET = 40 * 1024


def run_build(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["node", BUILD_SCRIPT, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
    )


def build(project: Path, out: Path) -> Path:
    result = run_build("--project", project, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def styles(css: str, class_name: str) -> bool:
    """True when some rule of `css` selects on `class_name` (not merely a longer name)."""
    return re.search(rf"\.{re.escape(class_name)}(?![\w-])", css) is not None


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def project_with_new_apps(tmp_path) -> Path:
    """A project with an app next to portal/ and a test-only app inside tests/.

    Each uses a component class that nothing else in this project mentions.
    """
    project = tmp_path / "project"
    write(project / "shelter" / "__init__.py", "")
    write(
        project / "shelter" / "templates" / "shelter" / "shelter_page.html",
        '{% extends "base.html" %}{% block content %}'
        '<span class="utrecht-status-badge">{{ page.beds }}</span>{% endblock %}',
    )
    write(
        project / "shelter" / "forms.py",
        'RULE_ATTRS = {"class": "utrecht-separator"}\n',
    )
    write(project / "tests" / "__init__.py", "")
    write(project / "tests" / "doorapp" / "__init__.py", "")
    write(
        project / "tests" / "doorapp" / "templates" / "doorapp" / "quote.html",
        '<blockquote class="utrecht-blockquote">{{ value }}</blockquote>',
    )
    return project


def test_a_class_used_only_in_an_apps_template_survives_the_build(project_with_new_apps, tmp_path):
    out = build(project_with_new_apps, tmp_path / "out")
    css = (out / "css" / "steiger.css").read_text()

    assert styles(css, "utrecht-status-badge"), "the app's template class was pruned"
    assert styles(css, "utrecht-separator"), "the class the app's Python code sets was pruned"
    assert styles(css, "utrecht-blockquote"), "the test-only app's template class was pruned"
    # A component no file of this project mentions is left out.
    assert not styles(css, "utrecht-table")
    assert not styles(css, "utrecht-checkbox")


def test_an_unused_class_is_dropped_again_when_the_app_stops_using_it(
    project_with_new_apps, tmp_path
):
    template = project_with_new_apps / "shelter" / "templates" / "shelter" / "shelter_page.html"
    template.write_text('{% extends "base.html" %}{% block content %}{% endblock %}')

    css = (build(project_with_new_apps, tmp_path / "out") / "css" / "steiger.css").read_text()

    assert not styles(css, "utrecht-status-badge")


def test_the_makefile_rebuilds_when_any_scanned_file_changes(project_with_new_apps):
    """`make`'s stamp depends on exactly the files the build reads, a new app's included."""
    listed = run_build("--list-sources", "--project", project_with_new_apps)
    assert listed.returncode == 0, listed.stderr
    sources = {Path(line).resolve() for line in listed.stdout.split()}
    for app_file in (
        "shelter/templates/shelter/shelter_page.html",
        "shelter/forms.py",
        "tests/doorapp/templates/doorapp/quote.html",
    ):
        assert (project_with_new_apps / app_file).resolve() in sources, app_file

    database = subprocess.run(
        ["make", "--print-data-base", "--dry-run", "help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    ).stdout
    make_sources = re.search(r"^STATIC_SOURCES := (.*)$", database, re.MULTILINE)
    assert make_sources, "the Makefile has no STATIC_SOURCES"
    ours = run_build("--list-sources").stdout.split()
    assert make_sources.group(1).split() == ours
    assert "templates/base.html" in ours
    # Of tests/, the test-only apps' templates; test code (class names as test data) is no
    # source of the site's stylesheet.
    assert "tests/conftest.py" not in ours
    assert "tests/test_static_build.py" not in ours


def test_a_class_name_composed_in_a_template_stops_the_build(tmp_path):
    """The build cannot see `utrecht-button--{{ kind }}` whole: it says so instead of pruning."""
    project = tmp_path / "project"
    write(project / "shelter" / "__init__.py", "")
    write(
        project / "shelter" / "templates" / "shelter" / "button.html",
        '<button class="utrecht-button utrecht-button--{{ kind }}">Go</button>',
    )

    result = run_build("--project", project, "--out", tmp_path / "out")

    assert result.returncode != 0
    assert "button.html: utrecht-button--{{" in result.stderr
    assert "SAFELIST" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def site_build(tmp_path_factory) -> Path:
    """This project's own build, fresh (static/build may be older than the templates)."""
    return build(ROOT, tmp_path_factory.mktemp("build"))


class PageStyle(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.classes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("rel") == "stylesheet":
            self.stylesheets.append(values["href"].rsplit("/static/", 1)[-1])
        self.classes.update(name for name in values.get("class", "").split())


def page_style(html: str) -> PageStyle:
    parser = PageStyle()
    parser.feed(html)
    return parser


@pytest.mark.django_db
def test_pages_on_the_lean_stylesheet_get_every_rule_they_use(client, site_build):
    """Every public page of the demo site that asks for css/steiger-lean.css finds in it the
    rules for each component class it shows, as the full stylesheet would give them."""
    call_command("load_demo_content", "--force", stdout=StringIO())
    full = (site_build / "css" / "steiger.css").read_text()
    lean = (site_build / "css" / "steiger-lean.css").read_text()
    urls = [page.get_url() for page in Page.objects.live().public().filter(depth__gt=1)]
    urls += ["/nl/zoeken/?q=meldcode", "/en/zoeken/?q=meldcode", "/nl/bestaat-niet/"]

    lean_pages = 0
    missing = {}
    for url in urls:
        found = page_style(client.get(url).content.decode())
        if found.stylesheets != ["css/steiger-lean.css"]:
            continue
        lean_pages += 1
        unstyled = {
            name
            for name in found.classes
            if name.startswith("utrecht-") and styles(full, name) and not styles(lean, name)
        }
        if unstyled:
            missing[url] = sorted(unstyled)

    assert lean_pages >= 10, f"only {lean_pages} pages use the lean stylesheet"
    assert missing == {}


@pytest.mark.django_db
def test_the_home_page_css_weighs_at_most_40_kb(client, home, site_build):
    found = page_style(client.get("/nl/").content.decode())

    assert found.stylesheets, "the home page links no stylesheet"
    sizes = {name: (site_build / name).stat().st_size for name in found.stylesheets}
    assert sum(sizes.values()) <= HOME_PAGE_CSS_BUDGET, sizes
