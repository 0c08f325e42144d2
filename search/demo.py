"""Search's part of the demo: no content of its own. After every other app's demo content
the index is rebuilt, so `make run` finds everything at once, also where the upkeep's
after-commit tasks never ran (a test loads the demo inside one transaction).

It depends on every other app that brings demo content, found the way the demo door finds
them, so a new content app needs no edit here.
"""

from django.utils.module_loading import module_has_submodule

from portal.demo.door import DemoContext
from portal.project_apps import project_app_configs
from search.upkeep.rebuild import rebuild

DEPENDS_ON = [
    config.label
    for config in project_app_configs()
    if config.label != "search" and module_has_submodule(config.module, "demo")
]


def load(demo: DemoContext) -> None:
    rebuild("default")
