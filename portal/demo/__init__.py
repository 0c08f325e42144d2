"""Demo content for local use (`manage.py load_demo_content`), and the base layer's share of it.

This package is the `portal` app's `demo` module for the demo door (door.py): the loader finds
it like any app's demo.py. It holds the base layer's content only; portal's sub-apps and the
domain apps bring theirs in their own demo.py. Imported once the apps are ready (by the loader
and the tests), never while Django starts.
"""

from portal.demo.base import PAGES, load

DEPENDS_ON: list[str] = []

__all__ = ["DEPENDS_ON", "PAGES", "load"]
