"""What the engine really hands the dynamic provider, built through Pulumi's own serialization.

A program's properties are serialized by the SDK (``rpc.serialize_properties``: numbers become
floats, ``None`` drops out, unknowns become the sentinel, secrets are wrapped); the engine then
forwards them with secrets unwrapped (the dynamic host accepts none); the host deserializes them
(``keep_unknowns=True`` for check and diff, which then see ``Unknown`` objects). Tests feed the
provider through this path instead of writing the dicts by hand.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from google.protobuf import struct_pb2
from pulumi.output import Unknown
from pulumi.runtime import rpc

PROVIDER_BLOB = "serialized-provider-placeholder"


def unknown() -> Unknown:
    """A value not known yet, as a program holds it during a preview."""
    return Unknown()  # type: ignore[no-untyped-call]


def _strip_secrets(value: Any) -> Any:
    if isinstance(value, struct_pb2.Struct):
        fields = dict(value.items())
        if fields.get(rpc._special_sig_key) == rpc._special_secret_sig:
            return _strip_secrets(fields["value"])
        out = struct_pb2.Struct()
        for k, v in fields.items():
            out[k] = _strip_secrets(v)
        return out
    if isinstance(value, struct_pb2.ListValue):
        out_list = struct_pb2.ListValue()
        out_list.extend([_strip_secrets(v) for v in value])
        return out_list
    return value


def serialized(props: dict[str, Any] | Callable[[], dict[str, Any]]) -> struct_pb2.Struct:
    """``props`` as the SDK puts them on the wire (a callable is called inside the event loop,
    for props holding ``Output`` values)."""

    async def run() -> struct_pb2.Struct:
        values = props() if callable(props) else props
        return await rpc.serialize_properties({"__provider": PROVIDER_BLOB, **values}, {})

    # A private loop: asyncio.run() would leave the thread without one, which Pulumi's own test
    # helpers (used by other test modules in this process) rely on.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(run())
    finally:
        loop.close()


def engine_sends(
    props: dict[str, Any] | Callable[[], dict[str, Any]], *, keep_unknowns: bool = False
) -> dict[str, Any]:
    """``props`` as the dynamic provider receives them: serialized by the SDK, secrets unwrapped
    by the engine, deserialized by the host (with unknowns kept for check and diff)."""
    struct = _strip_secrets(serialized(props))
    result: dict[str, Any] = rpc.deserialize_properties(struct, keep_unknowns or None)
    return result


def for_check(props: dict[str, Any] | Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """What ``check`` and ``diff`` receive: unknowns kept, as ``Unknown`` objects."""
    return engine_sends(props, keep_unknowns=True)


def checked_inputs(result_inputs: dict[str, Any]) -> dict[str, Any]:
    """The inputs ``check`` returned, after the host and engine carried them on to ``create``
    or ``update``: serialized and deserialized again."""
    return engine_sends({k: v for k, v in result_inputs.items() if k != "__provider"})
