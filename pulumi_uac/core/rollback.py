"""Undoing an update that Telnyx accepted but that failed afterwards (the PBX refused the new
registration, or the API failed while waiting): the PATCH that puts back what changed, and the
message that says exactly what could not be put back."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..client import ResourceClient, TelnyxError
from .errors import RollbackError, with_context
from .outputs import api_view
from .values import get_path


def roll_back(
    client: ResourceClient,
    conn_id: str,
    patch: dict[str, Any],
    before: BaseModel,
    olds: dict[str, Any],
    failure: TelnyxError,
) -> TelnyxError:
    """Put back what ``patch`` changed, from the object as it was read just before it;
    the error to raise."""
    spec = client.spec
    restore, unset, masked = restore_body(client, patch, before, olds)
    restore = {**client.required_for_update(before), **restore}
    changed = ", ".join(sorted(patch))
    try:
        client.update(conn_id, spec.update_model.model_validate(restore))
    except (TelnyxError, ValueError) as exc:
        return RollbackError(
            f"{failure}. Undoing the change also failed ({exc}): Telnyx now holds the "
            f"program's new {changed} while Pulumi's state still holds the previous values. "
            "Run `pulumi refresh` to record what Telnyx holds (a password cannot be read "
            "back, so the state keeps the previous one), then fix the PBX or the program and "
            "run `pulumi up`"
        )
    note = f". The change was undone: Telnyx holds the previous {changed} again"
    if unset or masked:
        kept = [*unset, *masked]
        note += (
            f", except {', '.join(kept)}, which keep{'s' if len(kept) == 1 else ''} the "
            "program's new value"
        )
        if unset:
            note += (
                f" ({', '.join(unset)} had no value before, and Telnyx cannot unset "
                f"{'it' if len(unset) == 1 else 'them'})"
            )
        if masked:
            note += (
                f" ({', '.join(masked)} is masked by Telnyx and was never in the state, so "
                "its previous value is unknown)"
            )
        note += ": set what you want in the program and run `pulumi up`"
    return with_context(failure, None, suffix=note)


def restore_body(
    client: ResourceClient, patch: dict[str, Any], before: BaseModel, olds: dict[str, Any]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """The PATCH that puts back what ``patch`` changed: the values read just before it
    (passwords, which Telnyx masks, from the state), explicit nulls for what had no value where
    Telnyx allows null; and the paths that cannot be put back: ``(body, unset, masked)``."""
    spec = client.spec
    passwords = spec.fields.password_paths
    previous = api_view(spec, before)
    # Our marks included: they must stay.
    previous[spec.tags_field] = list(getattr(before, spec.tags_field, None) or [])
    specs = {s.name: s for s in spec.fields.request}
    body: dict[str, Any] = {}
    unset: list[str] = []
    masked: list[str] = []

    def restore(field: Any, old: Any, container: dict[str, Any]) -> None:
        if field.path in passwords:
            known = get_path(olds, field.path)
            if known is not None:
                container[field.name] = known
            elif old is not None:
                masked.append(field.path)  # it had one; what it was, Telnyx will not say
            else:
                unset.append(field.path)
        elif old is not None:
            container[field.name] = old
        elif field.nullable:
            container[field.name] = None
        else:
            unset.append(field.path)

    for key, new in patch.items():
        field = specs[key]
        old = previous.get(key)
        if field.kind != "object":
            restore(field, old, body)
            continue
        if not isinstance(old, dict):
            unset.append(key)  # the object itself is new: Telnyx cannot remove it
            continue
        nested: dict[str, Any] = {}
        for sub in field.fields:
            value = old.get(sub.name)
            if value is not None and sub.path not in passwords:
                nested[sub.name] = value
            elif sub.name in new or (sub.path in passwords and value is not None):
                restore(sub, value, nested)
        body[key] = nested
    return body, unset, masked
