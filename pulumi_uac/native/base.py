"""What every native resource class and lookup does with its spec, written once.

The plugin speaks camelCase (``connectionName``), Python snake_case (``connection_name``), as
every generated Pulumi Python SDK maps them: the names are translated here, at any depth (the
SDK's serializer passes every key of a plain dict through ``translate_input_property``, and
every key of an answer through ``translate_output_property``), from the resource's own table
(:mod:`pulumi_uac.core.names`), so ``ignore_changes=["inbound.channel_limit"]`` works too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import pulumi

from ..models import ResourceSpec
from ..resource.base import secret_outputs
from ..resource.input_types import args_dict, is_args
from ..resource.props import args_from, resource_props, wire_names
from ..resource.results import LookupResult

R = TypeVar("R", bound=LookupResult)
N = TypeVar("N", bound="NativeResource")


class NativeResource(pulumi.CustomResource):
    """A resource of one spec (set by each subclass), served by the ``telnyx`` plugin."""

    _spec: ClassVar[ResourceSpec]
    _args_type: ClassVar[type[Any]]

    if TYPE_CHECKING:
        # Each class defines its own (see ``_register``); this is the shape ``get`` calls.
        def __init__(
            self,
            resource_name: str,
            args: Any | None = None,
            opts: pulumi.ResourceOptions | None = None,
            **kwargs: Any,
        ) -> None: ...

    def _register(
        self,
        resource_name: str,
        args: Any | None,
        opts: pulumi.ResourceOptions | None,
        kwargs: dict[str, Any],
    ) -> None:
        """Called by each class's own ``__init__`` (a method, not a shared ``__init__``, so that
        Pulumi records the user's line as the resource's source position: see
        :mod:`pulumi_uac.resource.base`)."""
        spec = self._spec
        opts = opts or pulumi.ResourceOptions()
        if opts.id is not None:
            # Read by id (``get``): no inputs, only the output keys.
            placeholder = {f.name: "(read)" for f in spec.fields.request if f.required}
            props: dict[str, Any] = resource_props(spec, self._args_type(**placeholder))
            for field in spec.fields.request:
                props[field.name] = None
        else:
            props = resource_props(
                spec, args_from(spec, self._args_type, args, kwargs, resource_name)
            )
        opts = pulumi.ResourceOptions.merge(
            opts,
            pulumi.ResourceOptions(
                # A generated password is an output only: keep it secret.
                additional_secret_outputs=secret_outputs(spec),
                # A stack that used the dynamic resource moves here with no replacement.
                aliases=[pulumi.Alias(type_=spec.dynamic_type)],
            ),
        )
        pulumi.CustomResource.__init__(self, spec.native_type, resource_name, _plain(props), opts)

    def translate_input_property(self, prop: str) -> str:
        return wire_names(self._spec).key(prop, "camel")

    def translate_output_property(self, prop: str) -> str:
        return wire_names(self._spec).key(prop, "snake")

    @classmethod
    def get(
        cls: type[N],
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> N:
        """An existing one, read by id (not managed: never changed or deleted)."""
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return cls(resource_name, opts=opts)


def _plain(value: Any) -> Any:
    """Input types as plain dicts, at any depth: the serializer writes an input type's keys as
    the type declares them (snake_case), a dict's through the resource's translation."""
    if is_args(value):
        value = args_dict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def invoke(token: str, args: dict[str, Any], opts: pulumi.InvokeOptions | None) -> Any:
    """``pulumi.runtime.invoke``, with a failed lookup raised as :class:`pulumi.RunError`: the
    program then stops with the provider's one line, not a Python stack around it."""
    try:
        return pulumi.runtime.invoke(token, args, opts).value
    except pulumi.RunError:
        raise
    except Exception as exc:
        message = str(exc)
        # "invoke of T failed: invocation of T returned an error: <the provider's line>"
        raise pulumi.RunError(message.rsplit("returned an error: ", 1)[-1]) from None


def lookup_token(spec: ResourceSpec) -> str:
    return f"telnyx:index:{spec.lookup_name}"


def lookup(
    spec: ResourceSpec,
    result: type[R],
    object_id: str | None,
    name: str | None,
    opts: pulumi.InvokeOptions | None,
) -> R:
    """One object of ``spec``, by id or by exact name."""
    names = wire_names(spec)
    args = {k: v for k, v in (("id", object_id), (spec.name_field, name)) if v is not None}
    return result(names.snake(invoke(lookup_token(spec), names.camel(args), opts)))


def lookup_output(
    spec: ResourceSpec,
    result: type[R],
    object_id: pulumi.Input[str] | None,
    name: pulumi.Input[str] | None,
    opts: pulumi.InvokeOutputOptions | None,
) -> pulumi.Output[R]:
    """:func:`lookup` with inputs that may be Outputs."""
    names = wire_names(spec)
    args = {k: v for k, v in (("id", object_id), (spec.name_field, name)) if v is not None}
    return pulumi.runtime.invoke_output(lookup_token(spec), names.camel(args), opts).apply(
        lambda answer: result(names.snake(answer))
    )
