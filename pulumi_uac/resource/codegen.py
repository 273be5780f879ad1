"""Writes the typed Python surface of every resource from its spec: the ``XxxArgs`` input
types, the typed outputs and the lookup result, the way Pulumi's SDK generator writes a
provider's Python SDK from its schema.

Run ``python -m pulumi_uac.resource.codegen`` after changing a model; a test fails while the
files under ``pulumi_uac/resource/generated/`` differ from what this writes. Nothing here runs
when the package is imported by a program.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

from ..core.names import names_of
from ..core.properties import (
    MANAGED_FIELDS,
    MISSING_MARKS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    internal_descriptions,
    provider_inputs,
)
from ..models import SPECS, FieldSpec, ResourceSpec
from ..models.fields import OutputSpec

GENERATED = Path(__file__).parent / "generated"
WIDTH = 100
_PY = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def snake(name: str) -> str:
    """``UacConnection`` -> ``uac_connection``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def args_name(spec: ResourceSpec, model_name: str) -> str:
    """The input type of a nested model (a spec may keep an established name)."""
    names = spec.extra.get("args_names")
    if isinstance(names, dict) and model_name in names:
        return str(names[model_name])
    return f"{model_name}Args"


def _doc(text: str, indent: str) -> list[str]:
    text = " ".join(text.split()) or "(no description)"
    lines = textwrap.wrap(
        text, WIDTH - len(indent) - 6, break_long_words=False, break_on_hyphens=False
    )
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    middle = [f"{indent}{line}" for line in lines[1:-1]]
    return [f'{indent}"""{lines[0]}', *middle, f'{indent}{lines[-1]}"""']


def _input_type(spec: ResourceSpec, field: FieldSpec) -> str:
    if field.kind == "object":
        assert field.model is not None
        return f"pulumi.Input[{args_name(spec, field.model.__name__)} | Mapping[str, Any]]"
    if field.kind == "array":
        return f"pulumi.Input[Sequence[pulumi.Input[{_PY.get(field.items or 'string', 'Any')}]]]"
    if field.kind == "map":
        return "pulumi.Input[Mapping[str, Any]]"
    return f"pulumi.Input[{_PY[field.kind]}]"


def _output_type(spec: OutputSpec | FieldSpec) -> str:
    if spec.kind in ("object", "map"):
        return "Mapping[str, Any]"
    if spec.kind == "array":
        item = "Mapping[str, Any]" if spec.items == "object" else _PY.get(spec.items or "", "Any")
        return f"Sequence[{item}]"
    return _PY[spec.kind]


def _annotation(name: str, annotation: str, default: bool) -> list[str]:
    line = f"    {name}: {annotation}" + (" = None" if default else "")
    if len(line) <= WIDTH:
        return [line]
    return [f"    {name}: (", f"        {annotation}", "    )" + (" = None" if default else "")]


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
        "from typing import Any",
        "",
        "import pulumi",
        "from typing_extensions import Required, TypedDict",
        "",
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
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def readme_table(spec: ResourceSpec) -> str:
    """The README's inputs table of ``spec``: one row per field, nested ones by dotted path."""
    names = names_of(spec)
    rows = ["| input (Python) | YAML, schema | type | notes |", "| --- | --- | --- | --- |"]
    fields = [f for f in spec.fields.walk() if f.kind != "object" or not f.fields]
    objects = {f.path: f for f in spec.fields.walk() if f.kind == "object"}
    for field in sorted(fields, key=lambda f: (not f.required, f.path)):
        kind = field.kind if field.kind != "array" else f"list[{field.items}]"
        kind = "map[string, any]" if kind == "map" else kind
        notes = []
        if field.required:
            notes.append("**required**")
        if field.secret:
            notes.append("**secret, write-only**")
        if field.enum:
            notes.append("one of " + ", ".join(f"`{v}`" for v in field.enum))
        only = spec.fields.create_only_values.get(field.path)
        if only:
            notes.append(
                f"**changing it to {', '.join(f'`{v}`' for v in sorted(only))} replaces the "
                f"{spec.noun}** (Telnyx accepts it only at creation)"
            )
        limits = [
            f"{label} {value}"
            for label, value in (
                ("min", field.minimum),
                ("more than", field.exclusive_minimum),
                ("max", field.maximum),
                ("min length", field.min_length),
                ("max length", field.max_length),
                ("multiple of", field.multiple_of),
            )
            if value is not None
        ]
        if limits:
            notes.append(", ".join(limits))
        parent = objects.get(field.path.rsplit(".", 1)[0]) if "." in field.path else None
        where = (
            f" (in `{args_name(spec, parent.model.__name__)}`)" if parent and parent.model else ""
        )
        notes.append(_cell(field.description) + where)
        shown = names.key(field.path, "camel")
        rows.append(f"| `{field.path}` | `{shown}` | {kind} | {'; '.join(notes)} |")
    for p in provider_inputs(spec):
        shown = names.key(p.name, "camel")
        rows.append(f"| `{p.name}` | `{shown}` | {p.kind} | {_cell(p.description)} |")
    return "\n".join(rows) + "\n"


def readme_block(spec: ResourceSpec) -> tuple[str, str, str]:
    """The markers around ``spec``'s generated table in the README, and the table."""
    return (
        f"<!-- inputs of {spec.name}: generated by python -m pulumi_uac.resource.codegen -->\n",
        f"<!-- end of the inputs of {spec.name} -->\n",
        readme_table(spec),
    )


def readme_with_tables(text: str) -> str:
    """``text`` (the README) with every generated table it has markers for brought up to date."""
    for spec in SPECS:
        start, end, table = readme_block(spec)
        if start in text and end in text:
            head, rest = text.split(start, 1)
            _old, tail = rest.split(end, 1)
            text = head + start + table + end + tail
    return text


def formatted(text: str) -> str:
    """``text`` as ``ruff format`` (our pinned formatter) writes it."""
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--line-length", str(WIDTH), "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def generated_files() -> dict[Path, str]:
    files = {GENERATED / f"{snake(spec.name)}.py": module_for(spec) for spec in SPECS}
    files[GENERATED / "__init__.py"] = (
        '"""Generated by ``python -m pulumi_uac.resource.codegen``: one module per resource."""\n'
    )
    return {path: formatted(text) for path, text in files.items()}


README = Path(__file__).parents[2] / "README.md"


def main() -> int:
    GENERATED.mkdir(exist_ok=True)
    if README.exists():
        text = README.read_text()
        updated = readme_with_tables(text)
        if updated != text:
            README.write_text(updated)
            print(f"wrote {README}")
    for path, text in generated_files().items():
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
