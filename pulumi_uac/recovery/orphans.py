"""Finding the objects a stack made and no longer holds (orphans), for every resource type.

The evidence is the stack's own state: the ownership token of every resource it holds and of
every create it left pending. An object is this stack's orphan only when it carries one of
those tokens in an ownership mark and it is not in the state; tokens are random, so no other
stack, backend or project can match by accident.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..client import ResourceClient, TelnyxClient
from ..core.marks import marks_of, stack_marks_of, token_of
from ..models import SPECS, ResourceSpec
from .state import StackRecord


def _tags(spec: ResourceSpec, obj: Any) -> list[str]:
    return list(getattr(obj, spec.tags_field, None) or [])


def _name(spec: ResourceSpec, obj: Any) -> str:
    return str(getattr(obj, spec.name_field, None))


@dataclass(frozen=True)
class Orphan:
    """An object on Telnyx that this stack made and its state does not hold."""

    id: str
    kind: str
    """Its resource type (``UacConnection``)."""
    name: str
    tag: str
    urn: str
    """The resource it was made for."""
    why: str
    adopted: bool = False
    """An existing object an interrupted create was adopting: not ours to delete, only to
    release (its ownership tag removed)."""
    linked: bool = True
    """Its mark carries a token this stack's state records (held or pending). An object found
    only by a tag the user gave is not linked, and is deleted only when named again."""
    selector: str = ""
    """The ``pulumi-uac orphans`` option that finds it again (``--name 'IVR' ``) when a plain
    listing may not: what was found by name only is no longer listed once ``recover`` has
    cleared the interrupted create that named it."""


def find_orphans(spec: ResourceSpec, objects: Iterable[Any], record: StackRecord) -> list[Orphan]:
    """Every orphan of the stack ``record`` describes, among ``objects`` (the account's objects of
    ``spec``, from one listing: names are not trusted, since one may have been renamed
    since)."""
    tokens = record.all_tokens
    if not tokens:
        return []
    pending = {p.token for p in record.pending if p.token}
    adopting = {p.token for p in record.pending if p.token and p.adopting}
    found: list[Orphan] = []
    for obj in objects:
        object_id = str(obj.id)
        if (spec.name, object_id) in record.held:
            continue
        for tag in marks_of(_tags(spec, obj)):
            token = token_of(tag)
            if token in tokens:
                urn = tokens[token]
                if token in adopting:
                    why = "adopted by a create that was interrupted before the state recorded it"
                elif token in pending and token not in record.tokens:
                    why = "made by a create that was interrupted before the state recorded it"
                else:
                    why = f"a second {spec.noun} made for a resource the state holds"
                found.append(
                    Orphan(
                        object_id,
                        spec.name,
                        _name(spec, obj),
                        tag,
                        urn,
                        why,
                        adopted=token in adopting,
                    )
                )
                break
    return found


def find_unrecorded(
    spec: ResourceSpec, objects: Iterable[Any], record: StackRecord, mark: str
) -> list[Orphan]:
    """Objects among ``objects`` that carry this stack's mark (``mark``, see
    ``core.marks``) while no record of the stack links to them: most likely made by creates
    whose pending records were cleared (``pulumi refresh --clear-pending-creates`` after a
    killed ``up``). Reported, never deleted without ``--confirm-id``: the same project and
    stack name on another backend would carry the same mark."""
    tokens = record.all_tokens
    found: list[Orphan] = []
    for obj in objects:
        tags = _tags(spec, obj)
        if (spec.name, str(obj.id)) in record.held or mark not in stack_marks_of(tags):
            continue
        marks = marks_of(tags)
        if any(token_of(m) in tokens for m in marks):
            continue  # linked: find_orphans reports it
        found.append(
            Orphan(
                str(obj.id),
                spec.name,
                _name(spec, obj),
                marks[0] if marks else mark,
                "(no record of this stack)",
                "carries this stack's mark but no record of this stack (or of another stack of "
                "the project on this backend) links to it: most likely made by an interrupted "
                "create whose record was cleared (`pulumi refresh --clear-pending-creates`); or "
                "it belongs to a stack of the same project and name on another backend, or was "
                "made under this stack's name before a `pulumi stack rename`",
                linked=False,
            )
        )
    return found


def find_unmarked(
    spec: ResourceSpec, objects: Iterable[Any], record: StackRecord, names: set[str], why: str
) -> list[Orphan]:
    """Objects among ``objects`` (of ``spec``) with no ownership mark at all, an exact name in
    ``names``, and not held by the state: what a create of a resource that cannot be tagged at
    create (``marks="after_create"``) may have left when it was interrupted before marking it.
    Names are not proof (anyone may have made one with that name), so these are never linked:
    deleting one takes its id named with ``--confirm-id``."""
    found: list[Orphan] = []
    for obj in objects:
        tags = _tags(spec, obj)
        if (spec.name, str(obj.id)) in record.held or marks_of(tags) or stack_marks_of(tags):
            continue
        name = _name(spec, obj)
        if name in names:
            created = getattr(obj, "created_at", None)
            when = f" (created {created})" if created else ""
            found.append(
                Orphan(
                    str(obj.id),
                    spec.name,
                    name,
                    "",
                    "(no mark)",
                    why + when,
                    linked=False,
                    selector=f"--name {shlex.quote(name)} ",
                )
            )
    return found


def pending_names(spec: ResourceSpec, record: StackRecord) -> set[str]:
    """Names of this stack's interrupted creates of ``spec`` (not adopting) whose object cannot
    carry a mark from its create on."""
    if spec.marks != "after_create":
        return set()
    return {p.name for p in record.pending if p.kind == spec.name and p.name and not p.adopting}


def held_names(spec: ResourceSpec, record: StackRecord) -> set[str]:
    """Names of the objects of ``spec`` the stack holds, where its create cannot carry a mark:
    after `pulumi refresh --clear-pending-creates` (the CLI's own hint after a killed run) the
    interrupted create's record is gone, the next `up` made the object again, and the name it
    shares with the one the state now holds is the only trace left of the first."""
    if spec.marks != "after_create":
        return set()
    return {name for kind, name in record.names if kind == spec.name}


def find_tagged(client: TelnyxClient, record: StackRecord, tag: str) -> list[Orphan]:
    """The objects (of every resource type) carrying ``tag`` (a mark a failed ``pulumi up``
    named: its create may have landed after its last look) that the state does not hold. A
    failed create leaves no record in the state, so the tag from its error message is the only
    evidence; since marks carry random tokens, it matches nothing but what that create made."""
    token = token_of(tag)
    if token is None:
        raise ValueError(f"{tag!r} is not a pulumi-uac ownership tag (pulumi-uac:<token>.<nonce>)")
    found: list[Orphan] = []
    urn = record.all_tokens.get(token)
    for spec in SPECS:
        for obj in client.resource(spec).list():
            if (spec.name, str(obj.id)) in record.held or tag not in _tags(spec, obj):
                continue
            found.append(_tagged(spec, obj, tag, urn))
    return found


def _tagged(spec: ResourceSpec, obj: Any, tag: str, urn: str | None) -> Orphan:
    return Orphan(
        str(obj.id),
        spec.name,
        _name(spec, obj),
        tag,
        urn or "(no record of this stack)",
        "made by a create whose answer was lost (the tag its error named)"
        if urn
        else "carries the tag given, which no record of this stack links to: it may "
        "be another stack's",
        linked=urn is not None,
    )


def release(client: ResourceClient, object_id: str) -> list[str]:
    """Remove every ownership tag from an object, the stack mark included (it is handed over:
    no stack should list it as its own any more); the tags removed."""
    spec = client.spec
    current = client.get(object_id)
    tags = _tags(spec, current)
    marks = [*marks_of(tags), *stack_marks_of(tags)]
    if marks:
        kept = [t for t in tags if t not in marks]
        body = {**client.required_for_update(current), spec.tags_field: kept}
        client.update(object_id, spec.update_model.model_validate(body))
    return marks
