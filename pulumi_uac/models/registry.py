"""Every resource the package serves, by its spec. Layers that serve resources in general (the
plugin's dispatch and schema, recovery, the emulator's routes) iterate this; nothing else lists
resources."""

from __future__ import annotations

from .assistant_spec import AI_ASSISTANT
from .call_control_spec import CALL_CONTROL_APPLICATION
from .connection_spec import UAC_CONNECTION
from .outbound_profile_spec import OUTBOUND_VOICE_PROFILE
from .spec import ResourceSpec

SPECS: tuple[ResourceSpec, ...] = (
    UAC_CONNECTION,
    CALL_CONTROL_APPLICATION,
    OUTBOUND_VOICE_PROFILE,
    AI_ASSISTANT,
)


def by_name(name: str) -> ResourceSpec:
    """The spec of the resource type ``name`` (``UacConnection``)."""
    for spec in SPECS:
        if spec.name == name:
            return spec
    raise KeyError(name)


def by_type(token: str) -> ResourceSpec | None:
    """The spec of a Pulumi type token, native or dynamic (None when it is not ours)."""
    for spec in SPECS:
        if token in (spec.native_type, spec.dynamic_type):
            return spec
    return None


def by_urn(urn: str) -> ResourceSpec | None:
    """The spec of the resource a URN names (its type is the part after the last ``$``)."""
    parts = urn.split("::")
    if len(parts) < 4:
        return None
    return by_type(parts[2].rsplit("$", 1)[-1])
