"""Property names at the engine boundary: the API's snake_case inside, camelCase outside.

Everything below the adapters speaks the Telnyx API's names (``connection_name``). The native
plugin speaks Pulumi's convention to the engine (``connectionName``), as every Pulumi package
does; the dynamic resource keeps the API's names, which its stacks have always stored. A stack
can move between the two, so each adapter takes either form in and gives its own form out:
the translation here is exact, by table, over the names a resource really has (nested fields,
computed outputs, provider inputs, the bookkeeping outputs, its functions' answers), so a value
is never touched and a key the table does not know passes unchanged.

Requests to Telnyx keep snake_case; so do the dotted paths that ``managedFields`` and
``unconfirmedPasswords`` hold as values (they name API fields).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..models import SPECS, ResourceSpec
from .extension import extension_for
from .properties import (
    MANAGED_FIELDS,
    MISSING_MARKS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    provider_inputs,
)

Style = Literal["snake", "camel"]
_COMPOUND = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
"""A snake_case word with at least one underscore: in a message, only such a word can be a
field name worth translating (one-word names are spelled alike)."""
Path = tuple[str, ...]


def camel(name: str) -> str:
    """``connection_name`` → ``connectionName`` (a name with no underscore is unchanged)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True)
class Names:
    """The two spellings of every property name of one resource."""

    to_camel: Mapping[str, str]
    to_snake: Mapping[str, str]
    opaque: frozenset[str] = frozenset()
    """Top-level properties (in both spellings) whose values are free-form maps: their keys are
    the user's data and are never renamed."""

    def _table(self, style: Style) -> Mapping[str, str]:
        return self.to_camel if style == "camel" else self.to_snake

    def key(self, name: str, style: Style) -> str:
        """One name (or a dotted path of names) in ``style``."""
        table = self._table(style)
        return ".".join(table.get(part, part) for part in name.split("."))

    def convert(self, value: Any, style: Style) -> Any:
        """``value`` with every known key, at any depth, in ``style``."""
        table = self._table(style)
        if isinstance(value, Mapping):
            return {
                table.get(k, k): v if k in self.opaque else self._convert(v, table)
                for k, v in value.items()
            }
        return self._convert(value, table)

    def _convert(self, value: Any, table: Mapping[str, str]) -> Any:
        if isinstance(value, Mapping):
            return {table.get(k, k): self._convert(v, table) for k, v in value.items()}
        if isinstance(value, list):
            return [self._convert(v, table) for v in value]
        return value

    def snake(self, value: Any) -> Any:
        return self.convert(value, "snake")

    def camel(self, value: Any) -> Any:
        return self.convert(value, "camel")

    def text(self, message: str) -> str:
        """``message`` (the core's words) with every field name it quotes in camelCase."""
        return _COMPOUND.sub(lambda m: self.to_camel.get(m.group(0), m.group(0)), message)

    def path(self, path: Path, style: Style) -> Path:
        table = self._table(style)
        return tuple(table.get(part, part) for part in path)

    def paths(self, paths: Iterable[Path], style: Style) -> set[Path]:
        return {self.path(p, style) for p in paths}

    def foreign(self, value: Any, style: Style) -> list[str]:
        """The keys of ``value`` (at any depth, dotted) spelled otherwise than ``style``: what a
        state written by the other mode, or by an older plugin, still holds."""
        other = self.to_snake if style == "snake" else self.to_camel
        found: list[str] = []

        def walk(item: Any, prefix: str) -> None:
            if isinstance(item, Mapping):
                for k, v in item.items():
                    if k in other and other[k] != k:
                        found.append(prefix + k)
                    if not (prefix == "" and k in self.opaque):
                        walk(v, f"{prefix}{k}.")
            elif isinstance(item, list):
                for v in item:
                    walk(v, prefix)

        walk(value, "")
        return found


def _model_names(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


@functools.cache
def names_of(spec: ResourceSpec) -> Names:
    """Every property name ``spec``'s resource, its lookup and its functions exchange."""
    snake: set[str] = {
        "id",
        MANAGED_FIELDS,
        MISSING_MARKS,
        OWNERSHIP_TAG,
        OWNERSHIP_TOKEN,
        UNCONFIRMED_PASSWORDS,
    }
    snake |= {f.name for f in spec.fields.walk()}
    snake |= {p.name for p in provider_inputs(spec)}
    for output in spec.fields.computed:
        snake.add(output.name)
        if output.item_model is not None:
            snake |= _model_names(output.item_model)
    for fn in extension_for(spec).functions():
        snake |= _model_names(fn.result)
    to_camel = {n: camel(n) for n in sorted(snake) if not n.startswith("_")}
    to_snake = {c: n for n, c in to_camel.items()}
    if len(to_snake) != len(to_camel):
        raise ValueError(f"{spec.name}: two property names have the same camelCase spelling")
    maps = [f.name for f in spec.fields.request if f.kind == "map"]
    return Names(to_camel, to_snake, frozenset([*maps, *(camel(m) for m in maps)]))


@functools.cache
def package_names() -> Names:
    """Every resource's names in one table (a name is spelled alike wherever it appears): for
    text that is not about one resource, such as a schema description or a failure message."""
    every = [names_of(spec) for spec in SPECS]
    return Names(
        {k: v for n in every for k, v in n.to_camel.items()},
        {k: v for n in every for k, v in n.to_snake.items()},
        frozenset(k for n in every for k in n.opaque),
    )
