"""An index of the pages' addresses (url_path), which portal.routing looks every level of an
address up by.

Without it each request below the home page reads the whole page table: some 35 microseconds
at the demo's 115 pages, a millisecond and more per request at thousands. The table is
Wagtail's (wagtailcore_page), so the index is made here. PostgreSQL gets a hash index: it
answers `url_path IN (...)` all the same and, unlike a B-tree, has no limit on the length of
what it holds (url_path is unbounded text); SQLite has no hash index and no such limit.
"""

from django.contrib.postgres.indexes import HashIndex
from django.db import migrations, models

NAME = "portal_page_url_path"


def url_path_index(schema_editor) -> models.Index:
    if schema_editor.connection.vendor == "postgresql":
        return HashIndex(fields=["url_path"], name=NAME)
    return models.Index(fields=["url_path"], name=NAME)


def create_index(apps, schema_editor):
    schema_editor.add_index(apps.get_model("wagtailcore", "Page"), url_path_index(schema_editor))


def drop_index(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("wagtailcore", "Page"), url_path_index(schema_editor))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_review_reminder_weeks"),
        # Wagtail's last migration: the page table as it stands.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
