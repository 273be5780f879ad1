"""Which properties exist, and plain-data helpers over the dicts the engine sends.

Vocabulary used across the provider:
- *API fields*: settable fields of the Telnyx contract (``connection_name``, ``inbound``, ...).
- *managed fields*: the API fields (with nested keys, as dotted paths) that the user's program
  sets. Only those are compared, so Telnyx's defaults and server-side fields never cause diffs.
- *provider inputs*: inputs that steer the provider and are never sent (``wait_for_registration``).
"""

from __future__ import annotations

import copy
from typing import Any

from pulumi.runtime import rpc

from ..models import NESTED_OBJECTS, UacConnectionCreateParams

UNKNOWN: str = rpc.UNKNOWN
"""What a value not yet known during preview looks like inside a provider."""

API_FIELDS: frozenset[str] = frozenset(UacConnectionCreateParams.model_fields)
NESTED_FIELDS: frozenset[str] = NESTED_OBJECTS
PASSWORD_PATHS: tuple[str, ...] = ("password", "external_uac_settings.password")
"""Write-only fields: Telnyx masks them, so they are compared with the last desired value."""
SECRET_ROOTS: frozenset[str] = frozenset(p.split(".")[0] for p in PASSWORD_PATHS)
"""Top-level inputs that hold a password."""

WAIT_FOR_REGISTRATION = "wait_for_registration"
ADOPT_EXISTING_ID = "adopt_existing_id"
ADOPT_EXISTING_BY_NAME = "adopt_existing_by_name"
OWNERSHIP_TAG = "ownership_tag"
PROVIDER_INPUTS: frozenset[str] = frozenset(
    {WAIT_FOR_REGISTRATION, ADOPT_EXISTING_ID, ADOPT_EXISTING_BY_NAME, OWNERSHIP_TAG}
)

MANAGED_FIELDS = "managed_fields"
COMPUTED_OUTPUTS: tuple[str, ...] = (
    "fqdn",
    "fqdns",
    "user_name",
    "password",
    "registration_status",
    "registration_status_updated_at",
    "created_at",
    "updated_at",
    "sip_subdomain",
)
OWNERSHIP_TAG_PREFIX = "pulumi-uac-owner:"


def is_unknown(value: Any) -> bool:
    return isinstance(value, str) and value == UNKNOWN


def contains_unknown(value: Any) -> bool:
    if is_unknown(value):
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in value)
    return False


def normalize(value: Any) -> Any:
    """Undo the wire's changes: integral floats back to ints (the engine sends 5060 as 5060.0),
    ``None`` entries of dicts dropped (the engine drops them anyway), recursively."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    return value


def api_inputs(props: dict[str, Any]) -> dict[str, Any]:
    """The API fields of a props dict, normalised."""
    return {k: normalize(v) for k, v in props.items() if k in API_FIELDS and v is not None}


def managed_paths(inputs: dict[str, Any]) -> list[str]:
    """Dotted paths of every field the inputs set, nested keys included, sorted."""
    paths: list[str] = []
    for key, value in inputs.items():
        if key in NESTED_FIELDS and isinstance(value, dict):
            paths.extend(f"{key}.{sub}" for sub in value)
        else:
            paths.append(key)
    return sorted(paths)


def get_path(data: dict[str, Any] | None, path: str) -> Any:
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
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def project(source: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """Only ``paths`` of ``source`` (absent or null values left out)."""
    out: dict[str, Any] = {}
    for path in paths:
        value = get_path(source, path)
        if value is not None:
            set_path(out, path, copy.deepcopy(value))
    return out


def user_tags(tags: list[str] | None) -> list[str]:
    """Tags without our ownership marker (the marker is ours, not the user's)."""
    return [t for t in tags or [] if not t.startswith(OWNERSHIP_TAG_PREFIX)]


def comparable(path: str, value: Any) -> Any:
    """A value as compared by diff: tags are a set, so their order never causes a diff."""
    value = normalize(value)
    if path == "tags" and isinstance(value, list):
        return sorted(str(v) for v in value)
    return value
