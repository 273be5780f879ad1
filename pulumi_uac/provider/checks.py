"""``check``: the API's own rules (from the models) plus the provider inputs' rules, applied to
the program's inputs before any API call, every failure reported at once and named by field.

Values not yet known during a preview are skipped: a rule is checked once its value is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import validate_create
from .fields import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    API_FIELDS,
    COMPUTED_OUTPUTS,
    MANAGED_FIELDS,
    OWNERSHIP_TAG,
    PROVIDER_INPUTS,
    WAIT_FOR_REGISTRATION,
    contains_unknown,
    is_unknown,
    normalize,
)

MAX_WAIT_FOR_REGISTRATION = 3600.0


@dataclass(frozen=True)
class Failure:
    """One check failure: the property path and a sentence saying which rule it breaks."""

    property: str
    reason: str


def _strip_unknowns(
    value: Any, path: tuple[str | int, ...], unknown: set[tuple[str | int, ...]]
) -> Any:
    if is_unknown(value):
        unknown.add(path)
        return None
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            stripped = _strip_unknowns(v, (*path, k), unknown)
            if stripped is not None:
                out[k] = stripped
        return out
    if isinstance(value, list):
        # Dropping one element would shift the indexes of the others in error paths, so a list
        # with any unknown element is unknown as a whole.
        if contains_unknown(value):
            unknown.add(path)
            return None
        return value
    return value


def _under_unknown(path: tuple[str | int, ...], unknown: set[tuple[str | int, ...]]) -> bool:
    return any(path[: len(u)] == u or u[: len(path)] == path for u in unknown)


def check_inputs(news: dict[str, Any]) -> list[Failure]:
    """Every rule the inputs break (empty when they are valid, as far as they are known)."""
    props = {k: normalize(v) for k, v in news.items() if not k.startswith("__")}
    failures: list[Failure] = []

    def fail(path: str, message: str) -> None:
        failures.append(Failure(path, f"{path} {message}"))

    unknown: set[tuple[str | int, ...]] = set()
    api = {k: v for k, v in props.items() if k in API_FIELDS}
    known_api = _strip_unknowns(api, (), unknown)
    _params, problems = validate_create(known_api)
    for p in problems:
        if _under_unknown(p.path, unknown):
            continue
        fail(p.dotted, p.message)

    for key in props:
        if (
            key not in API_FIELDS
            and key not in PROVIDER_INPUTS
            and key != MANAGED_FIELDS
            and key not in COMPUTED_OUTPUTS
        ):
            fail(key, "is not an input of UacConnection (check the spelling)")

    wait = props.get(WAIT_FOR_REGISTRATION)
    if wait is not None and not is_unknown(wait):
        if isinstance(wait, bool) or not isinstance(wait, (int, float)):
            fail(WAIT_FOR_REGISTRATION, "must be a number of seconds (0 turns waiting off)")
        elif not 0 <= wait <= MAX_WAIT_FOR_REGISTRATION:
            fail(
                WAIT_FOR_REGISTRATION,
                f"must be between 0 and {MAX_WAIT_FOR_REGISTRATION:g} seconds",
            )
        elif wait > 0:
            ext = props.get("external_uac_settings")
            if not is_unknown(ext):
                ext = ext if isinstance(ext, dict) else {}
                missing = [k for k in ("proxy", "username", "password") if ext.get(k) is None]
                if missing:
                    fail(
                        WAIT_FOR_REGISTRATION,
                        "needs external_uac_settings with proxy, username and password (missing: "
                        + ", ".join(missing)
                        + "): without them Telnyx never registers",
                    )

    adopt_id = props.get(ADOPT_EXISTING_ID)
    by_name = props.get(ADOPT_EXISTING_BY_NAME)
    if (
        adopt_id is not None
        and not is_unknown(adopt_id)
        and (not isinstance(adopt_id, str) or not adopt_id.strip())
    ):
        fail(ADOPT_EXISTING_ID, "must be the id of an existing UAC connection")
    if by_name is not None and not is_unknown(by_name) and not isinstance(by_name, bool):
        fail(ADOPT_EXISTING_BY_NAME, "must be true or false")
    if adopt_id and by_name is True:
        fail(
            ADOPT_EXISTING_ID,
            "and adopt_existing_by_name cannot both be set: adopt by id or by name, not both",
        )
    tag = props.get(OWNERSHIP_TAG)
    if tag is not None and not is_unknown(tag) and not isinstance(tag, str):
        fail(OWNERSHIP_TAG, "must be a string")
    return failures
