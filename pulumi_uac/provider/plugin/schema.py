"""The plugin's Pulumi package schema, generated from the specs and their models: never
written by hand.

Per spec: a resource and its lookup function. Types, enums, required fields, limits and
descriptions come from the request models (the field docstrings); ``secret`` from the password
type; outputs from the response model's ``Computed`` fields; provider inputs from
:mod:`pulumi_uac.core.properties`. Property names are camelCase, as in every Pulumi package
(:mod:`pulumi_uac.core.names` translates at the plugin's boundary; requests to Telnyx keep the
API's names).

No property is ``willReplaceOnChanges``: nothing replaces on *every* change. What replaces
depends on the value (a UAC connection moved to ``webhookApiVersion: texml``, which Telnyx
takes only at create), which the diff decides and the property's description says; the
flag would make generated SDKs replace on any change of it. The adoption inputs are read only
at create and never replace.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ...core.extension import Function, extension_for
from ...core.names import Names, camel, package_names
from ...core.properties import (
    MANAGED_FIELDS,
    MISSING_MARKS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    internal_descriptions,
    provider_inputs,
)
from ...models import SPECS, FieldSpec, ResourceSpec
from ...models.docs import field_description
from ...models.fields import OutputSpec
from ...version import __version__
from .components import Component

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


def _replace_rule(spec: FieldSpec, create_only: dict[str, frozenset[str]]) -> str:
    only = create_only.get(spec.path)
    if not only:
        return ""
    values = ", ".join(f"`{v}`" for v in sorted(only))
    return f" Changing it to {values} replaces the resource (Telnyx takes it only at create)."


def _property(
    spec: FieldSpec,
    owner: str,
    types: dict[str, Any],
    create_only: dict[str, frozenset[str]] | None = None,
) -> dict[str, Any]:
    create_only = create_only or {}
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
    elif spec.kind == "map":
        prop = {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}}
    else:
        prop = {"type": spec.kind}
    prop["description"] = spec.description + _replace_rule(spec, create_only)
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
        "properties": {camel(f.name): _property(f, owner, types) for f in spec.fields},
        "required": [camel(f.name) for f in spec.fields if f.required],
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
        props[camel(name)] = {
            "type": kind,
            "description": field_description(model, name),
        }
    return {
        "type": "object",
        "description": " ".join((model.__doc__ or "").split()),
        "properties": props,
    }


def _resource(spec: ResourceSpec, types: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The resource of ``spec`` and its lookup function."""
    fields = spec.fields
    described = internal_descriptions(spec)
    inputs = {
        camel(s.name): _property(s, spec.name, types, fields.create_only_values)
        for s in fields.request
    }
    for p in provider_inputs(spec):
        inputs[camel(p.name)] = {"type": p.kind, "description": p.description}
    outputs = dict(inputs)
    for computed in fields.computed:
        outputs[camel(computed.name)] = _output_property(computed, types)
    listed: tuple[str, ...] = (MANAGED_FIELDS, MISSING_MARKS)
    if fields.password_paths:
        listed += (UNCONFIRMED_PASSWORDS,)
    for name in listed:
        outputs[camel(name)] = {
            "type": "array",
            "items": {"type": "string"},
            "description": described[name],
        }
    for name in (OWNERSHIP_TOKEN, OWNERSHIP_TAG):
        outputs[camel(name)] = {"type": "string", "description": described[name]}
    required_inputs = [camel(s.name) for s in fields.request if s.required]
    hidden = {camel(p.name) for p in provider_inputs(spec)}
    found = {k: v for k, v in outputs.items() if k not in hidden}
    name_field = camel(spec.name_field)
    doc = " ".join((spec.response_model.__doc__ or "").split())
    resource = {
        "description": f"{doc} Import: `pulumi import {spec.native_type} NAME ID`.",
        "inputProperties": inputs,
        "requiredInputs": required_inputs,
        "properties": outputs,
        "required": [*required_inputs, camel(MANAGED_FIELDS)],
    }
    lookup = {
        "description": f"Look up one {spec.noun}, by id or by exact {name_field} (an error "
        "when none or several match).",
        "inputs": {
            "properties": {
                "id": {"type": "string", "description": f"The {spec.noun}'s id."},
                name_field: {
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
            "required": ["id", name_field],
        },
    }
    return resource, lookup


def _described_in_camel(value: Any, names: Names) -> Any:
    """Every description with the field names it quotes in the schema's spelling (the model
    docstrings are written in the API's)."""
    if isinstance(value, dict):
        return {
            k: names.text(v)
            if k == "description" and isinstance(v, str)
            else _described_in_camel(v, names)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_described_in_camel(v, names) for v in value]
    return value


@functools.cache
def package_schema(components: tuple[Component, ...] = ()) -> dict[str, Any]:
    """The whole schema, as ``get_schema`` serves it: every spec's resource and lookup, and
    the ``components`` the plugin constructs."""
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
                "outputs": {
                    "properties": answer["properties"],
                    "required": [camel(n) for n in fn.required],
                },
            }
    schema: dict[str, Any] = {
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
    for component in components:
        component.add_to_schema(schema)
    for part in ("types", "resources", "functions"):
        schema[part] = _described_in_camel(schema[part], package_names())
    return schema


def schema_json(components: tuple[Component, ...] = ()) -> str:
    return json.dumps(package_schema(components), indent=2, sort_keys=True)
