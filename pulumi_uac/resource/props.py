"""From a resource's Args to the properties it registers, passwords made secret.

A password (any of the spec's password paths) is a secret whatever form carries it: a plain
string, an ``Output``, a secret ``Output``; at the top level, inside an input type
(``ExternalUacSettingsArgs``) or a plain dict, or inside an ``Output`` of either. Wrapped here,
it is encrypted in the stored inputs, and the engine marks the same keys secret in the outputs.
When a nested object arrives as an ``Output`` its value is not known until it resolves, so the
whole object becomes secret: more secret than needed, never less.
"""

from __future__ import annotations

import difflib
import functools
import inspect
from collections.abc import Mapping
from typing import Any, TypeVar

import pulumi
from pulumi.runtime.config import get_config, is_config_secret

from ..core.names import Names, names_of
from ..core.properties import output_only
from ..core.session import API_KEY_CONFIG
from ..models import ResourceSpec
from .errors import InputTypeError
from .input_types import args_dict, is_args

A = TypeVar("A")


@functools.cache
def _passwords(spec: ResourceSpec) -> tuple[frozenset[str], dict[str, list[str]]]:
    """The spec's top-level passwords, and its nested ones by the object that holds them (the
    same for every resource of the spec: worked out once; callers never change it)."""
    nested: dict[str, list[str]] = {}
    for path in spec.fields.password_paths:
        if "." in path:
            root, leaf = path.split(".", 1)
            nested.setdefault(root, []).append(leaf)
    return frozenset(p for p in spec.fields.password_paths if "." not in p), nested


def _secret(value: Any) -> Any:
    return None if value is None else pulumi.Output.secret(value)


def _plain_with_secrets(value: Any, leaves: list[str]) -> Any:
    """A nested object (input type or mapping) as a dict, its password leaves made secret."""
    if value is None:
        return None
    if not (is_args(value) or isinstance(value, Mapping)):
        return value  # not an object: check reports it, by name, at preview time
    plain = args_dict(value)
    for leaf in leaves:
        if plain.get(leaf) is not None:
            plain[leaf] = _secret(plain[leaf])
    return plain


def secret_passwords(spec: ResourceSpec, root: str, value: Any) -> Any:
    """``value`` of property ``root`` with every password inside it made secret."""
    top, nested = _passwords(spec)
    if root in top:
        return _secret(value)
    leaves = nested.get(root)
    if leaves is None or value is None:
        return value
    if isinstance(value, pulumi.Output):
        return pulumi.Output.from_input(value).apply(
            lambda resolved: pulumi.Output.from_input(_plain_with_secrets(resolved, leaves))
        )
    return _plain_with_secrets(value, leaves)


def wire_names(spec: ResourceSpec) -> Names:
    """The two spellings of ``spec``'s property names: Python's snake_case and the plugin's
    camelCase (:mod:`pulumi_uac.core.names`)."""
    return names_of(spec)


def args_from(
    spec: ResourceSpec,
    args_type: type[A],
    args: A | None,
    kwargs: dict[str, Any],
    resource_name: str = "",
) -> A:
    """The Args of a resource constructor called either as ``(name, args, opts)`` or with
    keyword arguments, the way generated Pulumi SDKs accept both; a mistake is refused naming
    the resource and the input (:class:`InputTypeError`)."""
    subject = f"{spec.name} {resource_name!r}"
    if args is None:
        known = _parameters(args_type)
        for key in kwargs:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise InputTypeError(
                    f"{subject}: {key!r} is not an input of {spec.name}{hint}; its inputs are "
                    f"{', '.join(known)}"
                )
        for name in _required(spec):
            if name not in kwargs:
                raise InputTypeError(f"{subject}: missing required property '{name}'")
        return args_type(**kwargs)
    if kwargs:
        raise InputTypeError(
            f"{subject}: pass either args={args_type.__name__}(...) or keyword arguments, not both"
        )
    return args


_PARAMETERS: dict[type[Any], tuple[str, ...]] = {}


def _parameters(args_type: type[Any]) -> tuple[str, ...]:
    """The keyword arguments an Args class takes, in order (read once per class:
    ``inspect.signature`` is a tenth of a millisecond, per resource otherwise)."""
    found = _PARAMETERS.get(args_type)
    if found is None:
        params = inspect.signature(args_type).parameters
        found = _PARAMETERS[args_type] = tuple(p for p in params if p != "self")
    return found


@functools.cache
def _required(spec: ResourceSpec) -> tuple[str, ...]:
    return tuple(field.name for field in spec.fields.request if field.required)


_SEEDED: dict[tuple[type[Any], ResourceSpec], tuple[str, ...]] = {}


def _seeded(args_type: type[Any], spec: ResourceSpec) -> tuple[str, ...]:
    """Every property a resource of ``spec`` registers, inputs and outputs (once per class)."""
    found = _SEEDED.get((args_type, spec))
    if found is None:
        names = pulumi._types.input_type_py_to_pulumi_names(args_type)
        found = tuple(dict.fromkeys([*names, *output_only(spec)]))
        _SEEDED[(args_type, spec)] = found
    return found


def registered_props(spec: ResourceSpec, args: Any) -> dict[str, Any]:
    """The properties to register for ``args``: every set field, passwords secret."""
    props = args_dict(args)
    top, nested = _passwords(spec)
    for root in top | nested.keys():
        if props.get(root) is not None:
            props[root] = secret_passwords(spec, root, props[root])
    return props


def resource_props(spec: ResourceSpec, args: Any) -> dict[str, Any]:
    """Every input of ``args`` (passwords secret), with each output key seeded so that it
    becomes an attribute of the resource."""
    props: dict[str, Any] = dict.fromkeys(_seeded(type(args), spec))
    props.update(registered_props(spec, args))
    return props


_WARNED: set[str] = set()


def warn_if_plain_api_key() -> None:
    """A ``telnyx:apiKey`` set without ``--secret`` is stored in plain text (in the stack file
    and the state's provider inputs): say so once per program run."""
    if API_KEY_CONFIG in _WARNED:
        return
    _WARNED.add(API_KEY_CONFIG)
    if get_config(API_KEY_CONFIG) and not is_config_secret(API_KEY_CONFIG):
        pulumi.log.warn(
            "telnyx:apiKey is set without --secret, so it is stored in plain text in the stack "
            "configuration and the state; run `pulumi config set --secret telnyx:apiKey <KEY>` "
            "(or use TELNYX_API_KEY)"
        )
