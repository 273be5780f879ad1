"""The base of every lookup result (``GetUacConnectionResult``, ...)."""

from __future__ import annotations

import inspect
from typing import Any


class LookupResult(dict[str, Any]):
    """A function's answer: typed attributes (``result.fqdn``) over a dict, so that
    ``pulumi.export("conn", result)`` exports it whole (as generated Pulumi SDKs' output types
    do). A name the result does not have raises, naming the ones it has, instead of quietly
    giving ``None``."""

    @classmethod
    def fields(cls) -> frozenset[str]:
        """The attributes this result declares."""
        names: set[str] = set()
        for klass in cls.__mro__:
            if issubclass(klass, LookupResult):
                names.update(inspect.get_annotations(klass))
        return frozenset(n for n in names if not n.startswith("_"))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in type(self).fields():
            return self.get(name)
        raise AttributeError(
            f"{type(self).__name__} has no attribute {name!r}; it has: "
            + ", ".join(sorted(type(self).fields()))
        )

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.items() if k != "password"}
        return f"{type(self).__name__}({shown})"
