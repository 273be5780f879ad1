"""Finding the connections a stack made and no longer holds (orphans).

The evidence is the stack's own state: the ownership token of every resource it holds and of
every create it left pending. A connection is this stack's orphan only when it carries one of
those tokens in an ownership mark and its id is not in the state; tokens are random, so no other
stack, backend or project can match by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..client import UacClient
from ..core.marks import marks_of, token_of
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


def find_orphans(client: UacClient, record: StackRecord) -> list[Orphan]:
    """Every orphan of the stack ``record`` describes (one paged listing of all connections:
    names are not trusted, since a connection may have been renamed since)."""
    tokens = record.all_tokens
    if not tokens:
        return []
    pending = {p.token for p in record.pending if p.token}
    found: list[Orphan] = []
    for conn in client.list():
        conn_id = str(conn.id)
        if conn_id in record.ids:
            continue
        for tag in marks_of(conn.tags):
            token = token_of(tag)
            if token in tokens:
                urn = tokens[token]
                why = (
                    "made by a create that was interrupted before the state recorded it"
                    if token in pending and token not in record.tokens
                    else "a second connection made for a resource the state holds"
                )
                found.append(Orphan(conn_id, str(conn.connection_name), tag, urn, why))
                break
    return found
