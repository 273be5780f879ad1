"""What tests that run for every registered resource share: each spec's example inputs, made
unique per test, with the inputs that name another resource wired to an object made for it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from pulumi_uac.models import ResourceSpec, by_name
from pulumi_uac.resource.codegen.native import lookup_function


def example(spec: ResourceSpec, which: str = "full", suffix: str = "") -> dict[str, Any]:
    """A deep copy of the spec's ``minimal``, ``full`` or ``update`` example; ``suffix`` is
    added to the name."""
    assert spec.examples is not None, f"{spec.name} has no example inputs"
    values: dict[str, Any] = copy.deepcopy(getattr(spec.examples, which))
    if suffix and spec.name_field in values:
        values[spec.name_field] = f"{values[spec.name_field]}{suffix}"
    return values


def set_path(values: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    for part in parents:
        values = values.setdefault(part, {})
    values[leaf] = value


def wired(
    spec: ResourceSpec, values: dict[str, Any], make: Callable[[ResourceSpec], str]
) -> dict[str, Any]:
    """``values`` with each reference of the spec set to the id of an object ``make`` made of
    the resource it names."""
    for ref in spec.references:
        set_path(values, ref.path, make(by_name(ref.resource)))
    return values


def sdk_collection(client: Any, spec: ResourceSpec) -> Any:
    """The official SDK's collection of ``spec`` (``client.ai.assistants``: ``ai/assistants``)."""
    for part in spec.api.path.split("/"):
        client = getattr(client, part)
    return client


def ordered(specs: tuple[ResourceSpec, ...]) -> list[ResourceSpec]:
    """The specs, each after the resources its references name."""
    done: list[ResourceSpec] = []
    visiting: set[str] = set()

    def visit(spec: ResourceSpec) -> None:
        if spec in done or spec.name in visiting:
            return
        visiting.add(spec.name)
        for ref in spec.references:
            visit(by_name(ref.resource))
        visiting.discard(spec.name)
        done.append(spec)

    for spec in specs:
        visit(spec)
    return done


def every_resource_program(specs: tuple[ResourceSpec, ...], changed: bool, lookups: bool) -> str:
    """A Python program with one resource of each spec from its full example (``changed``: with
    its update example over it), references wired by output, each one's id exported, and (with
    ``lookups``, which needs the plugin) each found again by its lookup."""
    lines = ["import pulumi", "import pulumi_uac as uac"]
    if lookups:
        lines.append("import pulumi_uac.native as native")
    for spec in ordered(specs):
        values = example(spec, suffix=" (every field)")
        if changed:
            values.update(example(spec, "update"))
        for ref in spec.references:
            set_path(values, ref.path, f"@@{ref.resource}@@")
        text = repr(values)
        for ref in spec.references:
            text = text.replace(f"'@@{ref.resource}@@'", f"r_{ref.resource}.id")
        lines.append(f"r_{spec.name} = uac.{spec.name}('{spec.name.lower()}', **{text})")
        lines.append(f"pulumi.export('{spec.name}', r_{spec.name}.id)")
        if lookups:
            get = lookup_function(spec)
            lines.append(
                f"pulumi.export('{spec.name}.found', native.{get}_output(id=r_{spec.name}.id)"
                f".apply(lambda found: found.{spec.name_field}))"
            )
    return "\n".join(lines) + "\n"


def every_resource_yaml(specs: tuple[ResourceSpec, ...], plugin_dir: str) -> str:
    """A Pulumi YAML program with one resource of each spec from its full example (names as
    the schema spells them), references wired by ``${r.id}``, each one found again by its
    lookup (``fn::invoke``) and exported."""
    import json

    from pulumi_uac.core.names import names_of

    lines = [
        "name: every-resource-yaml",
        "runtime: yaml",
        "plugins:",
        "  providers:",
        "    - name: telnyx",
        f"      path: {plugin_dir}",
        "resources:",
    ]
    outputs = ["outputs:"]
    for spec in ordered(specs):
        values = example(spec, suffix=" (yaml)")
        for ref in spec.references:
            set_path(values, ref.path, f"${{r{ref.resource}.id}}")
        camel = names_of(spec).camel(values)
        lines += [f"  r{spec.name}:", f"    type: {spec.native_type}", "    properties:"]
        lines += [f"      {k}: {json.dumps(v)}" for k, v in camel.items()]
        key = names_of(spec).key(spec.name_field, "camel")
        outputs += [
            f"  {spec.name}: ${{r{spec.name}.id}}",
            f"  {spec.name}Found:",
            "    fn::invoke:",
            f"      function: telnyx:index:{spec.lookup_name}",
            "      arguments:",
            f"        id: ${{r{spec.name}.id}}",
            f"      return: {key}",
        ]
    return "\n".join(lines + outputs) + "\n"
