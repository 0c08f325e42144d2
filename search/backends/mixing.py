"""Classes of modelsearch's backends with ours mixed in front."""

from functools import cache


@cache
def mixed(prefix: str, base: type, *mixins: type) -> type:
    """`base` with `mixins` in front, made once per process: modelsearch makes a backend for
    each search of each source, and a class made anew each time would cost that search a
    class's creation and leave it for the garbage collector."""
    return type(f"{prefix}{base.__name__}", (*mixins, base), {})
