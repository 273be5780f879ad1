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

from ..models import ResourceSpec
from .extension import extension_for
from .marks import is_reserved, is_token, new_token
from .names import names_of
from .properties import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    OWNERSHIP_TOKEN,
    output_only,
    provider_input_names,
)
from .values import contains_unknown, is_unknown, normalize

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


UNCOVERED = (
    "is a Telnyx setting this provider does not cover yet (the README lists them): set it "
    "outside Pulumi; the value Telnyx holds is kept when the program changes the rest"
)


def check(spec: ResourceSpec, olds: dict[str, Any], news: dict[str, Any]) -> Checked:
    """Every rule ``news`` breaks (as far as it is known), and the inputs to use."""
    props = {k: normalize(v) for k, v in news.items() if not k.startswith("__")}
    failures: list[Failure] = []

    def fail(path: str, message: str) -> None:
        failures.append(Failure(path, f"{path} {message}"))

    unknown: set[Path] = set()
    api_fields = spec.fields.api_fields
    api = {k: v for k, v in props.items() if k in api_fields}
    known_api = _strip_unknowns(api, (), unknown)
    _params, problems = spec.validate_create(known_api)
    for p in problems:
        # A rule is judged only once everything it reads is known.
        if not any(_under_unknown(path, unknown) for path in (p.path, *p.involves)):
            if p.dotted in spec.uncovered:
                fail(p.dotted, UNCOVERED)
            else:
                fail(p.dotted, p.message)

    tags = props.get(spec.tags_field)
    if isinstance(tags, list) and not contains_unknown(tags):
        for i, tag in enumerate(tags):
            if isinstance(tag, str) and is_reserved(tag):
                fail(
                    f"{spec.tags_field}[{i}]",
                    "must not start with 'pulumi-uac:' or 'pulumi-uac-owner:': those tags are "
                    "the provider's ownership marks",
                )

    _check_map_keys(spec, props, fail)
    known = api_fields | provider_input_names(spec) | output_only(spec) | {OWNERSHIP_TOKEN}
    for key in props:
        if key in spec.uncovered:
            fail(key, UNCOVERED)
        elif key not in known:
            fail(key, f"is not an input of {spec.name} (check the spelling)")

    extension_for(spec).check(props, fail)
    _check_adoption(spec, props, fail)
    inputs = dict(news)
    inputs[OWNERSHIP_TOKEN] = _token(olds, news)
    return Checked(inputs, failures)


def _check_map_keys(spec: ResourceSpec, props: dict[str, Any], fail: Any) -> None:
    """The keys of a free-form map (an assistant's ``dynamic_variables``) are the user's data,
    passed as written. But Pulumi's Python SDK renames the resource's property names between
    snake_case and camelCase in every dict it serializes, at any depth, with no way to tell a
    map's key from a property: a key spelled like a property name (in either spelling) could
    reach Telnyx renamed, so it is refused, at any depth."""
    names = names_of(spec)
    taken = {k for k, v in names.to_camel.items() if k != v}
    taken |= {k for k, v in names.to_snake.items() if k != v}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                here = f"{path}.{key}"
                if isinstance(key, str) and key in taken:
                    pair = sorted({key, names.to_camel.get(key, key), names.to_snake.get(key, key)})
                    fail(
                        here,
                        f"is a key spelled like a property of {spec.name} ({' / '.join(pair)}), "
                        "which Pulumi renames between snake_case and camelCase on the way: it "
                        "could reach Telnyx renamed. Choose another name for this key",
                    )
                walk(item, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    for spec_field in spec.fields.request:
        if spec_field.kind == "map" and not is_unknown(props.get(spec_field.name)):
            walk(props.get(spec_field.name), spec_field.name)


def _check_adoption(spec: ResourceSpec, props: dict[str, Any], fail: Any) -> None:
    adopt_id = props.get(ADOPT_EXISTING_ID)
    by_name = props.get(ADOPT_EXISTING_BY_NAME)
    if (
        adopt_id is not None
        and not is_unknown(adopt_id)
        and (not isinstance(adopt_id, str) or not adopt_id.strip())
    ):
        fail(ADOPT_EXISTING_ID, f"must be the id of an existing {spec.noun}")
    if by_name is not None and not is_unknown(by_name) and not isinstance(by_name, bool):
        fail(ADOPT_EXISTING_BY_NAME, "must be true or false")
    if adopt_id and by_name is True:
        fail(
            ADOPT_EXISTING_ID,
            "and adopt_existing_by_name cannot both be set: adopt by id or by name, not both",
        )
