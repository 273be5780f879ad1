"""Components the plugin builds (``construct``) for programs that cannot run this package's
Python: Pulumi YAML, and any language that reads the schema.

The plugin knows a component only by its :class:`Component`: its token, how it adds itself to
the schema, and a function that builds it from a program's inputs. The components themselves
live with the classes they compose (:mod:`pulumi_uac.native.components`), which the plugin's
entry point passes in, so this layer never imports the one above it.

In, every ``PropertyValue`` becomes what a Python program would have passed: a secret, an
unknown or a value that depends on other resources becomes an ``Output`` that is so, and a
resource is a :class:`Reference`. Out, the component's outputs are awaited and become
``PropertyValue``s again, unknown at preview where they are, secret where they are.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.output import Unknown
from pulumi.provider.experimental.property_value import (
    Computed,
    PropertyValue,
    ResourceReference,
)
from pulumi.resource import DependencyResource
from pulumi.runtime import rpc


@dataclass(frozen=True)
class Reference:
    """A resource given as a component's input (``${assistant}`` in YAML)."""

    token: str
    """Its type token, e.g. ``telnyx:index:AiAssistant``."""
    urn: str
    id: pulumi.Output[str]
    """Its id; depends on the resource, so whatever is built from it is created after it and
    deleted before it."""


Build = Callable[
    [str, dict[str, Any], pulumi.ResourceOptions], tuple[pulumi.Resource, Mapping[str, Any]]
]
"""``(name, inputs, options) -> (component, outputs)``: builds the component (its children
register as it does) and returns it with its outputs by schema name."""


@dataclass(frozen=True)
class Component:
    """One component the plugin can construct."""

    token: str
    add_to_schema: Callable[[dict[str, Any]], None]
    """Adds the component's resource entry and types to the package schema (which holds every
    custom resource already, for it to refer to)."""
    build: Build


def _settled(value: Any) -> asyncio.Future[Any]:
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    future.set_result(value)
    return future


def _output(value: Any, *, known: bool, secret: bool, urns: Iterable[str]) -> pulumi.Output[Any]:
    resources: set[pulumi.Resource] = {DependencyResource(urn) for urn in urns}
    return pulumi.Output(resources, _settled(value), _settled(known), _settled(secret))


def _type_of(urn: str) -> str:
    # urn:pulumi:<stack>::<project>::<parent types $-joined>$<type>::<name>
    return urn.split("::")[2].split("$")[-1]


def to_input(value: PropertyValue, secret: bool = False, urns: frozenset[str] = frozenset()) -> Any:
    """``value`` as a Python program would have given it.

    A map or a list stays one (a component iterates over what it was given), so its secrecy and
    dependencies go to every value inside it: the engine names a top-level input's
    dependencies on the input as a whole, and which nested value they came from is not said
    (an interpolated string such as ``1006@${desk.id}...`` carries none of its own). Every
    value inside thus depends on all of them: more order than needed, never less. Only a map or
    list that is not known yet becomes an unknown ``Output``.
    """
    inner = value.value
    secret = secret or value.is_secret
    if isinstance(inner, (Mapping, list, tuple)):
        # What the values inside already name, they keep; only the rest goes to all of them.
        urns = urns | (value.dependencies - _inner_urns(value))
    else:
        urns = urns | value.dependencies
    if isinstance(inner, Computed) or (isinstance(inner, str) and inner == rpc.UNKNOWN):
        return _output(None, known=False, secret=secret, urns=urns)
    if isinstance(inner, Mapping):
        return {k: to_input(v, secret, urns) for k, v in inner.items()}
    if isinstance(inner, (list, tuple)):
        return [to_input(v, secret, urns) for v in inner]
    if isinstance(inner, ResourceReference):
        # Its id depends on it; nothing about a reference is secret.
        return _reference(inner)
    plain: Any = inner
    if isinstance(inner, float) and inner.is_integer():
        plain = int(inner)
    if secret or urns:
        return _output(plain, known=True, secret=secret, urns=urns)
    return plain


def _inner_urns(value: PropertyValue) -> frozenset[str]:
    """The dependencies the values inside ``value`` carry themselves (output values)."""
    inner = value.value
    children: list[PropertyValue] = []
    if isinstance(inner, Mapping):
        children = list(inner.values())
    elif isinstance(inner, (list, tuple)):
        children = list(inner)
    found: set[str] = set()
    for child in children:
        found |= child.dependencies | _inner_urns(child)
    return frozenset(found)


def _reference(ref: ResourceReference) -> Reference:
    given = ref.resource_id.value if ref.resource_id is not None else None
    # At preview a resource that is still to be created has no id yet.
    known = isinstance(given, str) and given not in ("", rpc.UNKNOWN)
    resource_id = _output(given if known else None, known=known, secret=False, urns=[ref.urn])
    return Reference(_type_of(ref.urn), ref.urn, resource_id)


def to_inputs(values: Mapping[str, PropertyValue]) -> dict[str, Any]:
    return {k: to_input(v) for k, v in values.items()}


async def to_value(value: Any) -> PropertyValue:
    """An output of a component (a plain value or an ``Output``, nested or not) as a
    ``PropertyValue``."""
    output = pulumi.Output.from_input(value)
    known, secret = await output.is_known(), await output.is_secret()
    resolved = await output.future(with_unknowns=True)
    urns = {await r.urn.future() for r in await output.resources()}
    plain = _plain(resolved) if known else _UNKNOWN
    return PropertyValue(plain.value, is_secret=secret, dependencies={u for u in urns if u})


_UNKNOWN = PropertyValue(rpc.UNKNOWN)
"""An unknown on its way out: the protocol in our pin carries the engine's sentinel string, not
``Computed``."""


def _plain(value: Any) -> PropertyValue:
    if isinstance(value, Unknown):
        return _UNKNOWN
    if isinstance(value, Mapping):
        return PropertyValue({str(k): _plain(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return PropertyValue([_plain(v) for v in value])
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return PropertyValue(value)
    if isinstance(value, (int, float)):
        return PropertyValue(float(value))
    return PropertyValue(str(value))
