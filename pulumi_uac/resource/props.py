"""From ``UacConnectionArgs`` to the properties a resource registers, passwords made secret.

A password is a secret whatever form carries it: a plain string, an ``Output``, a secret
``Output``; at the top level, inside ``ExternalUacSettingsArgs`` or a plain dict, or inside an
``Output`` of either. Wrapped here, it is encrypted in the stored inputs, and the engine marks the
same keys secret in the outputs. When a nested object arrives as an ``Output`` its value is not
known until it resolves, so the whole object becomes secret: more secret than needed, never less.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.runtime.config import get_config, is_config_secret

from ..core.schema import OUTPUT_ONLY, PASSWORD_PATHS
from ..core.session import API_KEY_CONFIG
from .inputs import UacConnectionArgs, args_dict, is_args

DYNAMIC_TYPE = "pulumi-python:dynamic/telnyx:UacConnection"
"""The dynamic resource's type token (the native resource aliases it)."""
NATIVE_TYPE = "telnyx:index:UacConnection"
"""The native plugin's type token (the dynamic resource aliases it: a stack can move back)."""

_TOP_LEVEL_PASSWORDS = frozenset(p for p in PASSWORD_PATHS if "." not in p)
_NESTED_PASSWORDS: dict[str, list[str]] = {}
for _path in PASSWORD_PATHS:
    if "." in _path:
        _root, _leaf = _path.split(".", 1)
        _NESTED_PASSWORDS.setdefault(_root, []).append(_leaf)


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


def secret_passwords(root: str, value: Any) -> Any:
    """``value`` of property ``root`` with every password inside it made secret."""
    if root in _TOP_LEVEL_PASSWORDS:
        return _secret(value)
    leaves = _NESTED_PASSWORDS.get(root)
    if leaves is None or value is None:
        return value
    if isinstance(value, pulumi.Output):
        return pulumi.Output.from_input(value).apply(
            lambda resolved: pulumi.Output.from_input(_plain_with_secrets(resolved, leaves))
        )
    return _plain_with_secrets(value, leaves)


def args_from(args: UacConnectionArgs | None, kwargs: dict[str, Any]) -> UacConnectionArgs:
    """The Args of a resource constructor called either as ``(name, args, opts)`` or with
    keyword arguments, the way generated Pulumi SDKs accept both."""
    if args is None:
        if "connection_name" not in kwargs:
            raise TypeError("Missing required property 'connection_name'")
        return UacConnectionArgs(**kwargs)
    if kwargs:
        raise TypeError("pass either args=UacConnectionArgs(...) or keyword arguments, not both")
    return args


def registered_props(args: UacConnectionArgs) -> dict[str, Any]:
    """The properties to register for ``args``: every set field, passwords secret."""
    props = args_dict(args)
    for root in _TOP_LEVEL_PASSWORDS | _NESTED_PASSWORDS.keys():
        if props.get(root) is not None:
            props[root] = secret_passwords(root, props[root])
    return props


def resource_props(args: UacConnectionArgs) -> dict[str, Any]:
    """Every input of ``args`` (passwords secret), with each output key seeded so that it
    becomes an attribute of the resource."""
    props: dict[str, Any] = dict.fromkeys(
        [*pulumi._types.input_type_py_to_pulumi_names(UacConnectionArgs), *OUTPUT_ONLY],
    )
    props.update(registered_props(args))
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
