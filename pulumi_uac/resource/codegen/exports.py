"""The files that list every resource: the package's export lists and lazy-import maps, the
registry of specs and the emulator's behaviours. Written from the specs found in
``models/*_spec.py`` and the behaviours in ``emulator/behaviours/``, so that adding a resource
edits none of them by hand."""

from __future__ import annotations

import ast

from ...models import SPECS, ResourceSpec
from .common import snake
from .native import lookup_function
from .scan import HEADER, PACKAGE
from .types import input_type_names

RESOURCE_EXTRAS = (".sip_attach",)
"""Hand-written modules of :mod:`pulumi_uac.resource` whose ``__all__`` is exported too (the
components, which are no Telnyx resource)."""
NATIVE_EXTRAS = (".sip_attach", ".registration")


def _extras(package: str, modules: tuple[str, ...]) -> dict[str, list[str]]:
    """Each module's ``__all__``, read from its source (importing it would need the generated
    files this is about to write)."""
    out = {}
    folder = PACKAGE.joinpath(*package.split(".")[1:])
    for module in modules:
        tree = ast.parse((folder / f"{module.lstrip('.')}.py").read_text())
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
            ):
                out[module] = sorted(ast.literal_eval(node.value))
    return out


def _dynamic_names(spec: ResourceSpec) -> list[str]:
    return [spec.name, *input_type_names(spec)]


def _quoted(names: list[str], indent: str = "    ") -> list[str]:
    return [f'{indent}"{n}",' for n in sorted(names, key=_order)]


def _order(name: str) -> tuple[bool, str]:
    # As ruff sorts ``__all__``: constants, then classes, then functions.
    return (not name.isupper(), name)


def resource_init() -> str:
    where: dict[str, str] = {}
    for spec in SPECS:
        for name in _dynamic_names(spec):
            where[name] = f".generated.{snake(spec.name)}"
    for module, names in _extras("pulumi_uac.resource", RESOURCE_EXTRAS).items():
        for name in names:
            where[name] = module
    lines = [
        '"""What users touch: the dynamic resources and their input types, loaded lazily: the',
        "native classes import the generated Args without loading the dynamic resources.",
        "",
        f'{HEADER}"""',
        "",
        "from __future__ import annotations",
        "",
        "import importlib",
        "from typing import TYPE_CHECKING, Any",
        "",
        "if TYPE_CHECKING:",
    ]
    by_module: dict[str, list[str]] = {}
    for name, module in where.items():
        by_module.setdefault(module, []).append(name)
    for module in sorted(by_module):
        lines.append(f"    from {module} import (")
        lines += [f"        {n}," for n in sorted(by_module[module], key=_order)]
        lines.append("    )")
    lines += ["", "_WHERE: dict[str, str] = {"]
    lines += [f'    "{n}": "{where[n]}",' for n in sorted(where, key=_order)]
    lines += ["}", "", "__all__ = ["]
    lines += _quoted(list(where))
    lines += [
        "]",
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        "    module = _WHERE.get(name)",
        "    if module is None:",
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        "    return getattr(importlib.import_module(module, __name__), name)",
    ]
    return "\n".join(lines) + "\n"


def package_init() -> str:
    names = [*list(resource_names()), "destinations"]
    lines = [
        '"""pulumi-uac: Telnyx UAC (SIP Attach) connections, and the Telnyx resources they wire',
        "to, as Pulumi resources.",
        "",
        "The public names are loaded lazily, so ``pulumi_uac.client`` and ``pulumi_uac.models``",
        "can be imported (by the emulator, or the native provider plugin) without importing",
        "Pulumi.",
        "",
        f'{HEADER}"""',
        "",
        "from __future__ import annotations",
        "",
        "import importlib",
        "from typing import TYPE_CHECKING, Any",
        "",
        "from .version import __version__",
        "",
        "if TYPE_CHECKING:",
        "    from . import destinations",
        "    from .resource import (",
        *[f"        {n}," for n in sorted(resource_names(), key=_order)],
        "    )",
        "",
        "__all__ = [",
        '    "__version__",',
        *_quoted(names),
        "]",
        '_RESOURCE_NAMES = frozenset(__all__) - {"destinations", "__version__"}',
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        "    if name in _RESOURCE_NAMES:",
        '        return getattr(importlib.import_module(".resource", __name__), name)',
        '    if name == "destinations":',
        '        return importlib.import_module(".destinations", __name__)',
        '    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
    ]
    return "\n".join(lines) + "\n"


def resource_names() -> list[str]:
    names = [n for spec in SPECS for n in _dynamic_names(spec)]
    for extra in _extras("pulumi_uac.resource", RESOURCE_EXTRAS).values():
        names += extra
    return names


def native_init() -> str:
    lines = [
        '"""The native provider\'s Python surface: the same resources (same Args, inputs and',
        "outputs), served by the ``pulumi-resource-telnyx`` plugin instead of the dynamic host,",
        "plus the lookup functions.",
        "",
        "Switching an existing stack is one import line::",
        "",
        "    from pulumi_uac.native import UacConnection  # was: from pulumi_uac import ...",
        "",
        "Each resource moves to the plugin on the next ``pulumi up`` through an alias to the",
        "dynamic type: no replacement, no API call. The plugin must be installed once (see the",
        "README).",
        "",
        f'{HEADER}"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    exported: list[str] = []
    for spec in SPECS:
        module = snake(spec.name)
        types = [*input_type_names(spec), f"Get{spec.name}Result"]
        lines.append(f"from ..resource.generated.{module} import (")
        lines += [f"    {n}," for n in sorted(types)]
        lines.append(")")
        get = lookup_function(spec)
        own = [spec.name, get, f"{get}_output"]
        lines.append(f"from .generated.{module} import " + ", ".join(sorted(own)))
        exported += types + own
    for module, names in _extras("pulumi_uac.native", NATIVE_EXTRAS).items():
        lines.append(f"from {module} import " + ", ".join(names))
        exported += names
    lines += ["", "__all__ = [", *_quoted(exported), "]"]
    return "\n".join(lines) + "\n"


def behaviours_module() -> str:
    modules = sorted(
        p.stem for p in (PACKAGE / "emulator" / "behaviours").glob("*.py") if p.stem != "__init__"
    )
    lines = [
        '"""What the emulator stores for each resource it serves generically.',
        "",
        HEADER,
        "",
        "One module per resource, each defining ``BEHAVIOUR``",
        '(:class:`pulumi_uac.emulator.behaviour.Behaviour`)."""',
        "",
        "from __future__ import annotations",
        "",
        "from ..behaviour import Behaviour",
    ]
    lines += [f"from .{m} import BEHAVIOUR as {m.upper()}" for m in modules]
    lines += [
        "",
        "BEHAVIOURS: tuple[Behaviour, ...] = (",
        *[f"    {m.upper()}," for m in modules],
        ")",
    ]
    return "\n".join(lines) + "\n"


def public_names() -> dict[str, list[tuple[str, str]]]:
    """Per export list (``pulumi_uac.resource``, whose names ``pulumi_uac`` repeats, and
    ``pulumi_uac.native``): (name, who exports it), for every resource and hand-written module."""
    resource: list[tuple[str, str]] = []
    native: list[tuple[str, str]] = []
    for spec in SPECS:
        get = lookup_function(spec)
        resource += [(n, spec.name) for n in _dynamic_names(spec)]
        native += [(n, spec.name) for n in _dynamic_names(spec)]
        native += [(n, spec.name) for n in (f"Get{spec.name}Result", get, f"{get}_output")]
    for names, package, modules in (
        (resource, "pulumi_uac.resource", RESOURCE_EXTRAS),
        (native, "pulumi_uac.native", NATIVE_EXTRAS),
    ):
        for module, exported in _extras(package, modules).items():
            names += [(n, f"{package}{module}") for n in exported]
    return {"pulumi_uac.resource": resource, "pulumi_uac.native": native}
