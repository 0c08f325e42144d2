"""Inside Django (bench settings): find the pages to measure and count the home page's queries.

Run by bench/run.py as `python -m bench.probe`; prints one JSON object on stdout.
"""

import json
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from portal.models import AudiencePage, HomePage, StandardPage  # noqa: E402


def path_of(model: type[Page]) -> str | None:
    page = model.objects.live().public().filter(locale__language_code="nl").order_by("path")
    page = page.first()
    if page is None:
        return None
    _site_id, _root, page_path = page.get_url_parts()
    return page_path


def count_queries(client: Client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries.captured_queries)


def main() -> None:
    paths = {
        "home": path_of(HomePage),
        "audience": path_of(AudiencePage),
        "standard": path_of(StandardPage),
    }
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
