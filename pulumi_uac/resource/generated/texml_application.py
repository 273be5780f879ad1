"""The typed Python surface of ``TexmlApplication``, generated from its models by
``python -m pulumi_uac.resource.codegen``: do not edit by hand.

A Telnyx TeXML application: calls are driven by TwiML-style XML fetched from ``voice_url``; a UAC
connection can hand a PBX's calls to one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

import pulumi
from typing_extensions import Required, TypedDict, Unpack

from ...models.texml_application_spec import TEXML_APPLICATION
from ..base import SpecResource
from ..input_types import input_type
from ..results import LookupResult


@input_type
class TexmlInboundArgs:
    """Inbound call settings of a TeXML application."""

    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent inbound calls to the application's numbers."""
    shaken_stir_enabled: pulumi.Input[bool] | None = None
    """Include SHAKEN/STIR data in the webhook of a new inbound call. Default false."""
    sip_subdomain: pulumi.Input[str] | None = None
    """A subdomain (``<name>.sip.telnyx.com``) that SIP endpoints can call the application at
    (TLS-encrypted calls are not allowed for subdomain calls)."""
    sip_subdomain_receive_settings: (
        pulumi.Input[Literal["only_my_connections", "from_anyone"]] | None
    ) = None
    """Who may call the SIP subdomain: ``only_my_connections`` (default) or ``from_anyone``."""


@input_type
class TexmlOutboundArgs:
    """Outbound call settings of a TeXML application."""

    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent outbound calls."""
    outbound_voice_profile_id: pulumi.Input[str] | None = None
    """The outbound voice profile its outbound calls use (numeric string)."""


@input_type
class TexmlApplicationArgs:
    """The inputs of a TeXML application (TexmlApplication). Required: friendly_name, voice_url."""

    friendly_name: pulumi.Input[str]
    """A name for the application."""
    voice_url: pulumi.Input[str]
    """The URL Telnyx fetches the application's TeXML instructions from (with a scheme)."""
    active: pulumi.Input[bool] | None = None
    """Whether the application can be used. Default true."""
    anchorsite_override: (
        pulumi.Input[
            Literal[
                "Latency",
                "Chicago, IL",
                "Ashburn, VA",
                "San Jose, CA",
                "Sydney, Australia",
                "Amsterdam, Netherlands",
                "London, UK",
                "Toronto, Canada",
                "Vancouver, Canada",
                "Frankfurt, Germany",
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
    inbound: pulumi.Input[TexmlInboundArgs | Mapping[str, Any]] | None = None
    """Inbound call settings."""
    outbound: pulumi.Input[TexmlOutboundArgs | Mapping[str, Any]] | None = None
    """Outbound call settings."""
    status_callback: pulumi.Input[str] | None = None
    """The URL Telnyx sends call-progress events to."""
    status_callback_method: pulumi.Input[Literal["get", "post"]] | None = None
    """How ``status_callback`` is requested: ``get`` or ``post`` (default)."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags."""
    voice_fallback_url: pulumi.Input[str] | None = None
    """The URL Telnyx fetches TeXML from when ``voice_url`` answers an error."""
    voice_method: pulumi.Input[Literal["get", "post"]] | None = None
    """How ``voice_url`` is requested: ``get`` or ``post`` (default)."""
    adopt_existing_id: pulumi.Input[str] | None = None
    """Take over the existing TeXML application with this id instead of creating one. Read only
    when the resource is created."""
    adopt_existing_by_name: pulumi.Input[bool] | None = None
    """Take over the one existing TeXML application named friendly_name instead of creating one.
    Read only when the resource is created."""


class TexmlApplicationKwargs(TypedDict, total=False):
    """The keyword arguments of ``TexmlApplication(name, **kwargs)``: ``TexmlApplicationArgs``'s
    fields."""

    friendly_name: Required[pulumi.Input[str]]
    voice_url: Required[pulumi.Input[str]]
    active: pulumi.Input[bool] | None
    anchorsite_override: (
        pulumi.Input[
            Literal[
                "Latency",
                "Chicago, IL",
                "Ashburn, VA",
                "San Jose, CA",
                "Sydney, Australia",
                "Amsterdam, Netherlands",
                "London, UK",
                "Toronto, Canada",
                "Vancouver, Canada",
                "Frankfurt, Germany",
            ]
        ]
        | None
    )
    call_cost_in_webhooks: pulumi.Input[bool] | None
    dtmf_type: pulumi.Input[Literal["RFC 2833", "Inband", "SIP INFO"]] | None
    first_command_timeout: pulumi.Input[bool] | None
    first_command_timeout_secs: pulumi.Input[int] | None
    inbound: pulumi.Input[TexmlInboundArgs | Mapping[str, Any]] | None
    outbound: pulumi.Input[TexmlOutboundArgs | Mapping[str, Any]] | None
    status_callback: pulumi.Input[str] | None
    status_callback_method: pulumi.Input[Literal["get", "post"]] | None
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    voice_fallback_url: pulumi.Input[str] | None
    voice_method: pulumi.Input[Literal["get", "post"]] | None
    adopt_existing_id: pulumi.Input[str] | None
    adopt_existing_by_name: pulumi.Input[bool] | None


class TexmlApplicationOutputs:
    """The outputs of a TeXML application, as typed attributes."""

    friendly_name: pulumi.Output[str]
    """A name for the application."""
    voice_url: pulumi.Output[str]
    """The URL Telnyx fetches the application's TeXML instructions from (with a scheme)."""
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
    status_callback: pulumi.Output[str | None]
    """The URL Telnyx sends call-progress events to."""
    status_callback_method: pulumi.Output[str | None]
    """How ``status_callback`` is requested: ``get`` or ``post`` (default)."""
    tags: pulumi.Output[Sequence[str] | None]
    """Free-form tags."""
    voice_fallback_url: pulumi.Output[str | None]
    """The URL Telnyx fetches TeXML from when ``voice_url`` answers an error."""
    voice_method: pulumi.Output[str | None]
    """How ``voice_url`` is requested: ``get`` or ``post`` (default)."""
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
    """The exact ownership tag (token and nonce) on the TeXML application this resource made or
    adopted."""
    missing_marks: pulumi.Output[Sequence[str] | None]
    """Ownership marks the last refresh found missing from the TeXML application (its tags were
    replaced outside Pulumi): the next update puts them back, so that no other stack or
    project can take it for an unowned one."""
    adopt_existing_id: pulumi.Output[str | None]
    """Take over the existing TeXML application with this id instead of creating one."""
    adopt_existing_by_name: pulumi.Output[bool | None]
    """Take over the one existing TeXML application named friendly_name instead of creating one."""


class GetTexmlApplicationResult(LookupResult):
    """One TeXML application as Telnyx holds it (passwords are masked): the answer of
    ``getTexmlApplication``."""

    id: str
    """Its id."""
    friendly_name: str
    """A name for the application."""
    voice_url: str
    """The URL Telnyx fetches the application's TeXML instructions from (with a scheme)."""
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
    status_callback: str | None
    """The URL Telnyx sends call-progress events to."""
    status_callback_method: str | None
    """How ``status_callback`` is requested: ``get`` or ``post`` (default)."""
    tags: Sequence[str] | None
    """Free-form tags."""
    voice_fallback_url: str | None
    """The URL Telnyx fetches TeXML from when ``voice_url`` answers an error."""
    voice_method: str | None
    """How ``voice_url`` is requested: ``get`` or ``post`` (default)."""
    created_at: str | None
    """When the application was created (ISO-8601)."""
    updated_at: str | None
    """When the application was last updated (ISO-8601)."""
    managed_fields: Sequence[str]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_tag: str | None
    """The exact ownership tag (token and nonce) on the TeXML application this resource made or
    adopted."""


class TexmlApplication(
    SpecResource, TexmlApplicationOutputs, module="telnyx", name="TexmlApplication"
):
    """A Telnyx TeXML application: calls driven by TwiML-style XML that Telnyx fetches from your
    ``voice_url``; a UAC connection can hand a PBX's calls to one.

    ## Example Usage

    ```python
    from pulumi_uac import OutboundVoiceProfile, TexmlApplication

    profile = OutboundVoiceProfile("outbound", name="PBX outbound")
    TexmlApplication("ivr", friendly_name="PBX IVR",
        voice_url="https://ivr.example.com/texml", voice_method="post",
        outbound={"outbound_voice_profile_id": profile.id})
    ```

    ## Import

    ``pulumi import`` cannot work for dynamic resources (it does with
    ``pulumi_uac.native.TexmlApplication``). To take over an existing TeXML application here, set
    ``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and run ``pulumi up``: the
    TeXML application is brought to the program's settings and managed from then on.
    """

    _spec = TEXML_APPLICATION
    _args_type = TexmlApplicationArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: TexmlApplicationArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[TexmlApplicationKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: TexmlApplicationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)
