"""``check``: the API's own rules (from the models) plus the provider inputs' rules, applied to
the program's inputs before any API call, every failure reported at once and named by field.

Values not yet known during a preview are skipped: a rule is checked once its value is known.
Failures never carry an input value, and never name an engine property: the engine prints the
value of a named property (secrets and 10,000-character strings alike), so the dotted path goes
in the reason instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import validate_create
from .marks import is_reserved, is_token, new_token
from .schema import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    API_FIELDS,
    OUTPUT_ONLY,
    OWNERSHIP_TOKEN,
    PROVIDER_INPUT_NAMES,
    WAIT_FOR_REGISTRATION,
)
from .values import contains_unknown, is_unknown, normalize

MAX_WAIT_FOR_REGISTRATION = 3600.0

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Failure:
    """One broken rule: the dotted path, and a sentence that starts with it and names the rule."""

    path: str
    reason: str


@dataclass
class Checked:
    """The outcome of ``check``: the inputs to use (the program's, plus the ownership token)
    and every failure."""

    inputs: dict[str, Any]
    failures: list[Failure] = field(default_factory=list)


def _strip_unknowns(value: Any, path: Path, unknown: set[Path]) -> Any:
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


def _under_unknown(path: Path, unknown: set[Path]) -> bool:
    return any(path[: len(u)] == u or u[: len(path)] == path for u in unknown)


def _token(olds: dict[str, Any], news: dict[str, Any]) -> str:
    """The resource's ownership token: the one it already has, else a new one."""
    for source in (olds, news):
        token = source.get(OWNERSHIP_TOKEN)
        if is_token(token):
            return str(token)
    return new_token()


def check(olds: dict[str, Any], news: dict[str, Any]) -> Checked:
    """Every rule ``news`` breaks (as far as it is known), and the inputs to use."""
    props = {k: normalize(v) for k, v in news.items() if not k.startswith("__")}
    failures: list[Failure] = []

    def fail(path: str, message: str) -> None:
        failures.append(Failure(path, f"{path} {message}"))

    unknown: set[Path] = set()
    api = {k: v for k, v in props.items() if k in API_FIELDS}
    known_api = _strip_unknowns(api, (), unknown)
    _params, problems = validate_create(known_api)
    for p in problems:
        # A rule is judged only once everything it reads is known.
        if not any(_under_unknown(path, unknown) for path in (p.path, *p.involves)):
            fail(p.dotted, p.message)

    tags = props.get("tags")
    if isinstance(tags, list) and not contains_unknown(tags):
        for i, tag in enumerate(tags):
            if isinstance(tag, str) and is_reserved(tag):
                fail(
                    f"tags[{i}]",
                    "must not start with 'pulumi-uac:' or 'pulumi-uac-owner:': those tags are "
                    "the provider's ownership marks",
                )

    for key in props:
        if key not in API_FIELDS | PROVIDER_INPUT_NAMES | OUTPUT_ONLY | {OWNERSHIP_TOKEN}:
            fail(key, "is not an input of UacConnection (check the spelling)")

    _check_wait(props, fail)
    _check_adoption(props, fail)
    inputs = dict(news)
    inputs[OWNERSHIP_TOKEN] = _token(olds, news)
    return Checked(inputs, failures)


def _check_wait(props: dict[str, Any], fail: Any) -> None:
    wait = props.get(WAIT_FOR_REGISTRATION)
    if wait is None or is_unknown(wait):
        return
    if isinstance(wait, bool) or not isinstance(wait, (int, float)):
        fail(WAIT_FOR_REGISTRATION, "must be a number of seconds (0 turns waiting off)")
    elif not 0 <= wait <= MAX_WAIT_FOR_REGISTRATION:
        fail(
            WAIT_FOR_REGISTRATION,
            f"must be between 0 and {MAX_WAIT_FOR_REGISTRATION:g} seconds",
        )
    elif wait > 0:
        if props.get("active") is False:
            fail(
                WAIT_FOR_REGISTRATION,
                "needs active to be true: Telnyx does not register an inactive connection",
            )
        ext = props.get("external_uac_settings")
        if is_unknown(ext):
            return
        ext = ext if isinstance(ext, dict) else {}
        missing = [k for k in ("proxy", "username", "password") if ext.get(k) is None]
        if missing:
            fail(
                WAIT_FOR_REGISTRATION,
                "needs external_uac_settings with proxy, username and password (missing: "
                + ", ".join(missing)
                + "): without them Telnyx never registers",
            )


def _check_adoption(props: dict[str, Any], fail: Any) -> None:
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
