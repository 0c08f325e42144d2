"""Find every app's demo module and put them in the order their DEPENDS_ON asks for."""

from graphlib import CycleError, TopologicalSorter
from importlib import import_module
from types import ModuleType

from django.utils.module_loading import module_has_submodule

from portal.project_apps import project_app_configs


class DemoContentError(Exception):
    """Demo modules that cannot be loaded as declared; the message says what to fix."""


def discover() -> dict[str, ModuleType]:
    """The `demo` module of each of the project's apps, by app label, in INSTALLED_APPS order."""
    return {
        config.label: import_module(f"{config.name}.demo")
        for config in project_app_configs()
        if module_has_submodule(config.module, "demo")
    }


def depends_on(label: str, module: ModuleType) -> list[str]:
    declared = getattr(module, "DEPENDS_ON", [])
    if isinstance(declared, str):
        raise DemoContentError(
            f"DEPENDS_ON in the demo module of {label!r} must be a list of app labels, "
            f'e.g. ["portal"], not the string {declared!r}.'
        )
    return list(declared)


def in_dependency_order(modules: dict[str, ModuleType]) -> list[tuple[str, ModuleType]]:
    """(label, module) pairs, every module after the ones it depends on.

    Raises DemoContentError when a module depends on an app without demo content (or one that
    is not installed), or when modules depend on each other in a circle.
    """
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for label, module in modules.items():
        needed = depends_on(label, module)
        missing = [other for other in needed if other not in modules]
        if missing:
            raise DemoContentError(
                f"The demo content of {label!r} depends on {', '.join(map(repr, missing))}, "
                "which has none: is that app installed, with a demo.py? (DEPENDS_ON names "
                "app labels.)"
            )
        sorter.add(label, *needed)
    try:
        order = list(sorter.static_order())
    except CycleError as error:
        cycle = error.args[1]
        raise DemoContentError(
            "The demo modules depend on each other in a circle: " + " -> ".join(cycle)
        ) from error
    return [(label, modules[label]) for label in order]
