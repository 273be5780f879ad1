"""The native surface of one resource: its class served by the ``telnyx`` plugin (same Args,
keywords and outputs as the dynamic one) and its lookup functions."""

from __future__ import annotations

from ...models import ResourceSpec
from .common import constructors, doc, long_doc, snake
from .types import spec_constant, spec_module


def lookup_function(spec: ResourceSpec) -> str:
    """``get_uac_connection``: the Python name of the resource's lookup."""
    return snake(spec.lookup_name)


def native_doc(spec: ResourceSpec) -> list[str]:
    return [
        f"{spec.docs.summary} Managed by the native ``telnyx`` provider plugin.",
        f"Everything :class:`pulumi_uac.{spec.name}` offers, plus ``pulumi import`` (``pulumi "
        f"import {spec.native_type} NAME ID --generate-code=false``) and "
        "``ResourceOptions(import_=ID)``, previews that name the changed properties and why a "
        "change replaces, and ``customTimeouts``.",
    ]


def native_module(spec: ResourceSpec) -> str:
    name, const, key = spec.name, spec_constant(spec), spec.name_field
    get = lookup_function(spec)
    result = f"Get{name}Result"
    lines = [
        f'"""The native ``{name}`` and its lookups, generated from its spec by',
        '``python -m pulumi_uac.resource.codegen``: do not edit by hand."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any, overload",
        "",
        "import pulumi",
        "from typing_extensions import Unpack",
        "",
        f"from ...models.{spec_module(spec)} import {const}",
        f"from ...resource.generated.{snake(name)} import (",
        f"    {name}Args,",
        f"    {name}Kwargs,",
        f"    {name}Outputs,",
        f"    {result},",
        ")",
        "from ..base import NativeResource, lookup, lookup_output",
        "",
        "",
        f"class {name}(NativeResource, {name}Outputs):",
        *long_doc(native_doc(spec), "    "),
        "",
        f"    _spec = {const}",
        f"    _args_type = {name}Args",
        "",
        *constructors(name),
        "",
        "",
        f"def {get}(",
        "    id: str | None = None,",
        f"    {key}: str | None = None,",
        "    opts: pulumi.InvokeOptions | None = None,",
        f") -> {result}:",
        *doc(
            f"Look up one {spec.noun}, by ``id`` or by exact ``{key}`` (an error when none or "
            "several match).",
            "    ",
        ),
        f"    return lookup({const}, {result}, id, {key}, opts)",
        "",
        "",
        f"def {get}_output(",
        "    id: pulumi.Input[str] | None = None,",
        f"    {key}: pulumi.Input[str] | None = None,",
        "    opts: pulumi.InvokeOutputOptions | None = None,",
        f") -> pulumi.Output[{result}]:",
        f'    """:func:`{get}` with inputs that may be Outputs."""',
        f"    return lookup_output({const}, {result}, id, {key}, opts)",
    ]
    return "\n".join(lines) + "\n"
