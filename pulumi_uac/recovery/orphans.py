"""Finding the connections a stack made and no longer holds (orphans).

The evidence is the stack's own state: the ownership token of every resource it holds and of
every create it left pending. A connection is this stack's orphan only when it carries one of
those tokens in an ownership mark and its id is not in the state; tokens are random, so no other
stack, backend or project can match by accident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..client import UacClient
from ..core.marks import marks_of, stack_marks_of, token_of
from ..models import UacConnection, UacConnectionUpdateParams
from .state import StackRecord


@dataclass(frozen=True)
class Orphan:
    """A connection on Telnyx that this stack made and its state does not hold."""

    id: str
    connection_name: str
    tag: str
    urn: str
    """The resource it was made for."""
    why: str
    adopted: bool = False
    """An existing connection an interrupted create was adopting: not ours to delete, only to
    release (its ownership tag removed)."""
    linked: bool = True
    """Its mark carries a token this stack's state records (held or pending). A connection found
    only by a tag the user gave is not linked, and is deleted only when named again."""


def find_orphans(conns: Iterable[UacConnection], record: StackRecord) -> list[Orphan]:
    """Every orphan of the stack ``record`` describes, among ``conns`` (the account's
    connections, from one paged listing: names are not trusted, since a connection may have been
    renamed since)."""
    tokens = record.all_tokens
    if not tokens:
        return []
    pending = {p.token for p in record.pending if p.token}
    adopting = {p.token for p in record.pending if p.token and p.adopting}
    found: list[Orphan] = []
    for conn in conns:
        conn_id = str(conn.id)
        if conn_id in record.ids:
            continue
        for tag in marks_of(conn.tags):
            token = token_of(tag)
            if token in tokens:
                urn = tokens[token]
                if token in adopting:
                    why = "adopted by a create that was interrupted before the state recorded it"
                elif token in pending and token not in record.tokens:
                    why = "made by a create that was interrupted before the state recorded it"
                else:
                    why = "a second connection made for a resource the state holds"
                found.append(
                    Orphan(
                        conn_id,
                        str(conn.connection_name),
                        tag,
                        urn,
                        why,
                        adopted=token in adopting,
                    )
                )
                break
    return found


def find_unrecorded(conns: Iterable[UacConnection], record: StackRecord, mark: str) -> list[Orphan]:
    """Connections among ``conns`` that carry this stack's mark (``mark``, see
    ``core.marks``) while no record of the stack links to them: most likely made by creates
    whose pending records were cleared (``pulumi refresh --clear-pending-creates`` after a
    killed ``up``). Reported, never deleted without ``--confirm-id``: the same project and
    stack name on another backend would carry the same mark."""
    tokens = record.all_tokens
    found: list[Orphan] = []
    for conn in conns:
        if str(conn.id) in record.ids or mark not in stack_marks_of(conn.tags):
            continue
        marks = marks_of(conn.tags)
        if any(token_of(m) in tokens for m in marks):
            continue  # linked: find_orphans reports it
        found.append(
            Orphan(
                str(conn.id),
                str(conn.connection_name),
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


def find_tagged(client: UacClient, record: StackRecord, tag: str) -> list[Orphan]:
    """The connections carrying ``tag`` (a mark a failed ``pulumi up`` named: its create may
    have landed after its last look) that the state does not hold. A failed create leaves no
    record in the state, so the tag from its error message is the only evidence; since marks
    carry random tokens, it matches nothing but what that create made."""
    token = token_of(tag)
    if token is None:
        raise ValueError(f"{tag!r} is not a pulumi-uac ownership tag (pulumi-uac:<token>.<nonce>)")
    found: list[Orphan] = []
    urn = record.all_tokens.get(token)
    for conn in client.list():
        if str(conn.id) in record.ids or tag not in (conn.tags or ()):
            continue
        found.append(
            Orphan(
                str(conn.id),
                str(conn.connection_name),
                tag,
                urn or "(no record of this stack)",
                "made by a create whose answer was lost (the tag its error named)"
                if urn
                else "carries the tag given, which no record of this stack links to: it may "
                "be another stack's",
                linked=urn is not None,
            )
        )
    return found


def release(client: UacClient, conn_id: str) -> list[str]:
    """Remove every ownership tag from a connection, the stack mark included (it is handed
    over: no stack should list it as its own any more); the tags removed."""
    conn = client.get(conn_id)
    marks = [*marks_of(conn.tags), *stack_marks_of(conn.tags)]
    if marks:
        kept = [t for t in conn.tags or [] if t not in marks]
        client.update(conn_id, UacConnectionUpdateParams.model_validate({"tags": kept}))
    return marks
