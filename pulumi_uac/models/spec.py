"""What a Telnyx resource is, as data: one :class:`ResourceSpec` per resource.

Everything in which Telnyx's resources differ (the path, the answer's envelope, the update
method, the list's filter, the name field, how ownership marks travel, idempotency) is a value
here, and every layer that serves resources (client, core, plugin, schema, recovery, emulator)
reads it instead of naming a resource. The field sets the core works with are derived from the
spec's models once (:class:`FieldSet`), so the models stay the one source of truth.

Nothing here imports Pulumi.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from .common import RequestModel
from .fields import (
    FieldSpec,
    OutputSpec,
    computed_outputs,
    create_only_values,
    generated_fields,
    nested_objects,
    password_paths,
    request_fields,
    walk,
)
from .validation import Problem, validate

Rules = Callable[[Any, "dict[str, dict[str, Any]] | None"], list[Problem]]
"""A resource's cross-field rules: the validated request and, for an update that merges
nested objects, the nested objects as stored; the problems found."""


def _no_rules(_params: Any, _stored: dict[str, dict[str, Any]] | None) -> list[Problem]:
    return []


MarkStrategy = Literal["at_create", "after_create"]
"""How a create's ownership mark reaches Telnyx: in the create request's tags (exact, atomic),
or written right after a create whose request cannot carry tags (a lost answer is then found by
exact name and creation time: a heuristic, and reported as one)."""


@dataclass(frozen=True)
class Api:
    """How the REST API of one resource is shaped."""

    path: str
    """Collection path under ``/v2`` (``uac_connections``)."""
    update_method: Literal["PATCH", "POST"] = "PATCH"
    enveloped: bool = True
    """Single answers are wrapped in ``{"data": ...}``."""
    paginated: bool = True
    """The list answers in pages described by ``meta``."""
    name_filter: str | None = None
    """Query parameter of the list's substring filter on the name, if there is one."""
    name_filter_min: int = 0
    """The filter's shortest accepted value; shorter names are matched by scanning."""
    delete_query: tuple[tuple[str, str], ...] = ()
    """Query parameters every delete carries (a hard delete where deletes are soft)."""
    create_excludes: tuple[str, ...] = ()
    """Fields a program sets that the create request cannot carry: an update right after the
    create writes them (a Call Control application's ``tags``)."""
    update_requires: tuple[str, ...] = ()
    """Fields every update must carry, changed or not (an outbound voice profile's ``name``)."""
    idempotency_header: str | None = None
    """Request header of the create's idempotency key, where the API has one: the key is made
    from the create's ownership mark (unique per create, never the bare token, which a
    replacement keeps)."""
    tag_endpoint: bool = False
    """An update that changes only tags goes through ``/<path>/{id}/tags`` (add one, remove
    one) instead: an update of an AI Assistant may mint a version, an ownership mark must not."""


@dataclass(frozen=True)
class ProviderInput:
    """An input that steers the provider and is never sent to Telnyx."""

    name: str
    kind: Literal["number", "string", "boolean"]
    description: str
    create_only: bool = False
    """Read only when the resource is created; changing it later does nothing."""


@dataclass(frozen=True)
class Reference:
    """An input that holds the id of an object of another resource: the emulator counts the
    object's users by it (an object in use cannot be deleted where its resource says so), and
    the docs name the dependency."""

    path: str
    """The dotted input path that holds the id (``outbound.outbound_voice_profile_id``)."""
    resource: str
    """The type name of the resource it names (``OutboundVoiceProfile``)."""


@dataclass(frozen=True)
class Docs:
    """What the user-facing docs of a resource say (its class docstrings, the README)."""

    summary: str
    """One paragraph: what the resource is, for whom."""
    example: str = ""
    """A Python program using it, dynamic form (``from pulumi_uac import ...``)."""
    notes: str = ""
    """Further paragraphs of the dynamic class's docstring (secrets, import, ownership)."""


@dataclass(frozen=True)
class Examples:
    """Example inputs (the API's snake_case names), for the tests every resource gets by being
    registered: ``minimal`` sets only what is required, ``full`` sets every field the models
    type. Names are prefixes: a test makes them unique."""

    minimal: dict[str, Any]
    full: dict[str, Any]
    update: dict[str, Any]
    """A change that updates in place (no replacement), applied over ``minimal``."""


@dataclass(frozen=True)
class ResourceSpec:
    """One Telnyx resource, as every layer needs to know it."""

    name: str
    """The resource's Pulumi type name (``UacConnection``)."""
    noun: str
    """How messages name one of them (``UAC connection``)."""
    create_model: type[RequestModel]
    update_model: type[RequestModel]
    response_model: type[BaseModel]
    name_field: str
    """The field that names one (``connection_name``): adoption by name and lookups use it."""
    api: Api
    marks: MarkStrategy = "at_create"
    tags_field: str = "tags"
    """The field that carries the ownership marks beside the user's own tags."""
    rules: Rules = _no_rules
    provider_inputs: tuple[ProviderInput, ...] = ()
    """Inputs of this resource only (beyond the adoption inputs every resource has)."""
    extension: str = ""
    """The module of :mod:`pulumi_uac.core` that holds the resource's own behaviour, if any."""
    lookup: str = ""
    """The native lookup function's name (``getUacConnection``); derived when empty."""
    uncovered: tuple[str, ...] = ()
    """Dotted paths the official SDK can set and the models do not cover yet. A program cannot
    set them; an object sent whole carries Telnyx's values of the nested ones back unchanged
    (so a field set elsewhere survives a change of its sibling), and the emulator accepts them."""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    """Per-resource values that only the resource's own files read."""
    docs: Docs = field(default=Docs(""), compare=False, hash=False)
    references: tuple[Reference, ...] = ()
    """Inputs that name an object of another resource by its id."""
    examples: Examples | None = field(default=None, compare=False, hash=False)
    dynamic_provider: str = ""
    """``module:Class`` of the dynamic provider class that existing stacks recorded by
    reference (pickled by module and name, so it must never move). Empty for a resource added
    later: its provider is the generic one, recorded with the resource's name."""

    @property
    def native_type(self) -> str:
        return f"telnyx:index:{self.name}"

    @property
    def dynamic_type(self) -> str:
        return f"pulumi-python:dynamic/telnyx:{self.name}"

    @property
    def lookup_name(self) -> str:
        return self.lookup or f"get{self.name}"

    @property
    def fields(self) -> FieldSet:
        return _field_set(self)

    def validate_create(self, data: Any) -> tuple[Any, list[Problem]]:
        """Every problem with a create body, field rules and cross-field rules together."""
        params, problems = validate(self.create_model, data)
        if params is not None:
            problems = self.rules(params, None)
        return params, problems

    def validate_update(
        self, data: Any, stored: dict[str, dict[str, Any]] | None = None
    ) -> tuple[Any, list[Problem]]:
        """Every problem with an update body (``stored``: the nested objects as stored, for an
        update that merges them)."""
        params, problems = validate(self.update_model, data)
        if params is not None:
            problems = self.rules(params, stored)
        return params, problems


@dataclass(frozen=True)
class FieldSet:
    """A spec's fields as the core works with them, derived from its models."""

    request: tuple[FieldSpec, ...]
    """Every settable field (the create model's), nested objects expanded."""
    api_fields: frozenset[str]
    nested: frozenset[str]
    """Top-level fields that hold an object."""
    password_paths: tuple[str, ...]
    """Write-only fields: Telnyx masks them, so they are compared with the last desired value."""
    secret_roots: frozenset[str]
    """Top-level properties that hold a password (wholly, or inside a nested object)."""
    create_only_values: dict[str, frozenset[str]]
    generated: tuple[str, ...]
    """Settable fields Telnyx fills in when the program leaves them out: always outputs."""
    computed: tuple[OutputSpec, ...]

    @property
    def computed_names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.computed)

    def walk(self) -> list[FieldSpec]:
        return list(walk(self.request))


@functools.cache
def _field_set(spec: ResourceSpec) -> FieldSet:
    request = request_fields(spec.create_model)
    passwords = password_paths(spec.create_model)
    return FieldSet(
        request=request,
        api_fields=frozenset(s.name for s in request),
        nested=nested_objects(spec.create_model),
        password_paths=passwords,
        secret_roots=frozenset(p.split(".")[0] for p in passwords),
        create_only_values=create_only_values(spec.create_model, spec.update_model),
        generated=generated_fields(spec.create_model),
        computed=computed_outputs(spec.response_model),
    )
