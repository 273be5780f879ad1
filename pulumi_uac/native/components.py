"""The components the ``telnyx`` plugin constructs for programs that are not Python (Pulumi
YAML): the very classes a Python program uses, here :class:`~pulumi_uac.native.SipAttach` on
the native connections, with the schema's camelCase translated at the boundary.

The schema entry is read off the classes: each input type's fields and their docstrings, the
connection's own inputs for ``connectionDefaults``, the kinds of resource a destination may be.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from ..core.names import camel, names_of
from ..provider.plugin.components import Component, Reference
from ..resource import sip_attach
from ..resource.input_types import field_docs
from . import SipAttach, UacConnection

_PREFIX = sip_attach.TYPE_TOKEN.rsplit(":", 1)[0]  # telnyx:index
_PBX = f"{_PREFIX}:SipAttachPbx"
_EXTENSION = f"{_PREFIX}:SipAttachExtension"
_STATUS = f"{_PREFIX}:SipAttachExtensionStatus"
_DEFAULTS = f"{_PREFIX}:SipAttachConnectionDefaults"
_STRING = "pulumi.Input[str]"


class _ConstructedSipAttach(SipAttach):
    """The plugin's ``SipAttach``: its ``extensions`` speak the schema's camelCase."""

    _status_keys = tuple(camel(k) for k in sip_attach.STATUS)


def _leaf(field: str) -> str:
    return field.rsplit(".", 1)[-1]


def _object_type(cls: type[Any], description: str, special: Mapping[str, Any]) -> dict[str, Any]:
    """The schema type of an input type: a string per ``pulumi.Input[str]`` field, unless
    ``special`` says otherwise; required unless ``| None``; secret if it is a password."""
    docs = field_docs(cls)
    secret = {_leaf(p) for p in UacConnection._spec.fields.password_paths}
    properties: dict[str, Any] = {}
    required = []
    for name, annotation in cls.__annotations__.items():
        if name in special:
            prop = dict(special[name])
        elif annotation.removesuffix(" | None") == _STRING:
            prop = {"type": "string"}
        else:  # a field of a form the schema does not know yet: say so at once
            raise TypeError(f"{cls.__name__}.{name}: no schema type for {annotation!r}")
        prop["description"] = docs[name]
        if name in secret:
            prop["secret"] = True
        properties[camel(name)] = prop
        if not annotation.endswith("| None"):
            required.append(camel(name))
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
    }


def _add_to_schema(schema: dict[str, Any]) -> None:
    types, resources = schema["types"], schema["resources"]
    connection = resources[UacConnection._spec.native_type]
    destination = {
        "oneOf": [
            {"type": "string"},
            *({"$ref": f"#/resources/{_PREFIX}:{kind}"} for kind in sip_attach.ROUTE_KINDS),
        ],
    }
    types[_PBX] = _object_type(sip_attach.SipAttachPbxArgs, sip_attach.INPUTS["pbx"], {})
    types[_EXTENSION] = _object_type(
        sip_attach.SipAttachExtensionArgs,
        "One extension: the SIP user Telnyx registers as, and where its calls go.",
        {"destination": destination},
    )
    per_extension = {camel(k) for k in sip_attach.NOT_SHARED}
    types[_DEFAULTS] = {
        "type": "object",
        "description": sip_attach.INPUTS["connection_defaults"],
        "properties": {
            k: v for k, v in connection["inputProperties"].items() if k not in per_extension
        },
    }
    types[_STATUS] = {
        "type": "object",
        "description": "One extension's connection, as Telnyx reports it.",
        "properties": {camel(k): connection["properties"][camel(k)] for k in sip_attach.STATUS},
        "required": [camel(k) for k in sip_attach.STATUS],
    }
    doc = (sip_attach.SipAttach.__doc__ or "").split("\n\n")[0]
    resources[sip_attach.TYPE_TOKEN] = {
        "isComponent": True,
        "description": " ".join(doc.split()),
        "inputProperties": {
            "pbx": {"$ref": f"#/types/{_PBX}", "description": sip_attach.INPUTS["pbx"]},
            "extensions": {
                "type": "object",
                "additionalProperties": {"$ref": f"#/types/{_EXTENSION}"},
                "description": sip_attach.INPUTS["extensions"],
            },
            "connectionDefaults": {
                "$ref": f"#/types/{_DEFAULTS}",
                "description": sip_attach.INPUTS["connection_defaults"],
            },
        },
        "requiredInputs": ["pbx", "extensions"],
        "properties": {
            "extensions": {
                "type": "object",
                "additionalProperties": {"$ref": f"#/types/{_STATUS}"},
                "description": "Extension -> its connection's fqdn and registrationStatus.",
            }
        },
        "required": ["extensions"],
    }


def _known_map(name: str, where: str, value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, pulumi.Output):
        raise ValueError(
            f"SipAttach {name!r}: {where} must be a map known when the program runs, so that "
            "each extension can be its own connection: write it in the program (a secret or "
            "another resource's output around the whole map is known only once created; put "
            "fn::secret around the passwords instead)"
        )
    if not isinstance(value, Mapping):
        raise ValueError(f"SipAttach {name!r}: {where} must be a map, not {type(value).__name__}")
    return dict(value)


def _snake(given: Mapping[str, Any], cls: type[Any]) -> dict[str, Any]:
    """An input type's keys as the Python class spells them (unknown keys kept, for the
    component to refuse by name)."""
    spelled = {camel(k): k for k in cls.__annotations__}
    return {spelled.get(k, k): v for k, v in given.items()}


def _ids(value: Any) -> Any:
    """``value`` with every resource in it as its id: where a connection takes a string, a
    resource given there is its id (as the engine sends one to a resource's own inputs)."""
    if isinstance(value, Reference):
        return value.id
    if isinstance(value, Mapping):
        return {k: _ids(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_ids(v) for v in value]
    return value


def _destination(number: str, given: Any) -> Any:
    if isinstance(given, Reference):
        package, kind = given.token.rsplit(":", 1)
        if package != _PREFIX:  # another package's resource of the same name is not ours
            kind = given.token
        return sip_attach.route(number, kind, given.id)
    return given


def _build(
    name: str, inputs: dict[str, Any], options: pulumi.ResourceOptions
) -> tuple[pulumi.Resource, Mapping[str, Any]]:
    pbx = _snake(_known_map(name, "pbx", inputs.get("pbx")), sip_attach.SipAttachPbxArgs)
    extensions = {}
    for number, given in _known_map(name, "extensions", inputs.get("extensions")).items():
        ext = _snake(
            _known_map(name, f"extensions[{number!r}]", given), sip_attach.SipAttachExtensionArgs
        )
        destination = ext.pop("destination", None)
        ext = _ids(ext)
        if destination is not None:
            ext["destination"] = _destination(number, destination)
        extensions[number] = ext
    pbx = _ids(pbx)
    defaults = _ids(_known_map(name, "connectionDefaults", inputs.get("connectionDefaults")))
    component = _ConstructedSipAttach(
        name,
        pbx=pbx,
        extensions=extensions,
        connection_defaults=names_of(UacConnection._spec).snake(defaults),
        opts=options,
    )
    return component, {"extensions": component.extensions}


COMPONENTS = (Component(sip_attach.TYPE_TOKEN, _add_to_schema, _build),)
"""Every component the plugin constructs."""
