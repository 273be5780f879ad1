"""The properties of the ``UacConnection`` resource, derived from the models.

Vocabulary used across the core:

- *API fields*: settable fields of the Telnyx contract (``connection_name``, ``inbound``, ...).
- *managed paths*: the API fields (nested keys as dotted paths) that the program sets. Only those
  are compared and written, so Telnyx's defaults and server-side values never cause a diff.
- *provider inputs*: inputs that steer the provider and are never sent to Telnyx.
- *computed outputs*: values only Telnyx knows (``fqdn``, ``registration_status``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..models import (
    computed_outputs,
    create_only_values,
    generated_fields,
    nested_objects,
    password_paths,
    request_fields,
)
from .values import normalize

API_FIELDS: frozenset[str] = frozenset(s.name for s in request_fields())
NESTED_FIELDS: frozenset[str] = nested_objects()
PASSWORD_PATHS: tuple[str, ...] = password_paths()
"""Write-only fields: Telnyx masks them, so they are compared with the last desired value."""
SECRET_ROOTS: frozenset[str] = frozenset(p.split(".")[0] for p in PASSWORD_PATHS)
"""Top-level properties that hold a password (wholly, or inside a nested object)."""
CREATE_ONLY_VALUES: dict[str, frozenset[str]] = create_only_values()
GENERATED_FIELDS: tuple[str, ...] = generated_fields()
"""Settable fields Telnyx fills in when the program leaves them out: always outputs."""
COMPUTED = computed_outputs()
COMPUTED_OUTPUTS: tuple[str, ...] = tuple(o.name for o in COMPUTED)

WAIT_FOR_REGISTRATION = "wait_for_registration"
ADOPT_EXISTING_ID = "adopt_existing_id"
ADOPT_EXISTING_BY_NAME = "adopt_existing_by_name"
OWNERSHIP_TOKEN = "ownership_token"  # noqa: S105 (a property name)
"""Input and output: the resource's random token, drawn by ``check`` (see :mod:`.marks`)."""
OWNERSHIP_TAG = "ownership_tag"
"""Output: the exact tag of the connection this resource created (token and nonce); absent for
adopted and imported connections."""
MANAGED_FIELDS = "managed_fields"
"""Output: the managed paths recorded by the last create, update or read."""
UNCONFIRMED_PASSWORDS = "unconfirmed_passwords"
"""Output set only by crash recovery: password paths an interrupted update may have changed on
Telnyx. Passwords cannot be read back, so diff treats these as changed until an update sends
them again."""


@dataclass(frozen=True)
class ProviderInput:
    """An input that steers the provider and is never sent to Telnyx."""

    name: str
    kind: Literal["number", "string", "boolean"]
    description: str
    create_only: bool = False
    """Read only when the resource is created; changing it later does nothing."""


PROVIDER_INPUTS: tuple[ProviderInput, ...] = (
    ProviderInput(
        WAIT_FOR_REGISTRATION,
        "number",
        "Seconds to wait, after a create or a change of external_uac_settings or active, until "
        "Telnyx reports the registration to the PBX as Registered; 0 or unset does not wait. A "
        "PBX that rejects Telnyx or stays silent fails the operation, and the change is undone.",
    ),
    ProviderInput(
        ADOPT_EXISTING_ID,
        "string",
        "Take over the existing connection with this id instead of creating one.",
        create_only=True,
    ),
    ProviderInput(
        ADOPT_EXISTING_BY_NAME,
        "boolean",
        "Take over the one existing connection named connection_name instead of creating one.",
        create_only=True,
    ),
)
PROVIDER_INPUT_NAMES: frozenset[str] = frozenset(p.name for p in PROVIDER_INPUTS)
OUTPUT_ONLY: frozenset[str] = frozenset(
    {*COMPUTED_OUTPUTS, MANAGED_FIELDS, OWNERSHIP_TAG, UNCONFIRMED_PASSWORDS}
)
INTERNAL_DESCRIPTIONS: dict[str, str] = {
    MANAGED_FIELDS: "Dotted paths of the fields this resource manages (the ones the program sets).",
    OWNERSHIP_TOKEN: "The resource's random ownership token, drawn when it is first checked; "
    "recorded with every create the engine starts, so crash recovery can find what an "
    "interrupted create left behind.",
    OWNERSHIP_TAG: "The exact ownership tag (token and nonce) on the connection this resource "
    "made or adopted.",
    UNCONFIRMED_PASSWORDS: "Passwords an interrupted update may have changed on Telnyx (set by "
    "`pulumi-uac recover`): the next update sends them again, since a password cannot be read "
    "back.",
}


def api_inputs(props: dict[str, Any]) -> dict[str, Any]:
    """The API fields of a props dict, normalised (unknowns kept as they are)."""
    return {k: normalize(v) for k, v in props.items() if k in API_FIELDS and v is not None}


def managed_paths(inputs: dict[str, Any]) -> list[str]:
    """Dotted paths of every API field the inputs set, nested keys included, sorted. A nested
    object that is unknown as a whole is one path (its name)."""
    paths: list[str] = []
    for key, value in inputs.items():
        if key not in API_FIELDS or value is None:
            continue
        if key in NESTED_FIELDS and isinstance(value, dict):
            paths.extend(f"{key}.{sub}" for sub, v in value.items() if v is not None)
        else:
            paths.append(key)
    return sorted(paths)


def is_password(path: str) -> bool:
    return path in PASSWORD_PATHS


def root(path: str) -> str:
    """The top-level property a dotted path belongs to."""
    return path.split(".", 1)[0]
