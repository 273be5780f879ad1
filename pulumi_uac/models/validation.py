"""Turning model validation into a list of problems, each named by its field path.

Shared by the emulator (422 answers with ``source.pointer``) and the provider's ``check``
(failures named by property), so both apply exactly the same rules: the models' field rules and
each resource's cross-field rules (its spec's ``rules``). Problems never carry the
rejected value: it may be a password.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .fields import FieldSpec

M = TypeVar("M", bound=BaseModel)

_UNION_MEMBER = re.compile(r"[a-z][a-z-]*\[.*\]", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (a path of keys and list indexes) and what."""

    path: tuple[str | int, ...]
    message: str
    missing: bool = False
    involves: tuple[tuple[str | int, ...], ...] = ()
    """Other paths a cross-field rule read: when any of them is not known yet, the rule cannot
    be judged."""

    @property
    def dotted(self) -> str:
        """``inbound.codecs[0]`` style, for Pulumi check failures."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out or "(body)"

    @property
    def pointer(self) -> str:
        """``/inbound/codecs/0`` style, for Telnyx's ``source.pointer``."""
        return "/" + "/".join(str(p) for p in self.path)


def _message(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field of this object (check the spelling)"
    if kind in ("too_short", "string_too_short"):
        return f"must be at least {ctx.get('min_length')} characters long"
    if kind in ("too_long", "string_too_long"):
        return f"must be at most {ctx.get('max_length')} characters long"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "string_pattern_mismatch":
        return f"must match the pattern {ctx.get('pattern')}"
    if kind == "finite_number":
        return "must be a finite number (not inf or NaN)"
    if kind == "multiple_of":
        return f"must be a multiple of {ctx.get('multiple_of')}"
    msg: str = err["msg"]
    return msg[0].lower() + msg[1:] if msg else kind


def problems_of(exc: ValidationError) -> list[Problem]:
    """The problems in a pydantic error, input values left out, one per field."""
    out: list[Problem] = []
    seen: set[tuple[str | int, ...]] = set()
    for err in exc.errors(include_input=False, include_url=False):
        loc = list(err["loc"])
        # An unknown key is the last part of its location, whatever it looks like; elsewhere,
        # pydantic may name a union member in the location (`function-after[...]`), which is
        # not a field.
        last = [loc.pop()] if err["type"] == "extra_forbidden" and loc else []
        path = tuple(
            p for p in loc if not (isinstance(p, str) and _UNION_MEMBER.fullmatch(p))
        ) + tuple(last)
        if path in seen:
            continue
        seen.add(path)
        out.append(Problem(path, _message(err), missing=err["type"] == "missing"))
    return out


def validate(model: type[M], data: Any) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` against ``model``; the instance (or None) and the problems found."""
    try:
        instance = model.model_validate(data)
    except ValidationError as exc:
        return None, problems_of(exc)
    return instance, []


def unknown_fields(data: Any, specs: tuple[FieldSpec, ...], prefix: str = "") -> list[str]:
    """Dotted paths of the keys in a request body that are not fields of the contract (at the
    top level and inside nested objects)."""
    if not isinstance(data, dict):
        return []
    known = {s.name: s for s in specs}
    out: list[str] = []
    for key, value in data.items():
        spec = known.get(key)
        if spec is None:
            out.append(f"{prefix}{key}")
        elif spec.kind == "object":
            out.extend(unknown_fields(value, spec.fields, f"{prefix}{key}."))
    return out


def without_paths(data: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """A copy of ``data`` without the keys at ``paths`` (dotted)."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    for path in paths:
        *parents, leaf = path.split(".")
        node: Any = out
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(leaf, None)
    return out
