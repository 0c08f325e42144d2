"""On SQLite, an index of the search index's entries that holds which object each one is
(search/backends/sqlite_ranking.py).

A search joins the thousand best matches to their entries, to learn each one's model and
object. Looked up by rowid, each lands on a row that also carries the entry's whole text,
spread over pages of its own: 1.5 ms of a 13 ms ranking at 10,000 items. This index holds only
(id, content type, object id), a few pages in all. The table is Wagtail's (wagtailsearch), so
the index is made here in SQL; the ranking uses it only while it exists, and PostgreSQL, whose
search does not join this way, gets none.
"""

from django.db import migrations

INDEX = "search_indexentry_objects"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{TABLE}" (id, content_type_id, object_id)'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_grant_query_report"),
        # The last migration of Wagtail's search app: the entries table as it stands.
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
