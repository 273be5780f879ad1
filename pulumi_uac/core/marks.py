"""Ownership marks: how an object made by this provider can be recognised later.

Every ``create`` tags the object it makes with ``pulumi-uac:<token>.<nonce>``:

- the *token* is random (80 bits) and belongs to the resource: ``check`` draws it the first time
  it sees the resource and carries it over from the old inputs afterwards. It is an input, so the
  engine records it with every pending create in the state; that record is what crash recovery
  (``pulumi-uac recover``) matches, and a random value cannot collide across backends, stacks,
  projects, component parents or stack renames the way a hash of names could;
- the *nonce* is random per create call, so even a replacement (which keeps the token) or a
  retried POST can be told apart from every other object by its exact tag.

Beside it, every object a create makes carries a *stack mark*, ``pulumi-uac-stack:<hash>``
(16 hex digits of SHA-256 over ``project/stack``, from the resource's URN). It is evidence that
outlives the state's record of a create: ``pulumi refresh --clear-pending-creates`` (the CLI's
own hint after a killed ``up``) drops the pending creates and their tokens, and the next ``up``
makes new objects; those the killed run made still carry this stack's mark, and
``pulumi-uac orphans`` lists them by name and id. A hash of names is not proof of ownership
(the same project and stack name on two backends, sharing one Telnyx account, would share it),
so it is only ever a reason to *report*: deleting such an object takes its id named with
``--confirm-id``. Stacks with other names (dev and prod of one project) never share it.

Marks are never adopted by ``create`` itself: an object is taken over only on explicit
request (``adopt_existing_id`` / ``adopt_existing_by_name``, ``pulumi import``) or through the
recovery command, which reads the evidence from the stack's own state.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable

MARK_PREFIX = "pulumi-uac:"
LEGACY_PREFIX = "pulumi-uac-owner:"
"""The deterministic tags of version 0.1.0 (a hash of names): still reserved, never adopted."""
STACK_PREFIX = "pulumi-uac-stack:"
RESERVED_PREFIXES = (MARK_PREFIX, LEGACY_PREFIX, STACK_PREFIX)

_TOKEN = re.compile(r"[0-9a-f]{20}")
_MARK = re.compile(r"pulumi-uac:(?P<token>[0-9a-f]{20})\.(?P<nonce>[0-9a-f]{6})")


def new_token() -> str:
    """A fresh resource token."""
    return secrets.token_hex(10)


def is_token(value: object) -> bool:
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def new_mark(token: str) -> str:
    """The tag for one create call of the resource with ``token``."""
    return f"{MARK_PREFIX}{token}.{secrets.token_hex(3)}"


def token_of(tag: str) -> str | None:
    """The resource token a mark carries (None for any other tag)."""
    m = _MARK.fullmatch(tag)
    return m.group("token") if m else None


def is_reserved(tag: str) -> bool:
    return tag.startswith(RESERVED_PREFIXES)


def user_tags(tags: Iterable[str] | None) -> list[str]:
    """Tags without our marks (they are ours, not the user's)."""
    return [t for t in tags or [] if not is_reserved(t)]


def marks_of(tags: Iterable[str] | None) -> list[str]:
    """Our current marks among ``tags``."""
    return [t for t in tags or [] if token_of(t) is not None]


def stack_mark(urn: str) -> str | None:
    """The stack mark for a resource's URN (``urn:pulumi:<stack>::<project>::...``)."""
    if not urn.startswith("urn:pulumi:"):
        return None
    parts = urn[len("urn:pulumi:") :].split("::")
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return None
    digest = hashlib.sha256(f"{parts[1]}/{parts[0]}".encode()).hexdigest()
    return f"{STACK_PREFIX}{digest[:16]}"


def stack_marks_of(tags: Iterable[str] | None) -> list[str]:
    return [t for t in tags or [] if t.startswith(STACK_PREFIX)]
