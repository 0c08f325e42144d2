"""Keeping SQLite's full-text index in one piece.

FTS5 writes each batch of index changes as a new segment and merges segments only now and
then (its automerge), so an index that grew page by page, or was just rebuilt in chunks, is
spread over many segments. A search reads each word's list from every segment and merges
them as it goes: on the bench's 10,000 items, ranking "huiselijk geweld" takes 11.6 ms over
the segments a rebuild leaves and 9.9 ms once they are merged into one.

FTS5 merges on request ("optimize", or "merge" with a bounded amount of work); this asks for
it after a rebuild (all of it) and in the regular index upkeep (a bounded step that costs
nothing when the index is already one segment). Other backends (PostgreSQL's GIN index,
Meilisearch) keep their own indexes in shape.
"""

from typing import Any

from django.apps import apps
from django.db import connections, router, transaction

# Leaf pages of work per upkeep run: a few hundred milliseconds at most, however large the
# index (the write lock is held meanwhile, and bookings wait for it).
PAGES_PER_STEP = 2000


def is_sqlite_full_text(backend: Any) -> bool:
    return type(backend).__name__ == "SQLiteSearchBackend"


def merge_segments(backend: Any, pages: int | None = None) -> bool:
    """Merge the segments of `backend`'s FTS5 index: all of them (None), or at most `pages`
    leaf pages of work towards one segment. False for a backend that is not SQLite's."""
    if not is_sqlite_full_text(backend):
        return False
    table = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")._meta.db_table
    # Where modelsearch writes the index.
    connection = connections[router.db_for_write(apps.get_model("wagtailsearch", "IndexEntry"))]
    quoted = connection.ops.quote_name(table)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if pages is None:
            cursor.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('optimize')")  # noqa: S608 (a quoted name)
        else:
            # Negative: merge towards a single segment, whatever the levels (FTS5's "merge").
            cursor.execute(
                f"INSERT INTO {quoted}({quoted}, rank) VALUES ('merge', %s)",  # noqa: S608 (a quoted name)
                [-pages],
            )
    return True
