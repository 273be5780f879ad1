"""The property vocabulary every resource shares, over a resource's spec.

- *API fields*: settable fields of the Telnyx contract (the spec's create model).
- *managed paths*: the API fields (nested keys as dotted paths) that the program sets. Only those
  are compared and written, so Telnyx's defaults and server-side values never cause a diff.
- *provider inputs*: inputs that steer the provider and are never sent to Telnyx: the adoption
  inputs every resource has, plus the spec's own (a UAC connection's registration wait).
- *computed outputs*: values only Telnyx knows (the response model's ``Computed`` fields).
"""

from __future__ import annotations

from typing import Any

from ..models import ProviderInput, ResourceSpec
from .values import normalize

ADOPT_EXISTING_ID = "adopt_existing_id"
ADOPT_EXISTING_BY_NAME = "adopt_existing_by_name"
OWNERSHIP_TOKEN = "ownership_token"  # noqa: S105 (a property name)
"""Input and output: the resource's random token, drawn by ``check`` (see :mod:`.marks`)."""
OWNERSHIP_TAG = "ownership_tag"
"""Output: the exact mark of the object this resource created or adopted (token and nonce);
absent for imported ones."""
MANAGED_FIELDS = "managed_fields"
"""Output: the managed paths recorded by the last create, update or read."""
MISSING_MARKS = "missing_marks"
"""Output set by a read that found this resource's ownership marks gone from the object
(someone replaced its tags outside Pulumi). The marks are desired state: diff shows the tags as
changed until an update puts them back."""
UNCONFIRMED_PASSWORDS = "unconfirmed_passwords"
"""Output set only by crash recovery: password paths an interrupted update may have changed on
Telnyx. Passwords cannot be read back, so diff treats these as changed until an update sends
them again."""


def adoption_inputs(spec: ResourceSpec) -> tuple[ProviderInput, ...]:
    """The inputs that take over an existing object instead of creating one."""
    return (
        ProviderInput(
            ADOPT_EXISTING_ID,
            "string",
            f"Take over the existing {spec.noun} with this id instead of creating one.",
            create_only=True,
        ),
        ProviderInput(
            ADOPT_EXISTING_BY_NAME,
            "boolean",
            f"Take over the one existing {spec.noun} named {spec.name_field} instead of "
            "creating one.",
            create_only=True,
        ),
    )


def provider_inputs(spec: ResourceSpec) -> tuple[ProviderInput, ...]:
    return (*spec.provider_inputs, *adoption_inputs(spec))


def provider_input_names(spec: ResourceSpec) -> frozenset[str]:
    return frozenset(p.name for p in provider_inputs(spec))


def output_only(spec: ResourceSpec) -> frozenset[str]:
    return frozenset(
        {
            *spec.fields.computed_names,
            MANAGED_FIELDS,
            OWNERSHIP_TAG,
            MISSING_MARKS,
            UNCONFIRMED_PASSWORDS,
        }
    )


def internal_descriptions(spec: ResourceSpec) -> dict[str, str]:
    return {
        MANAGED_FIELDS: "Dotted paths of the fields this resource manages (the ones the program "
        "sets).",
        OWNERSHIP_TOKEN: "The resource's random ownership token, drawn when it is first checked; "
        "recorded with every create the engine starts, so crash recovery can find what an "
        "interrupted create left behind.",
        OWNERSHIP_TAG: f"The exact ownership tag (token and nonce) on the {spec.noun} this "
        "resource made or adopted.",
        MISSING_MARKS: f"Ownership marks the last refresh found missing from the {spec.noun} "
        "(its tags were replaced outside Pulumi): the next update puts them back, so that no "
        "other stack or project can take it for an unowned one.",
        UNCONFIRMED_PASSWORDS: "Passwords an interrupted update may have changed on Telnyx (set "
        "by `pulumi-uac recover`): the next update sends them again, since a password cannot be "
        "read back.",
    }


def api_inputs(spec: ResourceSpec, props: dict[str, Any]) -> dict[str, Any]:
    """The API fields of a props dict, normalised (unknowns kept as they are)."""
    fields = spec.fields.api_fields
    return {k: normalize(v) for k, v in props.items() if k in fields and v is not None}


def managed_paths(spec: ResourceSpec, inputs: dict[str, Any]) -> list[str]:
    """Dotted paths of every API field the inputs set, nested keys included, sorted. A nested
    object that is unknown as a whole is one path (its name)."""
    paths: list[str] = []
    fields = spec.fields
    for key, value in inputs.items():
        if key not in fields.api_fields or value is None:
            continue
        if key in fields.nested and isinstance(value, dict):
            paths.extend(f"{key}.{sub}" for sub, v in value.items() if v is not None)
        else:
            paths.append(key)
    return sorted(paths)


def root(path: str) -> str:
    """The top-level property a dotted path belongs to."""
    return path.split(".", 1)[0]


def input_names(spec: ResourceSpec) -> frozenset[str]:
    """Every input a program may set: the API fields and the provider inputs."""
    return spec.fields.api_fields | provider_input_names(spec)
