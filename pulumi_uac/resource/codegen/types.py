"""The typed surface of one resource: its ``XxxArgs`` input types, keyword form, typed
outputs and lookup result, the way Pulumi's SDK generator writes them from a schema."""

from __future__ import annotations

import textwrap

from ...core.properties import (
    MANAGED_FIELDS,
    MISSING_MARKS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    internal_descriptions,
    provider_inputs,
)
from ...models import FieldSpec, ResourceSpec
from ...models.fields import OutputSpec
from .common import annotation as _annotation
from .common import args_name, constructors, long_doc, spec_home
from .common import doc as _doc
from .scan import WIDTH

_PY = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _scalar(field: FieldSpec) -> str:
    """A scalar's Python type: a ``Literal`` of its values where the model has one, so a type
    checker reports ``voice_method="PUT"``."""
    if field.enum and field.kind == "string":
        return "Literal[" + ", ".join(repr(v) for v in field.enum) + "]"
    return _PY[field.kind]


def _input_type(spec: ResourceSpec, field: FieldSpec) -> str:
    if field.kind == "object":
        assert field.model is not None
        return f"pulumi.Input[{args_name(spec, field.model.__name__)} | Mapping[str, Any]]"
    if field.kind == "array":
        return f"pulumi.Input[Sequence[pulumi.Input[{_PY.get(field.items or 'string', 'Any')}]]]"
    if field.kind == "map":
        return "pulumi.Input[Mapping[str, Any]]"
    return f"pulumi.Input[{_scalar(field)}]"


def _output_type(spec: OutputSpec | FieldSpec) -> str:
    if spec.kind in ("object", "map"):
        return "Mapping[str, Any]"
    if spec.kind == "array":
        item = "Mapping[str, Any]" if spec.items == "object" else _PY.get(spec.items or "", "Any")
        return f"Sequence[{item}]"
    return _PY[spec.kind]


def _args_class(
    spec: ResourceSpec, name: str, doc: str, fields: tuple[FieldSpec, ...], extra: bool
) -> list[str]:
    lines = ["", "", "@input_type", f"class {name}:", *_doc(doc, "    "), ""]
    ordered = [f for f in fields if f.required] + [f for f in fields if not f.required]
    for field in ordered:
        annotation = _input_type(spec, field)
        if not field.required:
            annotation += " | None"
        lines += _annotation(field.name, annotation, not field.required)
        description = field.description
        if field.secret:
            description += " Always a secret."
        lines += _doc(description, "    ")
    if extra:
        for p in provider_inputs(spec):
            kind = {"number": "float", "string": "str", "boolean": "bool"}[p.kind]
            lines += _annotation(p.name, f"pulumi.Input[{kind}] | None", True)
            created = " Read only when the resource is created." if p.create_only else ""
            lines += _doc(p.description + created, "    ")
    return lines


def _kwargs_class(spec: ResourceSpec) -> list[str]:
    """The keyword form of the resource's Args, for ``**kwargs: Unpack[...]``: a type checker
    and an IDE then know every keyword and its type."""
    name = f"{spec.name}Kwargs"
    doc = f"The keyword arguments of ``{spec.name}(name, **kwargs)``: ``{spec.name}Args``'s fields."
    lines = ["", "", f"class {name}(TypedDict, total=False):", *_doc(doc, "    "), ""]
    fields = spec.fields.request
    for field in [f for f in fields if f.required] + [f for f in fields if not f.required]:
        annotation = _input_type(spec, field)
        annotation = f"Required[{annotation}]" if field.required else f"{annotation} | None"
        lines += _annotation(field.name, annotation, False)
    for p in provider_inputs(spec):
        kind = {"number": "float", "string": "str", "boolean": "bool"}[p.kind]
        lines += _annotation(p.name, f"pulumi.Input[{kind}] | None", False)
    return lines


def _nested(spec: ResourceSpec) -> list[FieldSpec]:
    """Every nested object field, innermost first, each model once."""
    seen: set[str] = set()
    out: list[FieldSpec] = []

    def visit(fields: tuple[FieldSpec, ...]) -> None:
        for field in fields:
            if field.kind == "object" and field.model is not None:
                visit(field.fields)
                if field.model.__name__ not in seen:
                    seen.add(field.model.__name__)
                    out.append(field)

    visit(spec.fields.request)
    return out


def _outputs(spec: ResourceSpec) -> list[tuple[str, str, str]]:
    """(name, type, description) of every output attribute of the resource."""
    fields = spec.fields
    described = internal_descriptions(spec)
    out: list[tuple[str, str, str]] = []
    for field in fields.request:
        always = field.required or field.generated
        kind = _output_type(field) + ("" if always else " | None")
        out.append((field.name, kind, field.description))
    for computed in fields.computed:
        out.append((computed.name, _output_type(computed) + " | None", computed.description))
    out.append((MANAGED_FIELDS, "Sequence[str]", described[MANAGED_FIELDS]))
    out.append((OWNERSHIP_TOKEN, "str", described[OWNERSHIP_TOKEN]))
    out.append((OWNERSHIP_TAG, "str | None", described[OWNERSHIP_TAG]))
    out.append((MISSING_MARKS, "Sequence[str] | None", described[MISSING_MARKS]))
    if fields.password_paths:
        unconfirmed = described[UNCONFIRMED_PASSWORDS]
        out.append((UNCONFIRMED_PASSWORDS, "Sequence[str] | None", unconfirmed))
    return out


def module_for(spec: ResourceSpec) -> str:
    """The generated module of ``spec``, as text."""
    model_doc = " ".join((spec.response_model.__doc__ or "").split())
    lines = [
        f'"""The typed Python surface of ``{spec.name}``, generated from its models by',
        "``python -m pulumi_uac.resource.codegen``: do not edit by hand.",
        "",
        f"{model_doc}",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from typing import Any, Literal, overload",
        "",
        "import pulumi",
        "from typing_extensions import Required, TypedDict, Unpack",
        "",
        f"from ...models.{spec_module(spec)} import {spec_constant(spec)}",
        "from ..base import SpecResource",
        "from ..input_types import input_type",
        "from ..results import LookupResult",
    ]
    lines = [*lines[:3], *textwrap.wrap(model_doc, WIDTH), *lines[4:]]
    for field in _nested(spec):
        assert field.model is not None
        doc = " ".join((field.model.__doc__ or field.description).split())
        lines += _args_class(spec, args_name(spec, field.model.__name__), doc, field.fields, False)
    required = ", ".join(f.name for f in spec.fields.request if f.required)
    lines += _args_class(
        spec,
        f"{spec.name}Args",
        f"The inputs of a {spec.noun} ({spec.name}). Required: {required}.",
        spec.fields.request,
        True,
    )
    lines += _kwargs_class(spec)
    outputs = _outputs(spec)
    title = _doc(f"The outputs of a {spec.noun}, as typed attributes.", "    ")
    lines += ["", "", f"class {spec.name}Outputs:", *title, ""]
    for name, kind, description in outputs:
        lines += _annotation(name, f"pulumi.Output[{kind}]", False)
        lines += _doc(description, "    ")
    for p in provider_inputs(spec):
        kind = {"number": "float", "string": "str", "boolean": "bool"}[p.kind]
        lines += _annotation(p.name, f"pulumi.Output[{kind} | None]", False)
        lines += _doc(p.description, "    ")
    title = _doc(
        f"One {spec.noun} as Telnyx holds it (passwords are masked): the answer of "
        f"``{spec.lookup_name}``.",
        "    ",
    )
    lines += ["", "", f"class Get{spec.name}Result(LookupResult):", *title, ""]
    lines += ["    id: str", '    """Its id."""']
    for name, kind, description in outputs:
        if name in (OWNERSHIP_TOKEN, MISSING_MARKS, UNCONFIRMED_PASSWORDS):
            continue
        lines += _annotation(name, kind, False)
        lines += _doc(description, "    ")
    lines += _dynamic_class(spec)
    return "\n".join(lines) + "\n"


def spec_module(spec: ResourceSpec) -> str:
    return spec_home(spec)[0]


def spec_constant(spec: ResourceSpec) -> str:
    return spec_home(spec)[1]


def dynamic_doc(spec: ResourceSpec) -> list[str]:
    """The dynamic class's docstring paragraphs, from the spec's docs."""
    docs = spec.docs
    example = f"## Example Usage\n\n```python\n{docs.example}\n```" if docs.example else ""
    import_text = (
        "``pulumi import`` cannot work for dynamic resources (it does with "
        f"``pulumi_uac.native.{spec.name}``). To take over an existing {spec.noun} here, set "
        '``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and run ``pulumi up``: '
        f"the {spec.noun} is brought to the program's settings and managed from then on."
    )
    return [docs.summary, example, *docs.notes.split("\n\n"), "## Import", import_text]


def _dynamic_class(spec: ResourceSpec) -> list[str]:
    name = spec.name
    return [
        "",
        "",
        f'class {name}(SpecResource, {name}Outputs, module="telnyx", name="{name}"):',
        *long_doc(dynamic_doc(spec), "    "),
        "",
        f"    _spec = {spec_constant(spec)}",
        f"    _args_type = {name}Args",
        "",
        *constructors(name),
    ]


def input_type_names(spec: ResourceSpec) -> list[str]:
    """Every input type the resource's generated module defines: its Args and nested Args."""
    nested = [args_name(spec, f.model.__name__) for f in _nested(spec) if f.model is not None]
    return [f"{spec.name}Args", *nested]
