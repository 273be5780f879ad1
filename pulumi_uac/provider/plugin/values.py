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

from google.protobuf import struct_pb2
from google.protobuf.message import Message
from pulumi.provider.experimental.property_value import (
    Computed,
    PropertyValue,
    ResourceReference,
)
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
    if isinstance(inner, ResourceReference):
        # A resource where a value was expected: its id, as the engine sends a resource to a
        # provider that does not take them (the plugin takes them for its components).
        given = inner.resource_id
        if given is None or given.value in ("", None):
            # Not created yet (a preview): its id is not known.
            return UNKNOWN
        return to_plain(given, path, secrets)
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


def with_reference_ids(request: Message) -> None:
    """Every resource reference in ``request``'s property maps with its id where the
    framework in our pin looks for it.

    The engine writes a reference's id under ``id`` (as every Pulumi SDK does); the
    experimental framework reads ``resource_id``, so every reference would arrive without its
    id. Copying it under the second name, in place, before the framework reads the request,
    keeps both readings true.
    """
    for field, value in request.ListFields():
        if field.message_type is struct_pb2.Struct.DESCRIPTOR:
            _struct_ids(value)


def _struct_ids(struct: struct_pb2.Struct) -> None:
    fields = struct.fields
    sig = fields.get(rpc._special_sig_key)
    if (
        sig is not None
        and sig.string_value == rpc._special_resource_sig
        and "id" in fields
        and "resource_id" not in fields
    ):
        fields["resource_id"].CopyFrom(fields["id"])
    for value in fields.values():
        _value_ids(value)


def _value_ids(value: struct_pb2.Value) -> None:
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        _struct_ids(value.struct_value)
    elif kind == "list_value":
        for item in value.list_value.values:
            _value_ids(item)
