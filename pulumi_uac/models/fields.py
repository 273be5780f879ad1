"""The models read as data: one :class:`FieldSpec` per field, nested objects included.

Everything that needs to know "which fields exist and what they are" reads it from here, so the
pydantic models stay the one source of truth: the provider's password paths, nested objects,
create-only values and computed outputs, the plugin's schema, and the tests that keep the
user-facing ``XxxArgs`` classes equal to the models.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union

from annotated_types import Ge, Gt, Le, MaxLen, MinLen, MultipleOf
from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo

from .docs import field_description
from .meta import Computed, Generated, Nullable

Kind = Literal["string", "integer", "number", "boolean", "array", "object", "map"]
"""``object``: a nested object of the API, with its own fields; ``map``: free-form keys chosen
by the user (an assistant's ``dynamic_variables``), a value replaced whole and whose keys are
data, never field names."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a request model, as the rest of the package needs to know it."""

    name: str
    path: str
    """Dotted path from the resource (``external_uac_settings.password``)."""
    kind: Kind
    owner: type[BaseModel]
    """The model that has the field (its description is read from there, on demand)."""
    required: bool = False
    enum: tuple[str, ...] = ()
    """The allowed values of a ``Literal`` field (empty when free)."""
    items: Kind | None = None
    """Element kind of an array."""
    secret: bool = False
    """A password: secret wherever it goes."""
    generated: bool = False
    """Telnyx generates a value when the request leaves it out."""
    nullable: bool = False
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    multiple_of: int | None = None
    model: type[BaseModel] | None = None
    """The nested object's model, for ``kind == "object"``."""
    fields: tuple[FieldSpec, ...] = ()
    """The nested object's fields."""

    @property
    def description(self) -> str:
        return field_description(self.owner, self.name)


@dataclass(frozen=True)
class OutputSpec:
    """A response-only field surfaced as a resource output."""

    name: str
    """Output name (a nested field may be surfaced under its own name)."""
    path: str
    """Where it lives in Telnyx's answer."""
    kind: Kind
    owner: type[BaseModel]
    field: str
    """The model and field it is read from (its description is that field's)."""
    items: Kind | None = None
    item_model: type[BaseModel] | None = None
    """The model of an array's elements, when they are objects."""

    @property
    def description(self) -> str:
        return field_description(self.owner, self.field)


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The bare type under ``Annotated`` and ``X | None``, with the metadata collected."""
    metadata: list[Any] = []
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            for item in extra:
                # Field(ge=..., ...) inside Annotated carries its constraints as metadata.
                metadata.extend(item.metadata if isinstance(item, FieldInfo) else [item])
            annotation = base
            continue
        stripped, was_optional = _strip_optional(annotation)
        if was_optional:
            annotation = stripped
            continue
        return annotation, metadata


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    if typing.get_origin(annotation) is Literal:
        return "string", tuple(str(v) for v in typing.get_args(annotation))
    if annotation is bool:
        return "boolean", ()
    if annotation is int:
        return "integer", ()
    if annotation is float:
        return "number", ()
    if annotation in (str, SecretStr):
        return "string", ()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "object", ()
    if typing.get_origin(annotation) is list:
        return "array", ()
    if typing.get_origin(annotation) is dict:
        return "map", ()
    raise TypeError(f"no field kind for {annotation!r}")


def _number(value: Any) -> float:
    """A limit as a number: an int where it is whole (``0..30``), else a float (``0.6..1.5``)."""
    number = float(value)
    return int(number) if number.is_integer() else number


def _spec(owner: type[BaseModel], name: str, prefix: str, info: FieldInfo) -> FieldSpec:
    path = f"{prefix}{name}"
    annotation, metadata = _unwrap(info.annotation)
    metadata.extend(info.metadata)
    kind, enum = _kind(annotation)
    items: Kind | None = None
    if kind == "array":
        (element,) = typing.get_args(annotation)
        element, more = _unwrap(element)
        metadata.extend(m for m in more if not isinstance(m, (MinLen, MaxLen)))
        items, _ = _kind(element)
    limits: dict[str, Any] = {
        "minimum": None,
        "maximum": None,
        "exclusive_minimum": None,
        "min_length": None,
        "max_length": None,
        "multiple_of": None,
    }
    for m in metadata:
        if isinstance(m, Ge):
            limits["minimum"] = _number(m.ge)
        elif isinstance(m, Gt):
            limits["exclusive_minimum"] = _number(m.gt)
        elif isinstance(m, Le):
            limits["maximum"] = _number(m.le)
        elif isinstance(m, MinLen):
            limits["min_length"] = m.min_length
        elif isinstance(m, MaxLen):
            limits["max_length"] = m.max_length
        elif isinstance(m, MultipleOf):
            limits["multiple_of"] = int(m.multiple_of)  # type: ignore[call-overload]
    model = annotation if kind == "object" else None
    return FieldSpec(
        name=name,
        path=path,
        kind=kind,
        owner=owner,
        required=info.is_required(),
        enum=enum,
        items=items,
        secret=annotation is SecretStr,
        generated=any(isinstance(m, Generated) for m in metadata),
        nullable=any(isinstance(m, Nullable) for m in metadata),
        model=model,
        fields=request_fields(model, prefix=f"{path}.") if model is not None else (),
        **limits,
    )


@functools.cache
def request_fields(model: type[BaseModel], prefix: str = "") -> tuple[FieldSpec, ...]:
    """Every field of a request model, in declaration order, nested objects expanded."""
    return tuple(_spec(model, name, prefix, info) for name, info in model.model_fields.items())


def walk(specs: tuple[FieldSpec, ...]) -> typing.Iterator[FieldSpec]:
    """Every field, depth first (nested objects before their fields)."""
    for spec in specs:
        yield spec
        yield from walk(spec.fields)


@functools.cache
def password_paths(model: type[BaseModel]) -> tuple[str, ...]:
    """Dotted paths of every password (``password``, ``external_uac_settings.password``)."""
    return tuple(s.path for s in walk(request_fields(model)) if s.secret)


@functools.cache
def nested_objects(model: type[BaseModel]) -> frozenset[str]:
    """Top-level fields that hold an object."""
    return frozenset(s.name for s in request_fields(model) if s.kind == "object")


@functools.cache
def create_only_values(
    create_model: type[BaseModel], update_model: type[BaseModel]
) -> dict[str, frozenset[str]]:
    """Values a create accepts and an update refuses (``webhook_api_version: texml``): moving
    an existing resource to one of them needs a new one."""
    create = {s.name: s for s in request_fields(create_model)}
    update = {s.name: s for s in request_fields(update_model)}
    out: dict[str, frozenset[str]] = {}
    for name, spec in create.items():
        other = update.get(name)
        if spec.enum and other is not None and other.enum:
            only = frozenset(spec.enum) - frozenset(other.enum)
            if only:
                out[name] = only
    return out


@functools.cache
def generated_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Settable fields Telnyx fills in when left out (``user_name``, ``password``,
    ``telephony_settings.default_texml_app_id``), by dotted path."""
    return tuple(s.path for s in walk(request_fields(model)) if s.generated)


def _output_specs(model: type[BaseModel], prefix: str) -> typing.Iterator[OutputSpec]:
    for name, info in model.model_fields.items():
        annotation, metadata = _unwrap(info.annotation)
        metadata.extend(info.metadata)
        marker = next((m for m in metadata if isinstance(m, Computed)), None)
        if marker is not None:
            kind, _ = _kind(annotation)
            items: Kind | None = None
            item_model: type[BaseModel] | None = None
            if kind == "array":
                (element,) = typing.get_args(annotation)
                element = _unwrap(element)[0]
                items, _ = _kind(element)
                if items == "object":
                    item_model = element
            yield OutputSpec(
                name=marker.name or name,
                path=f"{prefix}{name}",
                kind=kind,
                owner=model,
                field=name,
                items=items,
                item_model=item_model,
            )
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _output_specs(annotation, f"{prefix}{name}.")


@functools.cache
def computed_outputs(response_model: type[BaseModel]) -> tuple[OutputSpec, ...]:
    """Response-only fields surfaced as outputs (``fqdn``, ``registration_status``, ...)."""
    return tuple(_output_specs(response_model, ""))
