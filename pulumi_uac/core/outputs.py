"""The resource's outputs (what lands in the state), built from Telnyx's answer.

Outputs replace the old ones wholesale on every create, update and read, so they are always
rebuilt completely: managed fields, computed fields, generated credentials, the managed-path
list, the provider inputs and the ownership token and tag.
"""

from __future__ import annotations

from typing import Any

from ..models import UacConnection, is_masked
from .marks import user_tags
from .schema import (
    COMPUTED,
    MANAGED_FIELDS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    PASSWORD_PATHS,
    PROVIDER_INPUT_NAMES,
)
from .values import get_path, normalize, project, set_path


def api_view(conn: UacConnection) -> dict[str, Any]:
    """Telnyx's answer as plain data, passwords masked or revealed as Telnyx sent them, our
    ownership marks removed from ``tags``."""
    data: dict[str, Any] = conn.model_dump(mode="json", exclude_none=True)
    if "tags" in data:
        data["tags"] = user_tags(data["tags"])
    return data


def known_password(actual: str | None, fallback: Any) -> Any:
    """Telnyx's password unless it is masked (or absent): then the one we already knew."""
    if actual is None or is_masked(actual):
        return fallback
    return actual


def build_outputs(
    conn: UacConnection,
    managed: list[str],
    *,
    desired: dict[str, Any] | None,
    previous: dict[str, Any],
    inputs: dict[str, Any],
    tag: str | None,
) -> dict[str, Any]:
    """Outputs for ``conn``.

    ``desired`` (create, update) gives managed paths their desired value; without it (read) they
    take Telnyx's actual value, except masked passwords, which keep the ``previous`` one.
    ``inputs`` supplies the provider inputs and the ownership token; ``tag`` is the exact mark
    the connection carries (None when it was adopted or imported).
    """
    view = api_view(conn)
    outs: dict[str, Any] = {}
    if desired is not None:
        outs.update(project(desired, managed))
    else:
        outs.update(project(view, [p for p in managed if p not in PASSWORD_PATHS]))
        for path in PASSWORD_PATHS:
            if path in managed:
                value = known_password(get_path(view, path), get_path(previous, path))
                if value is not None:
                    set_path(outs, path, value)
    for spec in COMPUTED:
        value = get_path(view, spec.path)
        if value is not None:
            outs[spec.name] = value
    if "user_name" not in outs and view.get("user_name") is not None:
        outs["user_name"] = view["user_name"]
    if "password" not in outs:
        # Not managed: Telnyx generated it. Revealed only in the create answer; kept after that.
        generated = known_password(view.get("password"), previous.get("password"))
        if generated is not None:
            outs["password"] = generated
    outs[MANAGED_FIELDS] = list(managed)
    for key in PROVIDER_INPUT_NAMES:
        value = normalize(inputs.get(key))
        if value is not None:
            outs[key] = value
    token = inputs.get(OWNERSHIP_TOKEN) or previous.get(OWNERSHIP_TOKEN)
    if token:
        outs[OWNERSHIP_TOKEN] = token
    if tag:
        outs[OWNERSHIP_TAG] = tag
    return outs
