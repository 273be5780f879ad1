"""Building the resource's outputs (what lands in state) from Telnyx's answer.

Outputs replace the old ones wholesale on every create, update and read, so they are always
rebuilt completely: managed fields, computed fields, the managed-field list and the provider
inputs.
"""

from __future__ import annotations

from typing import Any

from ..models import UacConnection, is_masked
from .fields import (
    MANAGED_FIELDS,
    PASSWORD_PATHS,
    PROVIDER_INPUTS,
    get_path,
    normalize,
    project,
    set_path,
    user_tags,
)


def api_view(conn: UacConnection) -> dict[str, Any]:
    """Telnyx's answer as plain data, passwords still masked or revealed as Telnyx sent them,
    our ownership tag removed from ``tags``."""
    data: dict[str, Any] = conn.model_dump(mode="json", exclude_none=True)
    if "tags" in data:
        data["tags"] = user_tags(data["tags"])
    return data


def _password(actual: str | None, fallback: Any) -> Any:
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
    provider_inputs: dict[str, Any],
) -> dict[str, Any]:
    """Outputs for ``conn``.

    ``desired`` (create, update) gives managed fields their desired value; without it (read)
    they take Telnyx's actual value, except masked passwords, which keep the ``previous`` one.
    """
    view = api_view(conn)
    outs: dict[str, Any] = {}
    if desired is not None:
        outs.update(project(desired, managed))
    else:
        outs.update(project(view, managed))
        for path in PASSWORD_PATHS:
            if path in managed:
                value = _password(get_path(view, path), get_path(previous, path))
                if value is not None:
                    set_path(outs, path, value)
    inbound = view.get("inbound") or {}
    computed = {
        "fqdn": view.get("fqdn"),
        "fqdns": view.get("fqdns"),
        "registration_status": view.get("registration_status"),
        "registration_status_updated_at": view.get("registration_status_updated_at"),
        "created_at": view.get("created_at"),
        "updated_at": view.get("updated_at"),
        "sip_subdomain": inbound.get("sip_subdomain"),
        "user_name": view.get("user_name"),
    }
    for key, value in computed.items():
        if key not in outs and value is not None:
            outs[key] = value
    if "password" not in outs:
        # Not managed: Telnyx generated it. Revealed only in the create answer; kept after that.
        generated = _password(view.get("password"), previous.get("password"))
        if generated is not None:
            outs["password"] = generated
    outs[MANAGED_FIELDS] = list(managed)
    for key in PROVIDER_INPUTS:
        value = normalize(provider_inputs.get(key))
        if value is not None:
            outs[key] = value
    return outs
