"""The native provider's Python surface: the same ``UacConnection`` (same Args, inputs and
outputs), served by the ``pulumi-resource-telnyx`` plugin instead of the dynamic host, plus the
lookup functions.

Switching an existing stack is one import line::

    from pulumi_uac.native import UacConnection      # was: from pulumi_uac import UacConnection

Each connection moves to the plugin on the next ``pulumi up`` through an alias to the dynamic
type: no replacement, no API call. The plugin must be installed once (see the README).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any, overload

import pulumi

from ..models import UAC_CONNECTION
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
from ..resource.props import args_from, resource_props

TYPE_TOKEN = UAC_CONNECTION.native_type
GET_CONNECTION = f"telnyx:index:{UAC_CONNECTION.lookup_name}"
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
            props: dict[str, Any] = resource_props(
                UAC_CONNECTION, UacConnectionArgs(connection_name="(read)")
            )
            props["connection_name"] = None
        else:
            args = args_from(UAC_CONNECTION, UacConnectionArgs, args, kwargs)
            props = resource_props(UAC_CONNECTION, args)
        opts = pulumi.ResourceOptions.merge(
            opts,
            pulumi.ResourceOptions(
                # The generated password is an output only: keep it secret.
                additional_secret_outputs=["password"],
                # A stack that used the dynamic resource moves here with no replacement.
                aliases=[pulumi.Alias(type_=UAC_CONNECTION.dynamic_type)],
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


class _Result(dict[str, Any]):
    """A function's answer: typed attributes (``result.fqdn``) over a dict, so that
    ``pulumi.export("conn", result)`` exports it whole (as generated Pulumi SDKs' output types
    do). A name the result does not have raises, naming the ones it has, instead of quietly
    giving ``None``."""

    @classmethod
    def fields(cls) -> frozenset[str]:
        """The attributes this result declares."""
        names: set[str] = set()
        for klass in cls.__mro__:
            if issubclass(klass, _Result):
                names.update(inspect.get_annotations(klass))
        return frozenset(n for n in names if not n.startswith("_"))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in type(self).fields():
            return self.get(name)
        raise AttributeError(
            f"{type(self).__name__} has no attribute {name!r}; it has: "
            + ", ".join(sorted(type(self).fields()))
        )

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.items() if k != "password"}
        return f"{type(self).__name__}({shown})"


class GetUacConnectionResult(_Result):
    """One connection as Telnyx holds it: ``id``, every setting Telnyx reports (passwords are
    masked), its FQDN and registration status."""

    id: str
    """The connection's id."""
    connection_name: str
    fqdn: str
    fqdns: Sequence[Mapping[str, Any]]
    user_name: str
    password: str | None
    """Masked by Telnyx (``********``) for accounts created on or after 2026-09-08."""
    registration_status: str
    registration_status_updated_at: str | None
    created_at: str
    updated_at: str | None
    sip_subdomain: str
    managed_fields: Sequence[str]
    active: bool | None
    anchorsite_override: str | None
    android_push_credential_id: str | None
    bridge_generate_comfort_noise_on_cn: bool | None
    call_cost_in_webhooks: bool | None
    default_on_hold_comfort_noise_enabled: bool | None
    dtmf_type: str | None
    encode_contact_header_enabled: bool | None
    encrypted_media: str | None
    external_uac_settings: Mapping[str, Any] | None
    inbound: Mapping[str, Any] | None
    internal_uac_settings: Mapping[str, Any] | None
    ios_push_credential_id: str | None
    jitter_buffer: Mapping[str, Any] | None
    noise_suppression: str | None
    noise_suppression_details: Mapping[str, Any] | None
    onnet_t38_passthrough_enabled: bool | None
    outbound: Mapping[str, Any] | None
    rtcp_settings: Mapping[str, Any] | None
    sip_uri_calling_preference: str | None
    tags: Sequence[str] | None
    webhook_api_version: str | None
    webhook_event_failover_url: str | None
    webhook_event_url: str | None
    webhook_timeout_secs: int | None


class GetRegistrationStatusResult(_Result):
    """Telnyx's registration to the connection's PBX, right now."""

    record_type: str | None
    status: str | None
    """``Not Applicable``, ``Not Registered``, ``Failed``, ``Expired``, ``Registered`` or
    ``Unregistered``."""
    sip_username: str | None
    ip_address: str | None
    port: int | None
    transport: str | None
    user_agent: str | None
    last_registration: str | None


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
