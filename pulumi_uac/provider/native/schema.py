"""The plugin's Pulumi package schema, generated from the specs and their models: never
written by hand.

Per spec: a resource and its lookup function. Types, enums, required fields, limits and
descriptions come from the request models (the field docstrings); ``secret`` from the password
type; outputs from the response model's ``Computed`` fields; provider inputs from
:mod:`pulumi_uac.core.properties`. Property names are the API's own (snake_case): they are what
the dynamic resource stores, so moving a stack from one mode to the other changes a type, never
a property.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ... import __version__
from ...core.extension import Function, extension_for
from ...core.properties import (
    MANAGED_FIELDS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    internal_descriptions,
    provider_inputs,
)
from ...models import SPECS, FieldSpec, ResourceSpec
from ...models.fields import OutputSpec

PACKAGE = "telnyx"


def extension_functions() -> dict[str, Function]:
    """Every resource's own functions, by token."""
    return {
        f"{PACKAGE}:index:{fn.name}": fn for spec in SPECS for fn in extension_for(spec).functions()
    }


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


def _output_property(spec: OutputSpec, types: dict[str, Any]) -> dict[str, Any]:
    if spec.kind == "array":
        items: dict[str, Any] = {"type": spec.items or "string"}
        if spec.item_model is not None:
            name = f"{PACKAGE}:index:{spec.item_model.__name__}"
            types[name] = _response_object(spec.item_model)
            items = {"$ref": f"#/types/{name}"}
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


def _resource(spec: ResourceSpec, types: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The resource of ``spec`` and its lookup function."""
    fields = spec.fields
    described = internal_descriptions(spec)
    inputs = {s.name: _property(s, spec.name, types) for s in fields.request}
    for p in provider_inputs(spec):
        inputs[p.name] = {"type": p.kind, "description": p.description}
    outputs = dict(inputs)
    for computed in fields.computed:
        outputs[computed.name] = _output_property(computed, types)
    listed = (MANAGED_FIELDS, UNCONFIRMED_PASSWORDS) if fields.password_paths else (MANAGED_FIELDS,)
    for name in listed:
        outputs[name] = {
            "type": "array",
            "items": {"type": "string"},
            "description": described[name],
        }
    for name in (OWNERSHIP_TOKEN, OWNERSHIP_TAG):
        outputs[name] = {"type": "string", "description": described[name]}
    required_inputs = [s.name for s in fields.request if s.required]
    hidden = {p.name for p in provider_inputs(spec)}
    found = {k: v for k, v in outputs.items() if k not in hidden}
    doc = " ".join((spec.response_model.__doc__ or "").split())
    resource = {
        "description": f"{doc} Import: `pulumi import {spec.native_type} NAME ID`.",
        "inputProperties": inputs,
        "requiredInputs": required_inputs,
        "properties": outputs,
        "required": [*required_inputs, MANAGED_FIELDS],
    }
    lookup = {
        "description": f"Look up one {spec.noun}, by id or by exact {spec.name_field} (an error "
        "when none or several match).",
        "inputs": {
            "properties": {
                "id": {"type": "string", "description": f"The {spec.noun}'s id."},
                spec.name_field: {
                    "type": "string",
                    "description": f"The {spec.noun}'s exact name.",
                },
            }
        },
        "outputs": {
            "properties": {
                "id": {"type": "string", "description": f"The {spec.noun}'s id."},
                **found,
            },
            "required": ["id", spec.name_field],
        },
    }
    return resource, lookup


@functools.cache
def package_schema() -> dict[str, Any]:
    """The whole schema, as ``get_schema`` serves it."""
    types: dict[str, Any] = {}
    resources: dict[str, Any] = {}
    functions: dict[str, Any] = {}
    for spec in SPECS:
        resources[spec.native_type], functions[f"{PACKAGE}:index:{spec.lookup_name}"] = _resource(
            spec, types
        )
        for fn in extension_for(spec).functions():
            answer = _response_object(fn.result)
            functions[f"{PACKAGE}:index:{fn.name}"] = {
                "description": fn.description,
                "inputs": {
                    "properties": {"id": {"type": "string", "description": fn.id_description}},
                    "required": ["id"],
                },
                "outputs": {"properties": answer["properties"], "required": list(fn.required)},
            }
    return {
        "name": PACKAGE,
        "displayName": "Telnyx",
        "version": __version__,
        "description": "Telnyx UAC (SIP Attach) connections and the resources around them: "
        "Telnyx registers to your PBX and routes its calls to a Telnyx application.",
        "keywords": ["pulumi", "telnyx", "sip", "uac", "category/network"],
        "license": "Apache-2.0",
        "config": {"variables": CONFIG},
        "provider": {
            "description": "The provider for Telnyx resources.",
            "inputProperties": CONFIG,
        },
        "types": types,
        "resources": resources,
        "functions": functions,
        "language": {"python": {"packageName": "pulumi_uac"}},
    }


def schema_json() -> str:
    return json.dumps(package_schema(), indent=2, sort_keys=True)
