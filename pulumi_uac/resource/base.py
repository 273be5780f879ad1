"""What every dynamic resource class does with its spec, written once: Args or keywords in,
passwords secret, the alias to the native type (a stack can move between modes), the warning
for a plain API key. Each resource's own class only names its spec, Args, outputs and provider."""

from __future__ import annotations

from typing import Any, ClassVar

import pulumi
from pulumi.dynamic import Resource, ResourceProvider

from ..models import ResourceSpec
from .props import args_from, resource_props, warn_if_plain_api_key


def secret_outputs(spec: ResourceSpec) -> list[str]:
    """Outputs to keep secret whatever the inputs were: generated passwords (an output only
    when Telnyx made one up)."""
    return [name for name in spec.fields.generated if name in spec.fields.password_paths]


class SpecResource(Resource):
    """A dynamic resource of one spec (set by each subclass)."""

    _spec: ClassVar[ResourceSpec]
    _args_type: ClassVar[type[Any]]
    _dynamic_provider: ClassVar[ResourceProvider]

    def __init__(
        self,
        resource_name: str,
        args: Any | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        spec = self._spec
        args = args_from(spec, self._args_type, args, kwargs)
        warn_if_plain_api_key()
        opts = pulumi.ResourceOptions.merge(
            opts,
            pulumi.ResourceOptions(
                additional_secret_outputs=secret_outputs(spec),
                # A stack moved to the native plugin can move back with no replacement.
                aliases=[pulumi.Alias(type_=spec.native_type)],
            ),
        )
        super().__init__(self._dynamic_provider, resource_name, resource_props(spec, args), opts)
