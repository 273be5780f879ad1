"""Between the plugin protocol's ``PropertyValue`` and the core's plain values.

In: numbers stay floats (the core normalises them), unknowns (a computed value, or the engine's
sentinel string) become :data:`~pulumi_uac.core.values.UNKNOWN`, and secrets are unwrapped with
their paths noted. Out: every path that came in secret goes out secret, and so does every
password, wherever it sits; an unknown goes out as the sentinel string, the one form the
protocol in our pin can carry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pulumi.provider.experimental.property_value import Computed, PropertyValue
from pulumi.runtime import rpc

from ...core.values import UNKNOWN, Unknown

Path = tuple[str, ...]


def to_plain(value: PropertyValue, path: Path = (), secrets: set[Path] | None = None) -> Any:
    """The plain value of ``value``; the paths of secret values are added to ``secrets``."""
    if secrets is not None and value.is_secret:
        secrets.add(path)
    inner = value.value
    if isinstance(inner, Computed) or (isinstance(inner, str) and inner == rpc.UNKNOWN):
        return UNKNOWN
    if isinstance(inner, Mapping):
        return {k: to_plain(v, (*path, k), secrets) for k, v in inner.items()}
    if isinstance(inner, (list, tuple)):
        return [to_plain(v, path, secrets) for v in inner]
    return inner


def plain_map(values: Mapping[str, PropertyValue]) -> tuple[dict[str, Any], set[Path]]:
    """A property map as a plain dict, and the paths that were secret."""
    secrets: set[Path] = set()
    return {k: to_plain(v, (k,), secrets) for k, v in values.items()}, secrets


def _is_secret(path: Path, secrets: Iterable[Path]) -> bool:
    return any(path[: len(s)] == s for s in secrets)


def to_value(value: Any, path: Path = (), secrets: Iterable[Path] = ()) -> PropertyValue:
    """``value`` as a ``PropertyValue``, secret wherever ``secrets`` says (a secret path covers
    everything under it)."""
    secret = _is_secret(path, secrets)
    if secret:
        secrets = ()  # marked once, here: nothing under a secret needs its own mark
    if isinstance(value, Unknown):
        out = PropertyValue(rpc.UNKNOWN)
    elif isinstance(value, Mapping):
        out = PropertyValue({k: to_value(v, (*path, k), secrets) for k, v in value.items()})
    elif isinstance(value, (list, tuple)):
        out = PropertyValue([to_value(v, path, secrets) for v in value])
    elif isinstance(value, bool) or value is None or isinstance(value, str):
        out = PropertyValue(value)
    elif isinstance(value, (int, float)):
        out = PropertyValue(float(value))
    else:
        out = PropertyValue(str(value))
    return out.with_secret(True) if secret else out


def value_map(values: Mapping[str, Any], secrets: Iterable[Path] = ()) -> dict[str, PropertyValue]:
    secrets = list(secrets)
    return {k: to_value(v, (k,), secrets) for k, v in values.items() if v is not None}
