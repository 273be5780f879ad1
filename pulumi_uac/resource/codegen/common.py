"""What every generator here shares: names, docstrings, line width, the formatter, and where
the package lives."""

from __future__ import annotations

import functools
import importlib
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from ...models import ResourceSpec

PACKAGE = Path(__file__).parents[2]
"""``pulumi_uac/``."""
README = PACKAGE.parent / "README.md"
WIDTH = 100


@functools.cache
def spec_home(spec: ResourceSpec) -> tuple[str, str]:
    """The module of ``pulumi_uac.models`` that defines ``spec`` (``connection_spec``) and the
    constant's name there (``UAC_CONNECTION``)."""
    for path in sorted((PACKAGE / "models").glob("*_spec.py")):
        module = importlib.import_module(f"pulumi_uac.models.{path.stem}")
        for name, value in vars(module).items():
            if value is spec and _defines(path, name):
                return path.stem, name
    raise LookupError(f"no models/*_spec.py defines the spec of {spec.name}")


def registered_specs() -> list[tuple[str, str]]:
    """(module, constant) of every spec defined in ``models/*_spec.py``, in file order: what
    the registry lists."""
    found = []
    for path in sorted((PACKAGE / "models").glob("*_spec.py")):
        module = importlib.import_module(f"pulumi_uac.models.{path.stem}")
        for name, value in sorted(vars(module).items()):
            if isinstance(value, ResourceSpec) and _defines(path, name):
                found.append((path.stem, name))
    return found


def _defines(path: Path, name: str) -> bool:
    """``name`` is assigned in ``path`` (not imported from another spec's module)."""
    return f"\n{name} = ResourceSpec(" in path.read_text()


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


_RUFF = (sys.executable, "-m", "ruff")


def formatted(text: str, path: Path | None = None) -> str:
    """``text`` as our pinned ``ruff`` writes it: imports and export lists sorted, formatted."""
    stdin = ("--stdin-filename", str(path or PACKAGE / "generated.py"), "-")
    fixed = subprocess.run(
        [*_RUFF, "check", "--fix", "--exit-zero", "--quiet", "--select", "I,RUF022", *stdin],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    proc = subprocess.run(
        [*_RUFF, "format", "--line-length", str(WIDTH), *stdin],
        input=fixed,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


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
