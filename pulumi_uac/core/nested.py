"""Nested objects in a PATCH, right under either reading of Telnyx's semantics.

Whether Telnyx *merges* a partial nested object into the stored one or *replaces* the stored one
with it is not documented (see the fidelity notes). So every nested object a PATCH carries is
sent whole: the program's keys, plus Telnyx's current value of every other key, read just
before. Under merge that changes nothing; under replace it keeps what the program does not set,
as the program expects ("a field you stop setting is left as it is").

One value cannot be carried over: a password Telnyx masks, which the program does not set and
the state never knew. Sending the object without it could erase it (under replace), silently
breaking whatever authenticates with it (a UAC connection's registration to its PBX), so such a
PATCH is refused before anything is written.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..models import RequestModel, ResourceSpec
from .errors import MaskedPasswordError
from .outputs import api_view, known_password
from .values import get_path


def nested_roots(spec: ResourceSpec, patch: dict[str, Any]) -> list[str]:
    """The nested objects a PATCH body carries."""
    return [key for key in patch if key in spec.fields.nested and isinstance(patch[key], dict)]


def whole_objects(
    spec: ResourceSpec, patch: dict[str, Any], current: BaseModel, known: dict[str, Any]
) -> dict[str, Any]:
    """``patch`` with each nested object completed from ``current`` (the object read just
    before); ``known`` is what the state knows (passwords Telnyx masks).

    Raises :class:`MaskedPasswordError` when a password would have to be left out."""
    view = api_view(spec, current)
    objects = {s.name: s for s in spec.fields.request if s.kind == "object"}
    body = dict(patch)
    lost: list[str] = []
    for key in nested_roots(spec, patch):
        wanted = {k: v for k, v in patch[key].items() if v is not None}
        stored = view.get(key)
        if not isinstance(stored, dict):
            continue
        carried: dict[str, Any] = {
            k: v
            for k, v in stored.items()
            if f"{key}.{k}" in spec.uncovered and k not in wanted and v is not None
        }
        for sub in objects[key].fields:
            value = stored.get(sub.name)
            if value is None:
                continue
            if sub.name in wanted:
                inner = wanted[sub.name]
                if sub.kind == "object" and isinstance(inner, dict) and isinstance(value, dict):
                    # An object inside the object: completed the same way, one level down.
                    keys = {f.name for f in sub.fields}
                    kept = {k: v for k, v in value.items() if k in keys and v is not None}
                    wanted[sub.name] = {**kept, **{k: v for k, v in inner.items() if v is not None}}
                continue
            if sub.path in spec.fields.password_paths:
                value = known_password(value, get_path(known, sub.path))
                if value is None:
                    lost.append(sub.path)
                    continue
            carried[sub.name] = value
        body[key] = {**carried, **wanted}
    if lost:
        paths = ", ".join(lost)
        raise MaskedPasswordError(
            f"the change to {', '.join(sorted({p.split('.')[0] for p in lost}))} is "
            f"sent as a whole object, and Telnyx may replace the stored object with it; {paths} "
            "is set on Telnyx, masked in its answers and not set in the program, so it would be "
            f"erased and whatever authenticates with it would stop working. Set {paths} in the "
            "program (as "
            "a secret) and run `pulumi up` again. Nothing was changed"
        )
    return body


def update_params(spec: ResourceSpec, body: dict[str, Any]) -> RequestModel:
    """``body`` (from :func:`whole_objects`) as the update model, validated, with the keys of
    nested objects that the models do not cover carried as they are (``spec.uncovered``)."""
    carried: dict[str, dict[str, Any]] = {}
    checked = dict(body)
    for key in nested_roots(spec, body):
        outside = {k: v for k, v in body[key].items() if f"{key}.{k}" in spec.uncovered}
        if outside:
            carried[key] = outside
            checked[key] = {k: v for k, v in body[key].items() if k not in outside}
    return spec.update_model.model_validate(checked).carrying(carried)
