"""Module constants computed when they are first read (a module `__getattr__`, PEP 562).

For numbers the pages state that need a torch optimizer: building the first one imports
torch._dynamo, about 2 s, which every test process would pay just to import the module while it
collects the checks, most of which never read the number."""

from __future__ import annotations

from collections.abc import Callable


def computed_on_first_read(
    namespace: dict[str, object], makers: dict[str, Callable[[], object]]
) -> Callable[[str], object]:
    """A module `__getattr__` that computes the constant `name` with `makers[name]`, once: the
    value is then stored in the module's namespace, where later reads find it directly."""

    def __getattr__(name: str) -> object:
        if name not in makers:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        namespace[name] = makers[name]()
        return namespace[name]

    return __getattr__
