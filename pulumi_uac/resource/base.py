"""What every dynamic resource class does with its spec, written once: Args or keywords in,
passwords secret, the alias to the native type (a stack can move between modes), the warning
for a plain API key. Each resource's own class only names its spec, Args, outputs and provider.

Registration is a method, not a shared ``__init__``: Pulumi's SDK records as the resource's
source position the caller of the third ``__init__`` up from ``Resource.__init__``, so each
class's own ``__init__`` must call ``CustomResource.__init__`` with no other ``__init__`` in
between, as a generated SDK does. Otherwise the state (and the Pulumi Cloud console) would
point every resource at this file instead of the user's line, and store two frames more per
resource in a checkpoint the engine rewrites after every step.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar

import pulumi
from pulumi.dynamic import Resource, ResourceProvider
from pulumi.dynamic.dynamic import PROVIDER_KEY, serialize_provider
from pulumi.runtime._serialization import _serialize

from ..models import ResourceSpec
from .props import args_from, resource_props, warn_if_plain_api_key


def secret_outputs(spec: ResourceSpec) -> list[str]:
    """Outputs to keep secret whatever the inputs were: generated passwords (an output only
    when Telnyx made one up). A new list each call (the SDK merges options lists)."""
    return list(_secret_outputs(spec))


@functools.cache
def _secret_outputs(spec: ResourceSpec) -> tuple[str, ...]:
    passwords = spec.fields.password_paths
    generated = spec.fields.generated
    return tuple(sorted({path.split(".")[0] for path in generated if path in passwords}))


class SpecResource(Resource):
    """A dynamic resource of one spec (set by each subclass)."""

    _spec: ClassVar[ResourceSpec]
    _args_type: ClassVar[type[Any]]
    _dynamic_provider: ClassVar[ResourceProvider | None] = None
    """Set by a class with a provider of its own; the spec's provider otherwise."""
    _provider_pickle: ClassVar[str | None] = None

    def _register(
        self,
        resource_name: str,
        args: Any | None,
        opts: pulumi.ResourceOptions | None,
        kwargs: dict[str, Any],
    ) -> None:
        """Called by each class's own ``__init__``: validates, then registers the resource as
        ``pulumi.dynamic.Resource.__init__`` would, with the provider serialized once per class
        (it is the same bytes for every resource: pickling it is a millisecond per resource)."""
        spec = self._spec
        args = args_from(spec, self._args_type, args, kwargs, resource_name)
        warn_if_plain_api_key()
        opts = pulumi.ResourceOptions.merge(
            opts,
            pulumi.ResourceOptions(
                additional_secret_outputs=secret_outputs(spec),
                # A stack moved to the native plugin can move back with no replacement.
                aliases=[pulumi.Alias(type_=spec.native_type)],
            ),
        )
        props = resource_props(spec, args)
        props[PROVIDER_KEY] = self._provider_value()
        pulumi.CustomResource.__init__(
            self, f"pulumi-python:{self._resource_type_name}", resource_name, props, opts
        )

    @classmethod
    def _provider_value(cls) -> Any:
        """``__provider`` as ``pulumi.dynamic.Resource`` makes it (pickled with Pulumi's
        serialization context, so a provider that captured a secret Output stays secret), kept
        in plain text only for this package's own providers: those pickle as a class name and
        nothing else. A provider defined elsewhere (a user's subclass, pickled by value) is a
        secret unless it says otherwise. Pickled once per class, unless it captured secrets."""
        provider = cls._dynamic_provider or _spec_provider(cls._spec)
        cached: str | None = cls.__dict__.get("_provider_pickle")
        contains_secrets = False
        if cached is None:
            pickled, contains_secrets = _serialize(True, serialize_provider, provider)
            if not contains_secrets:
                cls._provider_pickle = pickled
        else:
            pickled = cached
        ours = type(provider).__module__.startswith("pulumi_uac.")
        asks = getattr(provider, "serialize_as_secret_always", True)
        secret = contains_secrets or asks or not ours
        return pulumi.Output.secret(pickled) if secret else pickled


@functools.cache
def _spec_provider(spec: ResourceSpec) -> ResourceProvider:
    """One provider per spec in the program (it is only ever pickled here, never configured).
    Imported when the first resource registers, not with the class: the native classes share
    the generated modules, and must not load the dynamic provider."""
    from ..provider.dynamic import provider_for

    return provider_for(spec)
