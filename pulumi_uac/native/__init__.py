"""The native provider's Python surface: the same ``UacConnection`` (same Args, inputs and
outputs), served by the ``pulumi-resource-telnyx`` plugin instead of the dynamic host, plus the
lookup functions.

Switching an existing stack is one import line::

    from pulumi_uac.native import UacConnection      # was: from pulumi_uac import UacConnection

Each connection moves to the plugin on the next ``pulumi up`` through an alias to the dynamic
type: no replacement, no API call. The plugin must be installed once (see the README).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

import pulumi

from ..resource.declared import UacConnectionOutputs
from ..resource.inputs import (
    ExternalUacSettingsArgs,
    InboundArgs,
    InternalUacSettingsArgs,
    JitterBufferArgs,
    NoiseSuppressionDetailsArgs,
    OutboundArgs,
    RtcpSettingsArgs,
    UacConnectionArgs,
)
from ..resource.props import DYNAMIC_TYPE, NATIVE_TYPE, args_from, resource_props

TYPE_TOKEN = NATIVE_TYPE
GET_CONNECTION = "telnyx:index:getUacConnection"
GET_REGISTRATION = "telnyx:index:getRegistrationStatus"

__all__ = [
    "TYPE_TOKEN",
    "ExternalUacSettingsArgs",
    "GetRegistrationStatusResult",
    "GetUacConnectionResult",
    "InboundArgs",
    "InternalUacSettingsArgs",
    "JitterBufferArgs",
    "NoiseSuppressionDetailsArgs",
    "OutboundArgs",
    "RtcpSettingsArgs",
    "UacConnection",
    "UacConnectionArgs",
    "get_registration_status",
    "get_registration_status_output",
    "get_uac_connection",
    "get_uac_connection_output",
]


class UacConnection(pulumi.CustomResource, UacConnectionOutputs):
    """A Telnyx UAC connection, managed by the native ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.UacConnection` offers, plus: ``pulumi import``
    (``pulumi import telnyx:index:UacConnection NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, ``customTimeouts`` bounding the registration wait, and no limit of four calls at
    once.

    ## Example Usage

    ```python
    from pulumi_uac.native import UacConnection

    conn = UacConnection("office-pbx", connection_name="Office PBX",
        internal_uac_settings={"destination_uri": "1006@assistant-abc.sip.telnyx.com"})
    ```
    """

    @overload
    def __init__(
        self,
        resource_name: str,
        args: UacConnectionArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: UacConnectionArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        opts = opts or pulumi.ResourceOptions()
        if opts.id is not None:
            props: dict[str, Any] = resource_props(UacConnectionArgs(connection_name="(read)"))
            props["connection_name"] = None
        else:
            args = args_from(args, kwargs)
            props = resource_props(args)
        opts = pulumi.ResourceOptions.merge(
            opts,
            pulumi.ResourceOptions(
                # The generated password is an output only: keep it secret.
                additional_secret_outputs=["password"],
                # A stack that used the dynamic resource moves here with no replacement.
                aliases=[pulumi.Alias(type_=DYNAMIC_TYPE)],
            ),
        )
        super().__init__(TYPE_TOKEN, resource_name, props, opts)

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> UacConnection:
        """An existing connection, read by id (not managed: never changed or deleted)."""
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return UacConnection(resource_name, opts=opts)


class _Result:
    """A function's answer with attribute access (``result.fqdn``)."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            return None

    def __repr__(self) -> str:
        shown = {k: v for k, v in self._values.items() if k != "password"}
        return f"{type(self).__name__}({shown})"


class GetUacConnectionResult(_Result):
    """One connection as Telnyx holds it: ``id``, every setting Telnyx reports (passwords
    aside), ``fqdn``, ``registration_status``, ..."""


class GetRegistrationStatusResult(_Result):
    """``status``, ``sip_username``, ``ip_address``, ``port``, ``transport``, ``user_agent``,
    ``last_registration``."""


def _invoke(token: str, args: dict[str, Any], opts: pulumi.InvokeOptions | None) -> Any:
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


def _lookup_args(id: str | None, connection_name: str | None) -> dict[str, Any]:
    return {k: v for k, v in (("id", id), ("connection_name", connection_name)) if v is not None}


def get_uac_connection(
    id: str | None = None,
    connection_name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetUacConnectionResult:
    """Look up one connection, by ``id`` or by exact ``connection_name`` (an error when none
    or several match)."""
    return GetUacConnectionResult(_invoke(GET_CONNECTION, _lookup_args(id, connection_name), opts))


def get_uac_connection_output(
    id: pulumi.Input[str] | None = None,
    connection_name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetUacConnectionResult]:
    """:func:`get_uac_connection` with inputs that may be Outputs."""
    args = {"id": id, "connection_name": connection_name}
    return pulumi.runtime.invoke_output(
        GET_CONNECTION, {k: v for k, v in args.items() if v is not None}, opts
    ).apply(GetUacConnectionResult)


def get_registration_status(
    id: str, opts: pulumi.InvokeOptions | None = None
) -> GetRegistrationStatusResult:
    """Telnyx's registration to the connection's PBX, right now."""
    return GetRegistrationStatusResult(_invoke(GET_REGISTRATION, {"id": id}, opts))


def get_registration_status_output(
    id: pulumi.Input[str], opts: pulumi.InvokeOutputOptions | None = None
) -> pulumi.Output[GetRegistrationStatusResult]:
    """:func:`get_registration_status` with an id that may be an Output."""
    return pulumi.runtime.invoke_output(GET_REGISTRATION, {"id": id}, opts).apply(
        GetRegistrationStatusResult
    )
