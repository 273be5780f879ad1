"""The plugin's Pulumi package schema, generated from the models: never written by hand.

Types, enums, required fields, limits and descriptions come from the request models (the field
docstrings); ``secret`` from the password type; outputs from the response model's ``Computed``
fields; provider inputs from :mod:`pulumi_uac.core.schema`. Property names are the API's own
(snake_case): they are what the dynamic resource stores, so moving a stack from one mode to the
other changes a type, never a property.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ... import __version__
from ...core.schema import (
    COMPUTED,
    INTERNAL_DESCRIPTIONS,
    MANAGED_FIELDS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    PROVIDER_INPUTS,
    UNCONFIRMED_PASSWORDS,
)
from ...models import FieldSpec, Fqdn, RegistrationStatusResult, request_fields
from ...models.fields import OutputSpec

PACKAGE = "telnyx"
RESOURCE = f"{PACKAGE}:index:UacConnection"
GET_CONNECTION = f"{PACKAGE}:index:getUacConnection"
GET_REGISTRATION = f"{PACKAGE}:index:getRegistrationStatus"
FQDN_TYPE = f"{PACKAGE}:index:Fqdn"

CONFIG: dict[str, dict[str, Any]] = {
    "apiKey": {
        "type": "string",
        "secret": True,
        "description": "Telnyx API key (else the TELNYX_API_KEY environment variable). Set it "
        "with `pulumi config set --secret telnyx:apiKey`.",
    },
    "baseUrl": {
        "type": "string",
        "description": "API root, https://api.telnyx.com/v2 by default (else TELNYX_BASE_URL).",
    },
    "retryTimeout": {
        "type": "number",
        "description": "Seconds each request may spend retrying transient failures, waits "
        "included (else TELNYX_RETRY_TIMEOUT; default 300).",
    },
}


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _type_name(spec: FieldSpec) -> str:
    assert spec.model is not None
    return f"{PACKAGE}:index:{spec.model.__name__}"


def _enum_name(owner: str, spec: FieldSpec) -> str:
    return f"{PACKAGE}:index:{owner}{_camel(spec.name)}"


def _property(spec: FieldSpec, owner: str, types: dict[str, Any]) -> dict[str, Any]:
    prop: dict[str, Any]
    if spec.kind == "object":
        name = _type_name(spec)
        types[name] = _object_type(spec, types)
        prop = {"$ref": f"#/types/{name}"}
    elif spec.enum:
        name = _enum_name(owner, spec)
        types[name] = {
            "type": "string",
            "description": spec.description,
            "enum": [{"value": v, "name": _camel(_slug(v))} for v in spec.enum],
        }
        prop = {"$ref": f"#/types/{name}"}
    elif spec.kind == "array":
        prop = {"type": "array", "items": {"type": spec.items or "string"}}
    else:
        prop = {"type": spec.kind}
    prop["description"] = spec.description
    if spec.secret:
        prop["secret"] = True
    return prop


def _slug(value: str) -> str:
    out = "".join(c if c.isalnum() else "_" for c in value).strip("_")
    return ("v_" + out) if out[:1].isdigit() or not out else out


def _object_type(spec: FieldSpec, types: dict[str, Any]) -> dict[str, Any]:
    assert spec.model is not None
    owner = spec.model.__name__
    return {
        "type": "object",
        "description": " ".join((spec.model.__doc__ or "").split()),
        "properties": {f.name: _property(f, owner, types) for f in spec.fields},
        "required": [f.name for f in spec.fields if f.required],
    }


def _output_property(spec: OutputSpec) -> dict[str, Any]:
    if spec.kind == "array":
        items = {"$ref": f"#/types/{FQDN_TYPE}"} if spec.items == "object" else {"type": "string"}
        return {"type": "array", "items": items, "description": spec.description}
    return {"type": spec.kind, "description": spec.description}


def _response_object(model: Any) -> dict[str, Any]:
    props = {}
    for name, info in model.model_fields.items():
        kind = "integer" if info.annotation in (int, int | None) else "string"
        props[name] = {"type": kind, "description": " ".join((info.description or "").split())}
    return {
        "type": "object",
        "description": " ".join((model.__doc__ or "").split()),
        "properties": props,
    }


@functools.cache
def package_schema() -> dict[str, Any]:
    """The whole schema, as ``get_schema`` serves it."""
    types: dict[str, Any] = {FQDN_TYPE: _response_object(Fqdn)}
    inputs = {s.name: _property(s, "UacConnection", types) for s in request_fields()}
    for p in PROVIDER_INPUTS:
        inputs[p.name] = {"type": p.kind, "description": p.description}
    outputs = dict(inputs)
    for spec in COMPUTED:
        outputs[spec.name] = _output_property(spec)
    outputs[MANAGED_FIELDS] = {
        "type": "array",
        "items": {"type": "string"},
        "description": INTERNAL_DESCRIPTIONS[MANAGED_FIELDS],
    }
    for name in (OWNERSHIP_TOKEN, OWNERSHIP_TAG):
        outputs[name] = {"type": "string", "description": INTERNAL_DESCRIPTIONS[name]}
    outputs[UNCONFIRMED_PASSWORDS] = {
        "type": "array",
        "items": {"type": "string"},
        "description": INTERNAL_DESCRIPTIONS[UNCONFIRMED_PASSWORDS],
    }
    required_inputs = [s.name for s in request_fields() if s.required]
    connection_outputs = {
        k: v for k, v in outputs.items() if k not in {p.name for p in PROVIDER_INPUTS}
    }
    registration = _response_object(RegistrationStatusResult)
    return {
        "name": PACKAGE,
        "displayName": "Telnyx",
        "version": __version__,
        "description": "Telnyx UAC (SIP Attach) connections: Telnyx registers to your PBX and "
        "routes its calls to a Telnyx application.",
        "keywords": ["pulumi", "telnyx", "sip", "uac", "category/network"],
        "license": "Apache-2.0",
        "config": {"variables": CONFIG},
        "provider": {
            "description": "The provider for Telnyx UAC connections.",
            "inputProperties": CONFIG,
        },
        "types": types,
        "resources": {
            RESOURCE: {
                "description": "A Telnyx UAC connection: Telnyx registers to your PBX and "
                "routes the PBX's calls to a Telnyx application through "
                "internal_uac_settings.destination_uri. Import: `pulumi import "
                f"{RESOURCE} NAME ID`.",
                "inputProperties": inputs,
                "requiredInputs": required_inputs,
                "properties": outputs,
                "required": [*required_inputs, "fqdn", MANAGED_FIELDS],
            }
        },
        "functions": {
            GET_CONNECTION: {
                "description": "Look up one UAC connection, by id or by exact connection_name "
                "(an error when none or several match).",
                "inputs": {
                    "properties": {
                        "id": {"type": "string", "description": "The connection's id."},
                        "connection_name": {
                            "type": "string",
                            "description": "The connection's exact name.",
                        },
                    }
                },
                "outputs": {
                    "properties": {
                        "id": {"type": "string", "description": "The connection's id."},
                        **connection_outputs,
                    },
                    "required": ["id", "connection_name"],
                },
            },
            GET_REGISTRATION: {
                "description": "Telnyx's registration to the connection's PBX, as "
                "check_registration_status reports it.",
                "inputs": {
                    "properties": {"id": {"type": "string", "description": "The connection's id."}},
                    "required": ["id"],
                },
                "outputs": {"properties": registration["properties"], "required": ["status"]},
            },
        },
        "language": {"python": {"packageName": "pulumi_uac_telnyx"}},
    }


def schema_json() -> str:
    return json.dumps(package_schema(), indent=2, sort_keys=True)
