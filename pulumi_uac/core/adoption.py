"""Taking over a connection that exists already (``adopt_existing_id`` /
``adopt_existing_by_name``): finding it, refusing one that belongs to a Pulumi resource, and
bringing it to the program's settings with one PATCH."""

from __future__ import annotations

from typing import Any

from ..client import NotFoundError, UacClient
from ..models import UacConnection, UacConnectionUpdateParams
from .errors import AdoptionError
from .marks import marks_of, user_tags
from .nested import whole_objects
from .schema import CREATE_ONLY_VALUES


def by_id(client: UacClient, conn_id: str) -> UacConnection:
    try:
        return client.get(conn_id)
    except NotFoundError:
        raise AdoptionError(
            f"adopt_existing_id: no UAC connection with id {conn_id!r} exists to adopt"
        ) from None


def by_name(client: UacClient, name: str) -> UacConnection:
    found = client.find_by_name(name)
    if not found:
        raise AdoptionError(
            f"adopt_existing_by_name: no UAC connection named {name!r} exists to adopt; "
            "remove adopt_existing_by_name to create a new one"
        )
    if len(found) > 1:
        raise AdoptionError(
            f"adopt_existing_by_name: {len(found)} UAC connections are named {name!r} "
            f"({', '.join(str(c.id) for c in found)}); adopt one with adopt_existing_id"
        )
    return found[0]


def adopt(
    client: UacClient, conn: UacConnection, desired: dict[str, Any], tag: str
) -> UacConnection:
    """Bring an existing connection to the desired settings with one PATCH (whole nested
    objects, completed from ``conn``, so either reading of a nested PATCH gives the same
    result), and mark it as this resource's with ``tag``.

    A connection that already carries an ownership tag belongs to a Pulumi resource: this
    one being *replaced* (the engine re-creates a replaced resource from the program's
    inputs, adoption options included), or another one. Taking it over would give it two
    owners, or hand the engine the very connection it is about to delete; so it is refused.
    """
    for mark in marks_of(conn.tags):
        raise AdoptionError(
            f"cannot adopt UAC connection {conn.id}: it already belongs to a Pulumi resource "
            f"(ownership tag {mark}). If this resource is being replaced, remove "
            "adopt_existing_id / adopt_existing_by_name from the program: they apply only "
            "when the resource is first created, like an import. If an interrupted run left "
            "the tag, run `pulumi-uac recover`. If you are moving the connection from another "
            f"stack, run `pulumi state delete` there, then "
            f"`pulumi-uac release {conn.id} --confirm-id {conn.id}`"
        )
    patch = dict(desired)
    for key, values in CREATE_ONLY_VALUES.items():
        wanted = patch.get(key)
        if wanted in values:
            if getattr(conn, key, None) != wanted:
                raise AdoptionError(
                    f"cannot adopt connection {conn.id}: {key} {wanted!r} can only be set "
                    f"when a connection is created, and it has {getattr(conn, key, None)!r}"
                )
            del patch[key]
    patch["tags"] = [*user_tags(patch.get("tags", conn.tags)), tag]
    # Whole nested objects, what the program leaves out kept as the connection has it.
    patch = whole_objects(patch, conn, {})
    return client.update(str(conn.id), UacConnectionUpdateParams.model_validate(patch))
