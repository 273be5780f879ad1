"""The resource's outputs (what lands in the state), built from Telnyx's answer.

Outputs replace the old ones wholesale on every create, update and read, so they are always
rebuilt completely: managed fields, computed fields, generated credentials, the managed-path
list, the provider inputs and the ownership token and tag.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..models import ResourceSpec, is_masked
from .marks import user_tags
from .properties import MANAGED_FIELDS, OWNERSHIP_TAG, OWNERSHIP_TOKEN, provider_input_names
from .values import get_path, normalize, project, set_path


def api_view(spec: ResourceSpec, obj: BaseModel) -> dict[str, Any]:
    """Telnyx's answer as plain data, passwords masked or revealed as Telnyx sent them, our
    ownership marks removed from the tags."""
    data: dict[str, Any] = obj.model_dump(mode="json", exclude_none=True)
    if spec.tags_field in data:
        data[spec.tags_field] = user_tags(data[spec.tags_field])
    return data


def known_password(actual: str | None, fallback: Any) -> Any:
    """Telnyx's password unless it is masked (or absent): then the one we already knew."""
    if actual is None or is_masked(actual):
        return fallback
    return actual


def build_outputs(
    spec: ResourceSpec,
    obj: BaseModel,
    managed: list[str],
    *,
    desired: dict[str, Any] | None,
    previous: dict[str, Any],
    inputs: dict[str, Any],
    tag: str | None,
) -> dict[str, Any]:
    """Outputs for ``obj``, as Telnyx answered.

    ``desired`` (create, update) gives managed paths their desired value; without it (read) they
    take Telnyx's actual value, except masked passwords, which keep the ``previous`` one.
    ``inputs`` supplies the provider inputs and the ownership token; ``tag`` is the exact mark
    the object carries (None when it was imported).
    """
    view = api_view(spec, obj)
    passwords = spec.fields.password_paths
    outs: dict[str, Any] = {}
    if desired is not None:
        outs.update(project(desired, managed))
    else:
        outs.update(project(view, [p for p in managed if p not in passwords]))
        for path in passwords:
            if path in managed:
                value = known_password(get_path(view, path), get_path(previous, path))
                if value is not None:
                    set_path(outs, path, value)
    for computed in spec.fields.computed:
        value = get_path(view, computed.path)
        if value is not None:
            outs[computed.name] = value
    for path in spec.fields.generated:
        if get_path(outs, path) is not None:
            continue
        # Not managed: Telnyx generated it. A generated password is revealed only in the
        # create answer, and kept after that.
        value = (
            known_password(get_path(view, path), get_path(previous, path))
            if path in passwords
            else get_path(view, path)
        )
        if value is not None:
            set_path(outs, path, value)
    outs[MANAGED_FIELDS] = list(managed)
    for key in provider_input_names(spec):
        value = normalize(inputs.get(key))
        if value is not None:
            outs[key] = value
    token = inputs.get(OWNERSHIP_TOKEN) or previous.get(OWNERSHIP_TOKEN)
    if token:
        outs[OWNERSHIP_TOKEN] = token
    if tag:
        outs[OWNERSHIP_TAG] = tag
    return outs
