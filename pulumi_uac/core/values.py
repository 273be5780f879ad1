"""Plain-data helpers over property dicts, and the core's own *unknown* marker.

The engine says "not known yet" in several ways (the dynamic host hands over
``pulumi.output.Unknown`` objects or a sentinel string, the plugin a computed
``PropertyValue``). Each adapter turns them into :data:`UNKNOWN` on the way in, so the core has
exactly one thing to test for, at any depth.
"""

from __future__ import annotations

import copy
from typing import Any, Final


class Unknown:
    """A value the engine does not know yet (during a preview)."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __deepcopy__(self, _memo: dict[int, Any]) -> Unknown:
        return self


UNKNOWN: Final = Unknown()


def is_unknown(value: Any) -> bool:
    return value is UNKNOWN


def contains_unknown(value: Any) -> bool:
    """Whether ``value`` is unknown or holds an unknown anywhere inside."""
    if value is UNKNOWN:
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in value)
    return False


def normalize(value: Any) -> Any:
    """Undo the wire's changes: integral floats back to ints (the engine carries every number as
    a float), ``None`` entries of dicts dropped (the engine drops them anyway), recursively."""
    if isinstance(value, bool) or value is UNKNOWN:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [normalize(v) for v in value]
    return value


def get_path(data: Any, path: str) -> Any:
    """``data["a"]["b"]`` for ``"a.b"``; None when any step is missing (or not a dict)."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[parts[-1]] = value


def project(source: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """Only ``paths`` of ``source`` (absent or null values left out), deep-copied."""
    out: dict[str, Any] = {}
    for path in paths:
        value = get_path(source, path)
        if value is not None:
            set_path(out, path, copy.deepcopy(value))
    return out
