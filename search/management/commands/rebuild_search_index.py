"""`manage.py rebuild_search_index`: the whole index again, public content only, no downtime."""

from django.core.management.base import BaseCommand

from search.upkeep.rebuild import DEFAULT_CHUNK_SIZE, ModelCount, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from what the public may see (live public pages, documents "
        "in public collections, door models' search_visible()). Searches keep working: the "
        "database backend rebuilds in one transaction, Meilisearch fills a new index and swaps "
        "it in. Anything indexed that is not visible any more is removed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--backend",
            action="append",
            dest="backends",
            help="Rebuild only this backend (repeatable); default: every configured backend.",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=DEFAULT_CHUNK_SIZE,
            help="Objects read and indexed at a time.",
        )

    def handle(self, *args, backends: list[str] | None, chunk_size: int, **options) -> None:
        def progress(count: ModelCount) -> None:
            if count.indexed or count.removed:
                self.stdout.write(
                    f"{count.backend}: {count.model}: "
                    f"indexed {count.indexed}, removed {count.removed}"
                )

        counts = rebuild(backends, chunk_size=chunk_size, progress=progress)
        for name in dict.fromkeys(count.backend for count in counts):
            indexed = sum(count.indexed for count in counts if count.backend == name)
            removed = sum(count.removed for count in counts if count.backend == name)
            self.stdout.write(f"{name}: total indexed {indexed}, removed {removed}")
