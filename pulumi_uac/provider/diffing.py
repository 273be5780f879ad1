"""``diff``: what changed between the last known state (outputs) and the program's inputs.

Only managed fields are compared, so Telnyx's defaults and server-generated values never cause a
diff. Outputs hold, for managed fields, the last desired value (after ``up``) or Telnyx's actual
value (after ``refresh``), so drift shows up here and nowhere else. Passwords are write-only:
outputs keep the last desired password, never Telnyx's masked echo, so the comparison is always
desired against last desired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .fields import (
    MANAGED_FIELDS,
    WAIT_FOR_REGISTRATION,
    api_inputs,
    comparable,
    contains_unknown,
    get_path,
    managed_paths,
    normalize,
)

# Telnyx accepts webhook_api_version "texml" only when creating a connection.
CREATE_ONLY_VALUES: dict[str, Any] = {"webhook_api_version": "texml"}


@dataclass
class Changes:
    """The outcome of a diff."""

    paths: list[str] = field(default_factory=list)
    """Managed paths whose value changed, was added or is no longer managed."""
    provider_inputs: list[str] = field(default_factory=list)
    """Provider inputs that changed (recorded without an API call)."""
    replaces: list[str] = field(default_factory=list)
    """Top-level properties whose change Telnyx cannot apply in place."""

    @property
    def any(self) -> bool:
        return bool(self.paths or self.provider_inputs)


def old_managed(olds: dict[str, Any]) -> list[str]:
    """The managed paths recorded in the outputs by the last create, update or read."""
    return [str(p) for p in olds.get(MANAGED_FIELDS) or []]


def compute_changes(olds: dict[str, Any], news: dict[str, Any]) -> Changes:
    new_api = api_inputs(news)
    new_paths = managed_paths(new_api)
    previous = set(old_managed(olds))
    out = Changes()
    for path in new_paths:
        new = get_path(new_api, path)
        old = get_path(olds, path)
        if contains_unknown(new) or comparable(path, new) != comparable(path, old):
            out.paths.append(path)
    out.paths.extend(sorted(previous - set(new_paths)))
    if normalize(news.get(WAIT_FOR_REGISTRATION)) != normalize(olds.get(WAIT_FOR_REGISTRATION)):
        out.provider_inputs.append(WAIT_FOR_REGISTRATION)
    for key, value in CREATE_ONLY_VALUES.items():
        if key in out.paths and new_api.get(key) == value and olds.get(key) != value:
            out.replaces.append(key)
    return out
