"""``diff``: what changed between the last known state (outputs) and the program's inputs.

Only managed paths are compared, so Telnyx's defaults and server-generated values never cause a
diff. Outputs hold, for managed paths, the last desired value (after ``up``) or Telnyx's actual
value (after ``refresh``), so drift shows up here and nowhere else. Passwords are write-only:
outputs keep the last desired password, never Telnyx's masked echo.

A path the program stops setting is simply no longer managed: Telnyx keeps its value, no API
call is made, and nothing shows as a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..models import ResourceSpec
from .marks import user_tags
from .properties import MISSING_MARKS, UNCONFIRMED_PASSWORDS, api_inputs, managed_paths
from .values import contains_unknown, get_path, is_unknown, normalize


@dataclass(frozen=True)
class PathChange:
    """One managed path whose value changes."""

    path: str
    kind: Literal["add", "update"]
    """``add`` when the state holds no value for it yet, ``update`` otherwise."""
    replace: bool = False
    """Telnyx cannot apply this change in place: the object must be replaced."""
    reason: str = ""
    """Why it replaces, in words (names the Telnyx rule)."""


@dataclass
class Diff:
    """The outcome of a diff."""

    changes: list[PathChange] = field(default_factory=list)
    provider_inputs: list[str] = field(default_factory=list)
    """Provider inputs that changed (recorded in the state without an API call)."""

    @property
    def any(self) -> bool:
        return bool(self.changes or self.provider_inputs)

    @property
    def paths(self) -> list[str]:
        return [c.path for c in self.changes]

    @property
    def replaces(self) -> list[str]:
        """Top-level properties whose change needs a new object."""
        return sorted({c.path.split(".", 1)[0] for c in self.changes if c.replace})


def comparable(spec: ResourceSpec, path: str, value: Any) -> Any:
    """A value as diff compares it: tags are a set (and never include our marks)."""
    value = normalize(value)
    if path == spec.tags_field and isinstance(value, list) and not contains_unknown(value):
        return sorted(str(v) for v in user_tags(value))
    return value


def _replace_reason(spec: ResourceSpec, path: str, old: Any, new: Any) -> str:
    values = spec.fields.create_only_values.get(path)
    if not values or is_unknown(new) or new not in values or old == new:
        return ""
    return (
        f"{path} becomes {new!r}, which Telnyx accepts only when a {spec.noun} is created, so "
        f"the {spec.noun} is replaced"
    )


def unconfirmed_passwords(spec: ResourceSpec, outputs: dict[str, Any]) -> list[str]:
    """The password paths crash recovery marked as possibly changed on Telnyx (only real
    password paths count, whatever the state holds)."""
    marked = outputs.get(UNCONFIRMED_PASSWORDS)
    if not isinstance(marked, list):
        return []
    return [p for p in spec.fields.password_paths if p in marked]


def compute_diff(spec: ResourceSpec, olds: dict[str, Any], news: dict[str, Any]) -> Diff:
    """Compare the state's outputs ``olds`` with the checked inputs ``news``."""
    new_api = api_inputs(spec, news)
    out = Diff()
    unconfirmed = set(unconfirmed_passwords(spec, olds))
    for path in managed_paths(spec, new_api):
        new = get_path(new_api, path)
        old = get_path(olds, path)
        same = not contains_unknown(new) and comparable(spec, path, new) == comparable(
            spec, path, old
        )
        if same and path not in unconfirmed:
            continue
        reason = _replace_reason(spec, path, normalize(old), new)
        out.changes.append(
            PathChange(
                path=path,
                kind="add" if old is None else "update",
                replace=bool(reason),
                reason=reason,
            )
        )
    if olds.get(MISSING_MARKS) and spec.tags_field not in out.paths:
        # The marks are desired state: a read found them gone, an update puts them back.
        out.changes.append(PathChange(path=spec.tags_field, kind="update"))
    for extra in spec.provider_inputs:
        # The resource's own provider inputs act on later writes: a change is recorded.
        if normalize(news.get(extra.name)) != normalize(olds.get(extra.name)):
            out.provider_inputs.append(extra.name)
    return out
