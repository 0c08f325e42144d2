"""`manage.py create_random_content N`: realistic volume for benchmarks (`make bench`).

A door, like the demo content's: every project app may have a `random_content` module with

    def create(count: int, rng: random.Random) -> int   # how many objects it made

N is split over the apps that have one, each with its own generator seeded from --seed and its
label, so the same seed makes the same content. An app that has nothing to attach its content
to (no knowledge index yet) raises LookupError with a message saying so; it is reported and the
other apps go on. The doors write without queueing per-object index updates, and the search
index is rebuilt once at the end: one rebuild of 10,000 objects, not 10,000 updates.

Search never imports a content app: the modules are found by name (portal/demo/discovery.py
finds the `demo` modules the same way).
"""

import random
import time
from importlib import import_module
from types import ModuleType

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import module_has_submodule

from portal.project_apps import project_app_configs
from search.upkeep.rebuild import rebuild

MODULE = "random_content"
DEFAULT_SEED = 20260101


def discover() -> dict[str, ModuleType]:
    """The `random_content` module of each project app that has one, by label, in
    INSTALLED_APPS order."""
    return {
        config.label: import_module(f"{config.name}.{MODULE}")
        for config in project_app_configs()
        if module_has_submodule(config.module, MODULE)
    }


def split(total: int, labels: list[str]) -> dict[str, int]:
    """`total` over the apps as evenly as it goes; the first apps get one more."""
    share, rest = divmod(total, len(labels)) if labels else (0, 0)
    return {label: share + (1 if number < rest else 0) for number, label in enumerate(labels)}


class Command(BaseCommand):
    help = (
        "Create N random but realistic objects for benchmarks, split over the apps that have a "
        "random_content module (today: knowledge articles under the Dutch knowledge index), "
        "then rebuild the search index once (every configured backend). Not for production data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", type=int, help="How many objects to make in all.")
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Random seed; the same seed makes the same content (default {DEFAULT_SEED}).",
        )

    def handle(self, *args, count: int, seed: int, **options) -> None:
        if count < 0:
            raise CommandError("N must be 0 or more.")
        modules = discover()
        if not modules:
            raise CommandError(f"No app has a {MODULE} module: nothing can make content.")
        started = time.perf_counter()
        made: dict[str, int] = {}
        problems: list[str] = []
        for label, share in split(count, list(modules)).items():
            # A generator per app: another app's content never shifts this app's randomness.
            rng = random.Random(f"{seed}:{label}")
            app_started = time.perf_counter()
            try:
                made[label] = modules[label].create(share, rng)
            except LookupError as error:
                made[label] = 0
                problems.append(str(error))
                self.stderr.write(str(error))
                continue
            self.stdout.write(
                f"{label}: made {made[label]} in {time.perf_counter() - app_started:.1f}s"
            )
        total = sum(made.values())
        if count and not total:
            raise CommandError("Nothing was made. " + " ".join(problems))
        if total:
            # Every configured backend, as `rebuild_search_index` does by default.
            rebuild_started = time.perf_counter()
            rebuilt = rebuild()
            seconds = time.perf_counter() - rebuild_started
            for name in dict.fromkeys(model.backend for model in rebuilt):
                indexed = sum(model.indexed for model in rebuilt if model.backend == name)
                self.stdout.write(f"search index {name} rebuilt: {indexed} objects indexed")
            self.stdout.write(f"search index rebuilt in {seconds:.1f}s")
        self.stdout.write(
            f"total: made {total} (seed {seed}) in {time.perf_counter() - started:.1f}s"
        )
