"""What the emulator stores for one resource it serves generically (:class:`Behaviour`): the
defaults Telnyx fills in and the fields it generates. Each resource's is in
``emulator/behaviours/<resource>.py``. Choices where the SDK is silent are the strict ones, as
for connections: a PATCH *replaces* a nested object unless the store merges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..models import ResourceSpec

Record = dict[str, Any]


def dotted(record: Record | None, path: str) -> Any:
    """The value at a dotted path of ``record`` (None where any part is missing)."""
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


@dataclass(frozen=True)
class Behaviour:
    """One resource's stored shape."""

    spec: ResourceSpec
    record_type: str
    defaults: Record
    nested_defaults: dict[str, Record] = field(default_factory=dict)
    generate: Callable[[Record, Callable[[int], str]], None] | None = None
    """Fill in what Telnyx generates at create (``token(n)`` gives random characters)."""
    sorts: dict[str, str] = field(default_factory=lambda: {"created_at": "created_at"})
    """Sort keys the list accepts -> the field each sorts by (the SDK's names)."""
    filters: dict[str, str] = field(default_factory=dict)
    """Exact-match list filters (the query parameter -> the dotted field it compares), besides
    the spec's name filter. Any other ``filter[...]`` is refused: the strict reading, since a
    caller relying on a filter the emulator ignored would get unrelated objects."""
    users_count: str | None = None
    """Where the answer counts what uses an object (``connections_count``): the objects of
    every resource whose spec has a :class:`~pulumi_uac.models.Reference` to this one holding
    its id. When set, an object in use cannot be deleted."""
    id_prefix: str = ""
    """Ids are ``<prefix><uuid>`` (``assistant-...``); numeric strings when empty."""
    updated_at: bool = True
    """Objects carry ``updated_at`` (an assistant does not, in the SDK's type)."""
    versions: bool = False
    """Every update mints a version (``version_id``, ``version_name``, ``version_created_at``)."""
    delete_answer: str = ""
    """Where a DELETE answers ``{"id", "deleted": true, "object": <this>}`` (OpenAI's shape, as
    the AI Assistants API does) instead of the object as it was."""
    soft_delete: bool = False
    """A DELETE moves the object to the recently deleted (restorable with
    ``POST /{id}/restore``) unless its query says ``hard_delete=true``."""
