"""The typed Python surface of ``CallControlApplication``, generated from its models by
``python -m pulumi_uac.resource.codegen``: do not edit by hand.

A Telnyx Call Control application: a webhook-driven voice application that a UAC connection can hand
a PBX's calls to (``destinations.call_control(ext, app.id)``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

import pulumi
from typing_extensions import Required, TypedDict, Unpack

from ...models.call_control_spec import CALL_CONTROL_APPLICATION
from ..base import SpecResource
from ..input_types import input_type
from ..results import LookupResult


@input_type
class CallControlInboundArgs:
    """Inbound call settings of a Call Control application."""

    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent inbound calls to the application's numbers."""
    shaken_stir_enabled: pulumi.Input[bool] | None = None
    """Include SHAKEN/STIR data in the webhook of a new inbound call. Default false."""
    sip_subdomain: pulumi.Input[str] | None = None
    """A subdomain (``<name>.sip.telnyx.com``) that SIP endpoints can call the application at."""
    sip_subdomain_receive_settings: (
        pulumi.Input[Literal["only_my_connections", "from_anyone"]] | None
    ) = None
    """Who may call the SIP subdomain: ``only_my_connections`` (default) or ``from_anyone``."""


@input_type
class CallControlOutboundArgs:
    """Outbound call settings of a Call Control application."""

    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent outbound calls."""
    outbound_voice_profile_id: pulumi.Input[str] | None = None
    """The outbound voice profile its outbound calls use (numeric string)."""


@input_type
class CallControlApplicationArgs:
    """The inputs of a Call Control application (CallControlApplication). Required:
    application_name, webhook_event_url."""

    application_name: pulumi.Input[str]
    """A name for the application."""
    webhook_event_url: pulumi.Input[str]
    """The URL Telnyx sends the application's call events to (with a scheme, e.g. https)."""
    active: pulumi.Input[bool] | None = None
    """Whether the application can be used. Default true."""
    anchorsite_override: (
        pulumi.Input[
            Literal[
                "Latency",
                "Chicago, IL",
                "Ashburn, VA",
                "San Jose, CA",
                "London, UK",
                "Chennai, IN",
                "Amsterdam, Netherlands",
                "Toronto, Canada",
                "Sydney, Australia",
            ]
        ]
        | None
    ) = None
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    call_cost_in_webhooks: pulumi.Input[bool] | None = None
    """Send call-cost webhooks. Default false."""
    dtmf_type: pulumi.Input[Literal["RFC 2833", "Inband", "SIP INFO"]] | None = None
    """DTMF signalling from Telnyx to the application. Default ``RFC 2833``."""
    first_command_timeout: pulumi.Input[bool] | None = None
    """Hang up calls whose first command times out. Default false."""
    first_command_timeout_secs: pulumi.Input[int] | None = None
    """Seconds to wait for the first command. Default 30."""
    inbound: pulumi.Input[CallControlInboundArgs | Mapping[str, Any]] | None = None
    """Inbound call settings."""
    outbound: pulumi.Input[CallControlOutboundArgs | Mapping[str, Any]] | None = None
    """Outbound call settings."""
    redact_dtmf_debug_logging: pulumi.Input[bool] | None = None
    """Redact DTMF digits in debug logs. Default false."""
    webhook_api_version: pulumi.Input[Literal["1", "2"]] | None = None
    """Webhook format: ``1`` or ``2`` (default)."""
    webhook_event_failover_url: pulumi.Input[str] | None = None
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_timeout_secs: pulumi.Input[int] | None = None
    """Webhook timeout in seconds (0-30), or null."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags."""
    adopt_existing_id: pulumi.Input[str] | None = None
    """Take over the existing Call Control application with this id instead of creating one. Read
    only when the resource is created."""
    adopt_existing_by_name: pulumi.Input[bool] | None = None
    """Take over the one existing Call Control application named application_name instead of
    creating one. Read only when the resource is created."""


class CallControlApplicationKwargs(TypedDict, total=False):
    """The keyword arguments of ``CallControlApplication(name, **kwargs)``:
    ``CallControlApplicationArgs``'s fields."""

    application_name: Required[pulumi.Input[str]]
    webhook_event_url: Required[pulumi.Input[str]]
    active: pulumi.Input[bool] | None
    anchorsite_override: (
        pulumi.Input[
            Literal[
                "Latency",
                "Chicago, IL",
                "Ashburn, VA",
                "San Jose, CA",
                "London, UK",
                "Chennai, IN",
                "Amsterdam, Netherlands",
                "Toronto, Canada",
                "Sydney, Australia",
            ]
        ]
        | None
    )
    call_cost_in_webhooks: pulumi.Input[bool] | None
    dtmf_type: pulumi.Input[Literal["RFC 2833", "Inband", "SIP INFO"]] | None
    first_command_timeout: pulumi.Input[bool] | None
    first_command_timeout_secs: pulumi.Input[int] | None
    inbound: pulumi.Input[CallControlInboundArgs | Mapping[str, Any]] | None
    outbound: pulumi.Input[CallControlOutboundArgs | Mapping[str, Any]] | None
    redact_dtmf_debug_logging: pulumi.Input[bool] | None
    webhook_api_version: pulumi.Input[Literal["1", "2"]] | None
    webhook_event_failover_url: pulumi.Input[str] | None
    webhook_timeout_secs: pulumi.Input[int] | None
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    adopt_existing_id: pulumi.Input[str] | None
    adopt_existing_by_name: pulumi.Input[bool] | None


class CallControlApplicationOutputs:
    """The outputs of a Call Control application, as typed attributes."""

    active: pulumi.Output[bool | None]
    """Whether the application can be used. Default true."""
    anchorsite_override: pulumi.Output[str | None]
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    call_cost_in_webhooks: pulumi.Output[bool | None]
    """Send call-cost webhooks. Default false."""
    dtmf_type: pulumi.Output[str | None]
    """DTMF signalling from Telnyx to the application. Default ``RFC 2833``."""
    first_command_timeout: pulumi.Output[bool | None]
    """Hang up calls whose first command times out. Default false."""
    first_command_timeout_secs: pulumi.Output[int | None]
    """Seconds to wait for the first command. Default 30."""
    inbound: pulumi.Output[Mapping[str, Any] | None]
    """Inbound call settings."""
    outbound: pulumi.Output[Mapping[str, Any] | None]
    """Outbound call settings."""
    redact_dtmf_debug_logging: pulumi.Output[bool | None]
    """Redact DTMF digits in debug logs. Default false."""
    webhook_api_version: pulumi.Output[str | None]
    """Webhook format: ``1`` or ``2`` (default)."""
    webhook_event_failover_url: pulumi.Output[str | None]
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_timeout_secs: pulumi.Output[int | None]
    """Webhook timeout in seconds (0-30), or null."""
    application_name: pulumi.Output[str]
    """A name for the application."""
    webhook_event_url: pulumi.Output[str]
    """The URL Telnyx sends the application's call events to (with a scheme, e.g. https)."""
    tags: pulumi.Output[Sequence[str] | None]
    """Free-form tags."""
    created_at: pulumi.Output[str | None]
    """When the application was created (ISO-8601)."""
    updated_at: pulumi.Output[str | None]
    """When the application was last updated (ISO-8601)."""
    managed_fields: pulumi.Output[Sequence[str]]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_token: pulumi.Output[str]
    """The resource's random ownership token, drawn when it is first checked; recorded with every
    create the engine starts, so crash recovery can find what an interrupted create left
    behind."""
    ownership_tag: pulumi.Output[str | None]
    """The exact ownership tag (token and nonce) on the Call Control application this resource
    made or adopted."""
    missing_marks: pulumi.Output[Sequence[str] | None]
    """Ownership marks the last refresh found missing from the Call Control application (its tags
    were replaced outside Pulumi): the next update puts them back, so that no other stack or
    project can take it for an unowned one."""
    adopt_existing_id: pulumi.Output[str | None]
    """Take over the existing Call Control application with this id instead of creating one."""
    adopt_existing_by_name: pulumi.Output[bool | None]
    """Take over the one existing Call Control application named application_name instead of
    creating one."""


class GetCallControlApplicationResult(LookupResult):
    """One Call Control application as Telnyx holds it (passwords are masked): the answer of
    ``getCallControlApplication``."""

    id: str
    """Its id."""
    active: bool | None
    """Whether the application can be used. Default true."""
    anchorsite_override: str | None
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    call_cost_in_webhooks: bool | None
    """Send call-cost webhooks. Default false."""
    dtmf_type: str | None
    """DTMF signalling from Telnyx to the application. Default ``RFC 2833``."""
    first_command_timeout: bool | None
    """Hang up calls whose first command times out. Default false."""
    first_command_timeout_secs: int | None
    """Seconds to wait for the first command. Default 30."""
    inbound: Mapping[str, Any] | None
    """Inbound call settings."""
    outbound: Mapping[str, Any] | None
    """Outbound call settings."""
    redact_dtmf_debug_logging: bool | None
    """Redact DTMF digits in debug logs. Default false."""
    webhook_api_version: str | None
    """Webhook format: ``1`` or ``2`` (default)."""
    webhook_event_failover_url: str | None
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_timeout_secs: int | None
    """Webhook timeout in seconds (0-30), or null."""
    application_name: str
    """A name for the application."""
    webhook_event_url: str
    """The URL Telnyx sends the application's call events to (with a scheme, e.g. https)."""
    tags: Sequence[str] | None
    """Free-form tags."""
    created_at: str | None
    """When the application was created (ISO-8601)."""
    updated_at: str | None
    """When the application was last updated (ISO-8601)."""
    managed_fields: Sequence[str]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_tag: str | None
    """The exact ownership tag (token and nonce) on the Call Control application this resource
    made or adopted."""


class CallControlApplication(
    SpecResource, CallControlApplicationOutputs, module="telnyx", name="CallControlApplication"
):
    """A Telnyx Call Control application: the webhook-driven voice application a UAC connection can
    hand a PBX's calls to.

    ## Example Usage

    ```python
    from pulumi_uac import CallControlApplication, UacConnection, destinations

    app = CallControlApplication("ivr", application_name="PBX IVR",
        webhook_event_url="https://ivr.example.com/telnyx")
    UacConnection("office-pbx", connection_name="Office PBX",
        internal_uac_settings={"destination_uri": destinations.call_control("1006", app.id)})
    ```

    Ownership: Telnyx's create request has no ``tags``, so the provider's ownership mark (and the
    program's ``tags``) are written by an update within the same create. A create whose answer
    was lost never takes an unmarked application: it stops, listing the candidates.

    ## Import

    ``pulumi import`` cannot work for dynamic resources (it does with
    ``pulumi_uac.native.CallControlApplication``). To take over an existing Call Control
    application here, set ``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and
    run ``pulumi up``: the Call Control application is brought to the program's settings and
    managed from then on.
    """

    _spec = CALL_CONTROL_APPLICATION
    _args_type = CallControlApplicationArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: CallControlApplicationArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[CallControlApplicationKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: CallControlApplicationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)
