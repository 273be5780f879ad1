"""Taking over an object that exists already (``adopt_existing_id`` /
``adopt_existing_by_name``): finding it, refusing one that belongs to a Pulumi resource, and
bringing it to the program's settings with one update."""

from __future__ import annotations

from typing import Any

from ..client import NotFoundError, ResourceClient
from .errors import AdoptionError
from .marks import marks_of, user_tags
from .nested import update_params, whole_objects
from .outputs import api_view


def by_id(client: ResourceClient, object_id: str) -> Any:
    try:
        return client.get(object_id)
    except NotFoundError:
        raise AdoptionError(
            f"adopt_existing_id: no {client.spec.noun} with id {object_id!r} exists to adopt"
        ) from None


def by_name(client: ResourceClient, name: str) -> Any:
    noun = client.spec.noun
    found = client.find_by_name(name)
    if not found:
        raise AdoptionError(
            f"adopt_existing_by_name: no {noun} named {name!r} exists to adopt; "
            "remove adopt_existing_by_name to create a new one"
        )
    if len(found) > 1:
        raise AdoptionError(
            f"adopt_existing_by_name: {len(found)} {noun}s are named {name!r} "
            f"({', '.join(str(c.id) for c in found)}); adopt one with adopt_existing_id"
        )
    return found[0]


def adopt(client: ResourceClient, obj: Any, desired: dict[str, Any], tag: str) -> Any:
    """Bring an existing object to the desired settings with one update (whole nested
    objects, completed from ``obj``, so either reading of a nested update gives the same
    result), and mark it as this resource's with ``tag``.

    An object that already carries an ownership tag belongs to a Pulumi resource: this
    one being *replaced* (the engine re-creates a replaced resource from the program's
    inputs, adoption options included), or another one. Taking it over would give it two
    owners, or hand the engine the very object it is about to delete; so it is refused.
    """
    spec = client.spec
    tags_field = spec.tags_field
    for mark in marks_of(getattr(obj, tags_field, None)):
        raise AdoptionError(
            f"cannot adopt {spec.noun} {obj.id}: it already belongs to a Pulumi resource "
            f"(ownership tag {mark}). If this resource is being replaced, remove "
            "adopt_existing_id / adopt_existing_by_name from the program: they apply only "
            "when the resource is first created, like an import. If an interrupted run left "
            "the tag, run `pulumi-uac recover`. If you are moving the object from another "
            f"stack, run `pulumi state delete` there, then "
            f"`pulumi-uac release {obj.id} --confirm-id {obj.id}`"
        )
    # Only what differs: an object that already has the program's settings gets its mark and
    # nothing else (an update of an AI Assistant mints a version). A password Telnyx masks
    # always differs, so it is always written.
    view = api_view(spec, obj)
    patch = {k: v for k, v in desired.items() if _differs(v, view.get(k))}
    for key, values in spec.fields.create_only_values.items():
        wanted = patch.get(key)
        if wanted in values:
            if getattr(obj, key, None) != wanted:
                raise AdoptionError(
                    f"cannot adopt {spec.noun} {obj.id}: {key} {wanted!r} can only be set "
                    f"when one is created, and it has {getattr(obj, key, None)!r}"
                )
            del patch[key]
    patch[tags_field] = [*user_tags(patch.get(tags_field, getattr(obj, tags_field, None))), tag]
    patch = {**client.required_for_update(obj), **patch}
    # Whole nested objects, what the program leaves out kept as the object has it.
    patch = whole_objects(spec, patch, obj, {})
    return client.update(str(obj.id), update_params(spec, patch))


def _differs(wanted: Any, actual: Any) -> bool:
    if isinstance(wanted, dict) and isinstance(actual, dict):
        return any(_differs(v, actual.get(k)) for k, v in wanted.items())
    return bool(wanted != actual)
