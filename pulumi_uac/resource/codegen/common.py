"""What every generator here shares: names, docstrings, line width, the formatter, and where
the package lives."""

from __future__ import annotations

import functools
import importlib
import re
import textwrap

from ...models import ResourceSpec
from .scan import PACKAGE, WIDTH, CodegenError, spec_sources

README = PACKAGE.parent / "README.md"


@functools.cache
def spec_home(spec: ResourceSpec) -> tuple[str, str]:
    """The module of ``pulumi_uac.models`` that defines ``spec`` (``connection_spec``) and the
    constant's name there (``UAC_CONNECTION``)."""
    for module, name in spec_sources():
        if getattr(importlib.import_module(f"pulumi_uac.models.{module}"), name) is spec:
            return module, name
    raise CodegenError(f"no models/*_spec.py defines the spec of {spec.name}")


def snake(name: str) -> str:
    """``UacConnection`` -> ``uac_connection``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def args_name(spec: ResourceSpec, model_name: str) -> str:
    """The input type of a nested model (a spec may keep an established name)."""
    names = spec.extra.get("args_names")
    if isinstance(names, dict) and model_name in names:
        return str(names[model_name])
    return f"{model_name}Args"


def doc(text: str, indent: str) -> list[str]:
    """``text`` as a docstring at ``indent``, wrapped (one paragraph)."""
    text = " ".join(text.split()) or "(no description)"
    lines = textwrap.wrap(
        text, WIDTH - len(indent) - 6, break_long_words=False, break_on_hyphens=False
    )
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    middle = [f"{indent}{line}" for line in lines[1:-1]]
    return [f'{indent}"""{lines[0]}', *middle, f'{indent}{lines[-1]}"""']


def long_doc(paragraphs: list[str], indent: str) -> list[str]:
    """A docstring of several paragraphs; a paragraph that starts with ``` or ``##`` is kept
    as written (code, headings), the others are wrapped."""
    out: list[str] = []
    for i, text in enumerate(p for p in paragraphs if p.strip()):
        if i:
            out.append("")
        if text.startswith(("```", "##")):
            out += [f"{indent}{line}".rstrip() for line in text.splitlines()]
        else:
            width = WIDTH - len(indent) - 3  # the first line opens with three quotes
            out += [
                f"{indent}{line}"
                for line in textwrap.wrap(
                    " ".join(text.split()), width, break_long_words=False, break_on_hyphens=False
                )
            ]
    if not out:
        return [f'{indent}"""(no description)"""']
    out[0] = f'{indent}"""' + out[0][len(indent) :]
    out.append(f'{indent}"""')
    return out


def annotation(name: str, kind: str, default: bool) -> list[str]:
    """A class attribute ``name: kind`` (``= None`` when ``default``), split when too long."""
    line = f"    {name}: {kind}" + (" = None" if default else "")
    if len(line) <= WIDTH:
        return [line]
    return [f"    {name}: (", f"        {kind}", "    )" + (" = None" if default else "")]


def constructors(name: str) -> list[str]:
    """A resource class's ``__init__``, as a generated Pulumi SDK writes it: one overload for
    ``XxxArgs``, one for the keywords (``Unpack`` of ``XxxKwargs``), and the body, which calls
    ``_register`` directly (so that Pulumi records the program's line as the source)."""
    return [
        "    @overload",
        "    def __init__(",
        "        self,",
        "        resource_name: str,",
        f"        args: {name}Args,",
        "        opts: pulumi.ResourceOptions | None = None,",
        "    ) -> None: ...",
        "",
        "    @overload",
        "    def __init__(",
        "        self,",
        "        resource_name: str,",
        "        args: None = None,",
        "        opts: pulumi.ResourceOptions | None = None,",
        f"        **kwargs: Unpack[{name}Kwargs],",
        "    ) -> None: ...",
        "",
        "    def __init__(",
        "        self,",
        "        resource_name: str,",
        f"        args: {name}Args | None = None,",
        "        opts: pulumi.ResourceOptions | None = None,",
        "        **kwargs: Any,",
        "    ) -> None:",
        "        self._register(resource_name, args, opts, kwargs)",
    ]
