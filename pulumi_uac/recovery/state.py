"""What a stack's state says about its Telnyx objects (every resource type of the registry):
the ones it holds, and the creates an interrupted run left pending, each with the ownership
token it was going to mark its object with. Read from ``pulumi stack export``; nothing here
talks to Telnyx."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.marks import is_token
from ..core.names import names_of
from ..core.properties import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    MANAGED_FIELDS,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    root,
)
from ..models import SPECS, by_type

RESOURCE_TYPES = frozenset(t for s in SPECS for t in (s.dynamic_type, s.native_type))
"""Every resource's dynamic type token and native one."""

Held = tuple[str, str]
"""(resource type name, id): ids of different resources may coincide."""


def _kind(res: dict[str, Any]) -> str:
    spec = by_type(str(res.get("type")))
    return spec.name if spec is not None else ""


@dataclass(frozen=True)
class PendingCreate:
    """A create the engine started and never saw finish."""

    urn: str
    kind: str
    """The resource type's name (``UacConnection``)."""
    token: str | None
    adopting: bool
    """It was adopting an existing object: whatever it touched was not made by it."""
    name: str | None = None
    """The name it was creating (None when secret): for resources whose create cannot carry
    a mark, the only trace an interrupted create leaves on Telnyx."""


@dataclass
class StackRecord:
    """The objects a stack's state knows about."""

    held: set[Held] = field(default_factory=set)
    """The objects the state holds."""
    tokens: dict[str, str] = field(default_factory=dict)
    """Ownership token -> URN, for every resource the state holds."""
    names: set[tuple[str, str]] = field(default_factory=set)
    """(resource type name, name) of every object the state holds (secret names left out)."""
    pending: list[PendingCreate] = field(default_factory=list)
    other_pending: list[tuple[str, str]] = field(default_factory=list)
    """(operation, URN) of pending updates and deletes: a refresh settles them."""

    @property
    def updating(self) -> set[str]:
        """URNs whose update was interrupted: Telnyx may hold its new values."""
        return {urn for op, urn in self.other_pending if op == "updating"}

    @property
    def all_tokens(self) -> dict[str, str]:
        """Every token the stack recorded, held or pending -> its URN."""
        out = dict(self.tokens)
        for p in self.pending:
            if p.token:
                out.setdefault(p.token, p.urn)
        return out


def _side(res: dict[str, Any], side: str) -> dict[str, Any]:
    """A resource's ``inputs`` or ``outputs`` in the API's names, whichever mode wrote them
    (the native plugin's state is camelCase)."""
    values = res.get(side) or {}
    spec = by_type(str(res.get("type")))
    if spec is None:
        return dict(values)
    converted: dict[str, Any] = names_of(spec).snake(values)
    return converted


def _plain(value: Any) -> Any:
    """A state value, or None when it is an encrypted secret (tokens never are)."""
    if isinstance(value, dict) and "ciphertext" in value:
        return None
    return value


def read_state(export: dict[str, Any]) -> StackRecord:
    """Our objects in a ``pulumi stack export`` document."""
    deployment = export.get("deployment") or {}
    record = StackRecord()
    for res in deployment.get("resources") or []:
        if res.get("type") not in RESOURCE_TYPES:
            continue
        if res.get("id"):
            record.held.add((_kind(res), str(res["id"])))
            spec = by_type(str(res.get("type")))
            name = _plain(_side(res, "outputs").get(spec.name_field)) if spec else None
            if isinstance(name, str):
                record.names.add((spec.name if spec else "", name))
        for side in ("outputs", "inputs"):
            token = _plain(_side(res, side).get(OWNERSHIP_TOKEN))
            if is_token(token):
                record.tokens[str(token)] = str(res.get("urn"))
                break
    for op in deployment.get("pending_operations") or []:
        res = op.get("resource") or {}
        if res.get("type") not in RESOURCE_TYPES:
            continue
        urn = str(res.get("urn"))
        if op.get("type") != "creating":
            record.other_pending.append((str(op.get("type")), urn))
            continue
        inputs = _side(res, "inputs")
        token = _plain(inputs.get(OWNERSHIP_TOKEN))
        spec = by_type(str(res.get("type")))
        name = _plain(inputs.get(spec.name_field)) if spec is not None else None
        record.pending.append(
            PendingCreate(
                urn=urn,
                kind=_kind(res),
                token=str(token) if is_token(token) else None,
                adopting=bool(
                    _plain(inputs.get(ADOPT_EXISTING_ID))
                    or _plain(inputs.get(ADOPT_EXISTING_BY_NAME))
                ),
                name=name if isinstance(name, str) else None,
            )
        )
    return record


def mark_unconfirmed(export: dict[str, Any], urns: set[str]) -> dict[str, list[str]]:
    """Mark, in a ``pulumi stack export`` document (changed in place), the managed passwords of
    the resources ``urns`` as unconfirmed: an interrupted update may have set new ones on
    Telnyx, which no refresh can read back. The marker makes the core's diff see them as
    changed, and the root property holding each one is dropped from the recorded inputs, so the
    engine's own comparison of inputs (what a dynamic resource's diff relies on) sees it too;
    the next ``pulumi up`` then sends them again. Returns URN -> the paths marked."""
    marked: dict[str, list[str]] = {}
    for res in (export.get("deployment") or {}).get("resources") or []:
        spec = by_type(str(res.get("type")))
        if spec is None or res.get("urn") not in urns:
            continue
        outputs, inputs = res.get("outputs") or {}, res.get("inputs") or {}
        managed = _plain(_side(res, "outputs").get(MANAGED_FIELDS))
        if not isinstance(managed, list):
            continue
        paths = [p for p in spec.fields.password_paths if p in managed]
        if not paths:
            continue
        names = names_of(spec)
        # Written in the state's own spelling (the values are API paths either way).
        camel_state = MANAGED_FIELDS not in outputs
        key = names.key(UNCONFIRMED_PASSWORDS, "camel" if camel_state else "snake")
        outputs[key] = paths
        for path in paths:
            for spelling in ("snake", "camel"):
                inputs.pop(names.key(root(path), spelling), None)
        res["outputs"], res["inputs"] = outputs, inputs
        marked[str(res["urn"])] = paths
    return marked
