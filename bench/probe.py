"""Inside Django (bench settings): find the pages to measure and count their queries.

Run by bench/run.py as `python -m bench.probe`; prints one JSON object on stdout.
"""

import json
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

# What the bench measures, by model label: the portal's page types and each content app's main
# page types (looked up by label, so the bench needs no import of the apps it measures).
MEASURED = {
    "home": "portal.HomePage",
    "audience": "portal.AudiencePage",
    "standard": "portal.StandardPage",
    "kb-index": "knowledge.KnowledgeIndexPage",
    "article": "knowledge.ArticlePage",
    "catalogue": "courses.CourseIndexPage",
    "course": "courses.CoursePage",
    "lesson": "courses.LessonPage",
    "offer": "experts.AwarenessOfferPage",
    "pool": "experts.ExpertPoolPage",
}


def path_of(model: type[Page]) -> str | None:
    page = model.objects.live().public().filter(locale__language_code="nl").order_by("path")
    page = page.first()
    if page is None:
        return None
    _site_id, _root, page_path = page.get_url_parts()
    return page_path


def classroom_course_path() -> str | None:
    """A classroom course with upcoming sessions: its page lists them with free seats."""
    model = apps.get_model("courses.CoursePage")
    page = (
        model.objects.live()
        .public()
        .filter(locale__language_code="nl", format="classroom", sessions__isnull=False)
        .order_by("path")
        .first()
    )
    return page.get_url_parts()[2] if page is not None else None


def count_queries(client: Client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries.captured_queries)


def main() -> None:
    paths = {name: path_of(apps.get_model(label)) for name, label in MEASURED.items()}
    paths["sessions"] = classroom_course_path()
    client = Client()
    queries = {}
    for name, path in paths.items():
        if path is None:
            continue
        cache.clear()
        status, cold = count_queries(client, path)
        _status, warm = count_queries(client, path)
        queries[name] = {"status": status, "cold": cold, "warm": warm}
    print(json.dumps({"paths": paths, "queries": queries}))


if __name__ == "__main__":
    main()
