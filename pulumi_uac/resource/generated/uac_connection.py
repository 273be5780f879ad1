"""The typed Python surface of ``UacConnection``, generated from its models by
``python -m pulumi_uac.resource.codegen``: do not edit by hand.

A UAC connection as Telnyx returns it. Every field is optional; unknown ones are kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

import pulumi
from typing_extensions import Required, TypedDict, Unpack

from ...models.connection_spec import UAC_CONNECTION
from ..base import SpecResource
from ..input_types import input_type
from ..results import LookupResult


@input_type
class ExternalUacSettingsArgs:
    """The credentials Telnyx uses to register *to* the customer's PBX."""

    proxy: pulumi.Input[str] | None = None
    """PBX SIP proxy Telnyx registers to, e.g. ``sip:pbx.example.com:5060``. Required whenever
    the object is sent (Telnyx guide)."""
    username: pulumi.Input[str] | None = None
    """SIP username for the registration: 4-32 characters, letters, digits, '-' and '_'."""
    password: pulumi.Input[str] | None = None
    """SIP digest password for the registration. Write-only: masked in responses. Always a
    secret."""
    auth_username: pulumi.Input[str] | None = None
    """Digest-auth username, when it differs from ``username``."""
    expiration_sec: pulumi.Input[int] | None = None
    """Registration refresh interval in seconds (e.g. 600)."""
    from_user: pulumi.Input[str] | None = None
    """User part of the From header."""
    outbound_proxy: pulumi.Input[str] | None = None
    """Outbound proxy, e.g. ``outbound.sip-pbx.acme.example:5061``."""
    transport: pulumi.Input[Literal["UDP", "TLS", "TCP"]] | None = None
    """SIP transport towards the PBX: UDP, TLS or TCP."""
    user_agent: pulumi.Input[str] | None = None
    """Custom SIP User-Agent; unset means Telnyx's default."""


@input_type
class InboundArgs:
    """Inbound call settings (requests). ``sip_subdomain*`` are server-generated and refused."""

    ani_number_format: (
        pulumi.Input[Literal["+E.164", "E.164", "+E.164-national", "E.164-national"]] | None
    ) = None
    """Format of the caller number sent to the PBX. Default ``E.164-national``."""
    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent inbound calls."""
    codecs: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Codecs offered, in preference order. Default G722, G711U, G711A, G729, OPUS, H.264."""
    default_routing_method: pulumi.Input[Literal["sequential", "round-robin"]] | None = None
    """Routing across several destinations: ``sequential`` or ``round-robin``."""
    dnis_number_format: (
        pulumi.Input[Literal["+e164", "e164", "national", "sip_username"]] | None
    ) = None
    """Format of the dialled number. Default ``e164``."""
    generate_ringback_tone: pulumi.Input[bool] | None = None
    """Play ringback while the call is set up. Default false."""
    isup_headers_enabled: pulumi.Input[bool] | None = None
    """Send ISUP headers. Default false."""
    prack_enabled: pulumi.Input[bool] | None = None
    """Enable PRACK. Default false."""
    shaken_stir_enabled: pulumi.Input[bool] | None = None
    """Send SHAKEN/STIR identity headers. Default false."""
    simultaneous_ringing: pulumi.Input[Literal["disabled", "enabled"]] | None = None
    """Ring several destinations at once. Default ``disabled``."""
    sip_compact_headers_enabled: pulumi.Input[bool] | None = None
    """Use compact SIP headers. Default true."""
    sip_region: pulumi.Input[Literal["US", "Europe", "Australia"]] | None = None
    """Region receiving inbound SIP; unset means US."""
    timeout_1xx_secs: pulumi.Input[int] | None = None
    """Seconds to wait for a 1xx answer (1-120). Default 3."""
    timeout_2xx_secs: pulumi.Input[int] | None = None
    """Seconds to wait for a 2xx answer (1-600). Default 90."""


@input_type
class InternalUacSettingsArgs:
    """Where calls from the PBX go inside Telnyx."""

    destination_uri: pulumi.Input[str] | None = None
    """SIP URI Telnyx calls for requests from the PBX, without ``sip:``:
    ``<extension>@<app-fqdn>.sip.telnyx.com``."""


@input_type
class JitterBufferArgs:
    """Jitter buffer settings."""

    enable_jitter_buffer: pulumi.Input[bool] | None = None
    """Enable the jitter buffer. Default false."""
    jitterbuffer_msec_max: pulumi.Input[int] | None = None
    """Maximum buffer in milliseconds (40-400). Default 200."""
    jitterbuffer_msec_min: pulumi.Input[int] | None = None
    """Minimum buffer in milliseconds (40-400). Default 60."""


@input_type
class NoiseSuppressionDetailsArgs:
    """Noise suppression engine settings."""

    attenuation_limit: pulumi.Input[int] | None = None
    """Attenuation limit, 0-100 in steps of 10."""
    engine: (
        pulumi.Input[
            Literal[
                "denoiser",
                "deep_filter_net",
                "deep_filter_net_large",
                "krisp_viva_tel",
                "krisp_viva_tel_lite",
                "krisp_viva_promodel",
                "krisp_viva_ss",
                "quail_voice_focus",
            ]
        ]
        | None
    ) = None
    """Noise suppression engine. Default ``denoiser``."""


@input_type
class OutboundArgs:
    """Outbound call settings."""

    ani_override: pulumi.Input[str] | None = None
    """Caller number to present instead of the original."""
    ani_override_type: pulumi.Input[Literal["always", "normal", "emergency"]] | None = None
    """When the override applies. Default ``always``."""
    call_parking_enabled: pulumi.Input[bool] | None = None
    """Enable call parking (needed for webhook API version ``texml``). Default false."""
    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent outbound calls."""
    generate_ringback_tone: pulumi.Input[bool] | None = None
    """Play ringback on outbound calls. Default false."""
    instant_ringback_enabled: pulumi.Input[bool] | None = None
    """Ring back immediately. Default true."""
    localization: pulumi.Input[str] | None = None
    """Two-letter country code used to localise numbers, or ``""`` (Telnyx then tries US and GB).
    Default ``US``."""
    outbound_voice_profile_id: pulumi.Input[str] | None = None
    """Outbound voice profile id (numeric string)."""
    t38_reinvite_source: (
        pulumi.Input[
            Literal[
                "telnyx", "customer", "disabled", "passthru", "caller-passthru", "callee-passthru"
            ]
        ]
        | None
    ) = None
    """Who sends the T.38 re-INVITE. Default ``telnyx``."""


@input_type
class RtcpSettingsArgs:
    """RTCP settings."""

    capture_enabled: pulumi.Input[bool] | None = None
    """Capture RTCP. Default false."""
    port: pulumi.Input[Literal["rtcp-mux", "rtp+1"]] | None = None
    """RTCP port: ``rtcp-mux`` or ``rtp+1`` (default)."""
    report_frequency_secs: pulumi.Input[int] | None = None
    """RTCP report interval in seconds (5-3000). Default 5."""


@input_type
class UacConnectionArgs:
    """The inputs of a UAC connection (UacConnection). Required: connection_name."""

    connection_name: pulumi.Input[str]
    """A name for the connection."""
    active: pulumi.Input[bool] | None = None
    """Whether the connection is in service. Default true."""
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
    android_push_credential_id: pulumi.Input[str] | None = None
    """Android push credential id (uuid), or null."""
    bridge_generate_comfort_noise_on_cn: pulumi.Input[bool] | None = None
    """Generate comfort noise on CN packets when bridging (SDK 4.189+). Default false."""
    call_cost_in_webhooks: pulumi.Input[bool] | None = None
    """Include call cost in webhooks. Default false."""
    default_on_hold_comfort_noise_enabled: pulumi.Input[bool] | None = None
    """Play comfort noise while on hold. The schema gives both false and true as the default
    (contradiction 4); the emulator uses false, the request schema's."""
    dtmf_type: pulumi.Input[Literal["RFC 2833", "Inband", "SIP INFO"]] | None = None
    """DTMF signalling. Default ``RFC 2833``."""
    encode_contact_header_enabled: pulumi.Input[bool] | None = None
    """Encode the Contact header. Default false."""
    encrypted_media: pulumi.Input[Literal["SRTP"]] | None = None
    """``SRTP`` or null. The SDKs contradict each other on whether this needs TLS or excludes it
    (contradiction 2), so no rule ties it to the transport here; Telnyx decides."""
    external_uac_settings: pulumi.Input[ExternalUacSettingsArgs | Mapping[str, Any]] | None = None
    """Registration credentials towards the PBX."""
    inbound: pulumi.Input[InboundArgs | Mapping[str, Any]] | None = None
    """Inbound call settings."""
    internal_uac_settings: pulumi.Input[InternalUacSettingsArgs | Mapping[str, Any]] | None = None
    """Destination of calls from the PBX inside Telnyx."""
    ios_push_credential_id: pulumi.Input[str] | None = None
    """iOS push credential id, or null."""
    jitter_buffer: pulumi.Input[JitterBufferArgs | Mapping[str, Any]] | None = None
    """Jitter buffer settings."""
    noise_suppression: pulumi.Input[Literal["inbound", "outbound", "both", "disabled"]] | None = (
        None
    )
    """Where noise suppression applies."""
    noise_suppression_details: (
        pulumi.Input[NoiseSuppressionDetailsArgs | Mapping[str, Any]] | None
    ) = None
    """Noise suppression engine settings."""
    onnet_t38_passthrough_enabled: pulumi.Input[bool] | None = None
    """Pass T.38 through on-net. Default false."""
    outbound: pulumi.Input[OutboundArgs | Mapping[str, Any]] | None = None
    """Outbound call settings."""
    password: pulumi.Input[str] | None = None
    """Connection SIP password, 8-128 characters; generated when omitted. Write-only. Always a
    secret."""
    rtcp_settings: pulumi.Input[RtcpSettingsArgs | Mapping[str, Any]] | None = None
    """RTCP settings."""
    sip_uri_calling_preference: (
        pulumi.Input[Literal["disabled", "unrestricted", "internal"]] | None
    ) = None
    """Who may call the connection by SIP URI."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags."""
    user_name: pulumi.Input[str] | None = None
    """Connection SIP user name; generated when omitted."""
    webhook_event_failover_url: pulumi.Input[str] | None = None
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_event_url: pulumi.Input[str] | None = None
    """Webhook URL for call events."""
    webhook_timeout_secs: pulumi.Input[int] | None = None
    """Webhook timeout in seconds (0-30), or null."""
    webhook_api_version: pulumi.Input[Literal["1", "2", "texml"]] | None = None
    """Webhook API version: ``1`` (default), ``2`` or ``texml`` (create only; needs
    ``outbound.call_parking_enabled``)."""
    wait_for_registration: pulumi.Input[float] | None = None
    """Seconds to wait, after a create or a change of external_uac_settings or active, until
    Telnyx reports the registration to the PBX as Registered; 0 or unset does not wait. A PBX
    that rejects Telnyx or stays silent fails the operation, and the change is undone."""
    adopt_existing_id: pulumi.Input[str] | None = None
    """Take over the existing UAC connection with this id instead of creating one. Read only when
    the resource is created."""
    adopt_existing_by_name: pulumi.Input[bool] | None = None
    """Take over the one existing UAC connection named connection_name instead of creating one.
    Read only when the resource is created."""


class UacConnectionKwargs(TypedDict, total=False):
    """The keyword arguments of ``UacConnection(name, **kwargs)``: ``UacConnectionArgs``'s
    fields."""

    connection_name: Required[pulumi.Input[str]]
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
    android_push_credential_id: pulumi.Input[str] | None
    bridge_generate_comfort_noise_on_cn: pulumi.Input[bool] | None
    call_cost_in_webhooks: pulumi.Input[bool] | None
    default_on_hold_comfort_noise_enabled: pulumi.Input[bool] | None
    dtmf_type: pulumi.Input[Literal["RFC 2833", "Inband", "SIP INFO"]] | None
    encode_contact_header_enabled: pulumi.Input[bool] | None
    encrypted_media: pulumi.Input[Literal["SRTP"]] | None
    external_uac_settings: pulumi.Input[ExternalUacSettingsArgs | Mapping[str, Any]] | None
    inbound: pulumi.Input[InboundArgs | Mapping[str, Any]] | None
    internal_uac_settings: pulumi.Input[InternalUacSettingsArgs | Mapping[str, Any]] | None
    ios_push_credential_id: pulumi.Input[str] | None
    jitter_buffer: pulumi.Input[JitterBufferArgs | Mapping[str, Any]] | None
    noise_suppression: pulumi.Input[Literal["inbound", "outbound", "both", "disabled"]] | None
    noise_suppression_details: pulumi.Input[NoiseSuppressionDetailsArgs | Mapping[str, Any]] | None
    onnet_t38_passthrough_enabled: pulumi.Input[bool] | None
    outbound: pulumi.Input[OutboundArgs | Mapping[str, Any]] | None
    password: pulumi.Input[str] | None
    rtcp_settings: pulumi.Input[RtcpSettingsArgs | Mapping[str, Any]] | None
    sip_uri_calling_preference: pulumi.Input[Literal["disabled", "unrestricted", "internal"]] | None
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    user_name: pulumi.Input[str] | None
    webhook_event_failover_url: pulumi.Input[str] | None
    webhook_event_url: pulumi.Input[str] | None
    webhook_timeout_secs: pulumi.Input[int] | None
    webhook_api_version: pulumi.Input[Literal["1", "2", "texml"]] | None
    wait_for_registration: pulumi.Input[float] | None
    adopt_existing_id: pulumi.Input[str] | None
    adopt_existing_by_name: pulumi.Input[bool] | None


class UacConnectionOutputs:
    """The outputs of a UAC connection, as typed attributes."""

    active: pulumi.Output[bool | None]
    """Whether the connection is in service. Default true."""
    anchorsite_override: pulumi.Output[str | None]
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    android_push_credential_id: pulumi.Output[str | None]
    """Android push credential id (uuid), or null."""
    bridge_generate_comfort_noise_on_cn: pulumi.Output[bool | None]
    """Generate comfort noise on CN packets when bridging (SDK 4.189+). Default false."""
    call_cost_in_webhooks: pulumi.Output[bool | None]
    """Include call cost in webhooks. Default false."""
    default_on_hold_comfort_noise_enabled: pulumi.Output[bool | None]
    """Play comfort noise while on hold. The schema gives both false and true as the default
    (contradiction 4); the emulator uses false, the request schema's."""
    dtmf_type: pulumi.Output[str | None]
    """DTMF signalling. Default ``RFC 2833``."""
    encode_contact_header_enabled: pulumi.Output[bool | None]
    """Encode the Contact header. Default false."""
    encrypted_media: pulumi.Output[str | None]
    """``SRTP`` or null. The SDKs contradict each other on whether this needs TLS or excludes it
    (contradiction 2), so no rule ties it to the transport here; Telnyx decides."""
    external_uac_settings: pulumi.Output[Mapping[str, Any] | None]
    """Registration credentials towards the PBX."""
    inbound: pulumi.Output[Mapping[str, Any] | None]
    """Inbound call settings."""
    internal_uac_settings: pulumi.Output[Mapping[str, Any] | None]
    """Destination of calls from the PBX inside Telnyx."""
    ios_push_credential_id: pulumi.Output[str | None]
    """iOS push credential id, or null."""
    jitter_buffer: pulumi.Output[Mapping[str, Any] | None]
    """Jitter buffer settings."""
    noise_suppression: pulumi.Output[str | None]
    """Where noise suppression applies."""
    noise_suppression_details: pulumi.Output[Mapping[str, Any] | None]
    """Noise suppression engine settings."""
    onnet_t38_passthrough_enabled: pulumi.Output[bool | None]
    """Pass T.38 through on-net. Default false."""
    outbound: pulumi.Output[Mapping[str, Any] | None]
    """Outbound call settings."""
    password: pulumi.Output[str]
    """Connection SIP password, 8-128 characters; generated when omitted. Write-only."""
    rtcp_settings: pulumi.Output[Mapping[str, Any] | None]
    """RTCP settings."""
    sip_uri_calling_preference: pulumi.Output[str | None]
    """Who may call the connection by SIP URI."""
    tags: pulumi.Output[Sequence[str] | None]
    """Free-form tags."""
    user_name: pulumi.Output[str]
    """Connection SIP user name; generated when omitted."""
    webhook_event_failover_url: pulumi.Output[str | None]
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_event_url: pulumi.Output[str | None]
    """Webhook URL for call events."""
    webhook_timeout_secs: pulumi.Output[int | None]
    """Webhook timeout in seconds (0-30), or null."""
    connection_name: pulumi.Output[str]
    """A name for the connection."""
    webhook_api_version: pulumi.Output[str | None]
    """Webhook API version: ``1`` (default), ``2`` or ``texml`` (create only; needs
    ``outbound.call_parking_enabled``)."""
    created_at: pulumi.Output[str | None]
    """When the connection was created (ISO-8601)."""
    fqdn: pulumi.Output[str | None]
    """Telnyx-managed FQDN of the connection, e.g. ``abc123def456.uac.telnyx.com``."""
    fqdns: pulumi.Output[Sequence[Mapping[str, Any]] | None]
    """FQDN records managed with the connection."""
    sip_subdomain: pulumi.Output[str | None]
    """Telnyx-generated SIP subdomain of the connection, e.g. ``abc123def456``."""
    registration_status: pulumi.Output[str | None]
    """Telnyx's registration to the PBX: ``Not Registered``, ``Registered``, ``Failed``, ...
    (free-form in the schema)."""
    registration_status_updated_at: pulumi.Output[str | None]
    """When ``registration_status`` last changed (ISO-8601)."""
    updated_at: pulumi.Output[str | None]
    """When the connection was last updated (ISO-8601)."""
    managed_fields: pulumi.Output[Sequence[str]]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_token: pulumi.Output[str]
    """The resource's random ownership token, drawn when it is first checked; recorded with every
    create the engine starts, so crash recovery can find what an interrupted create left
    behind."""
    ownership_tag: pulumi.Output[str | None]
    """The exact ownership tag (token and nonce) on the UAC connection this resource made or
    adopted."""
    missing_marks: pulumi.Output[Sequence[str] | None]
    """Ownership marks the last refresh found missing from the UAC connection (its tags were
    replaced outside Pulumi): the next update puts them back, so that no other stack or
    project can take it for an unowned one."""
    unconfirmed_passwords: pulumi.Output[Sequence[str] | None]
    """Passwords an interrupted update may have changed on Telnyx (set by `pulumi-uac recover`):
    the next update sends them again, since a password cannot be read back."""
    wait_for_registration: pulumi.Output[float | None]
    """Seconds to wait, after a create or a change of external_uac_settings or active, until
    Telnyx reports the registration to the PBX as Registered; 0 or unset does not wait. A PBX
    that rejects Telnyx or stays silent fails the operation, and the change is undone."""
    adopt_existing_id: pulumi.Output[str | None]
    """Take over the existing UAC connection with this id instead of creating one."""
    adopt_existing_by_name: pulumi.Output[bool | None]
    """Take over the one existing UAC connection named connection_name instead of creating one."""


class GetUacConnectionResult(LookupResult):
    """One UAC connection as Telnyx holds it (passwords are masked): the answer of
    ``getUacConnection``."""

    id: str
    """Its id."""
    active: bool | None
    """Whether the connection is in service. Default true."""
    anchorsite_override: str | None
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    android_push_credential_id: str | None
    """Android push credential id (uuid), or null."""
    bridge_generate_comfort_noise_on_cn: bool | None
    """Generate comfort noise on CN packets when bridging (SDK 4.189+). Default false."""
    call_cost_in_webhooks: bool | None
    """Include call cost in webhooks. Default false."""
    default_on_hold_comfort_noise_enabled: bool | None
    """Play comfort noise while on hold. The schema gives both false and true as the default
    (contradiction 4); the emulator uses false, the request schema's."""
    dtmf_type: str | None
    """DTMF signalling. Default ``RFC 2833``."""
    encode_contact_header_enabled: bool | None
    """Encode the Contact header. Default false."""
    encrypted_media: str | None
    """``SRTP`` or null. The SDKs contradict each other on whether this needs TLS or excludes it
    (contradiction 2), so no rule ties it to the transport here; Telnyx decides."""
    external_uac_settings: Mapping[str, Any] | None
    """Registration credentials towards the PBX."""
    inbound: Mapping[str, Any] | None
    """Inbound call settings."""
    internal_uac_settings: Mapping[str, Any] | None
    """Destination of calls from the PBX inside Telnyx."""
    ios_push_credential_id: str | None
    """iOS push credential id, or null."""
    jitter_buffer: Mapping[str, Any] | None
    """Jitter buffer settings."""
    noise_suppression: str | None
    """Where noise suppression applies."""
    noise_suppression_details: Mapping[str, Any] | None
    """Noise suppression engine settings."""
    onnet_t38_passthrough_enabled: bool | None
    """Pass T.38 through on-net. Default false."""
    outbound: Mapping[str, Any] | None
    """Outbound call settings."""
    password: str
    """Connection SIP password, 8-128 characters; generated when omitted. Write-only."""
    rtcp_settings: Mapping[str, Any] | None
    """RTCP settings."""
    sip_uri_calling_preference: str | None
    """Who may call the connection by SIP URI."""
    tags: Sequence[str] | None
    """Free-form tags."""
    user_name: str
    """Connection SIP user name; generated when omitted."""
    webhook_event_failover_url: str | None
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_event_url: str | None
    """Webhook URL for call events."""
    webhook_timeout_secs: int | None
    """Webhook timeout in seconds (0-30), or null."""
    connection_name: str
    """A name for the connection."""
    webhook_api_version: str | None
    """Webhook API version: ``1`` (default), ``2`` or ``texml`` (create only; needs
    ``outbound.call_parking_enabled``)."""
    created_at: str | None
    """When the connection was created (ISO-8601)."""
    fqdn: str | None
    """Telnyx-managed FQDN of the connection, e.g. ``abc123def456.uac.telnyx.com``."""
    fqdns: Sequence[Mapping[str, Any]] | None
    """FQDN records managed with the connection."""
    sip_subdomain: str | None
    """Telnyx-generated SIP subdomain of the connection, e.g. ``abc123def456``."""
    registration_status: str | None
    """Telnyx's registration to the PBX: ``Not Registered``, ``Registered``, ``Failed``, ...
    (free-form in the schema)."""
    registration_status_updated_at: str | None
    """When ``registration_status`` last changed (ISO-8601)."""
    updated_at: str | None
    """When the connection was last updated (ISO-8601)."""
    managed_fields: Sequence[str]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_tag: str | None
    """The exact ownership tag (token and nonce) on the UAC connection this resource made or
    adopted."""


class UacConnection(SpecResource, UacConnectionOutputs, module="telnyx", name="UacConnection"):
    """A Telnyx UAC connection: Telnyx registers **to** your PBX and routes the PBX's calls to a
    Telnyx application through ``internal_uac_settings.destination_uri``.

    ## Example Usage

    ```python
    import pulumi
    from pulumi_uac import (
        ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations)

    cfg = pulumi.Config()
    conn = UacConnection(
        "office-pbx",
        connection_name="Office PBX",
        external_uac_settings=ExternalUacSettingsArgs(
            proxy="sip:pbx.example.com:5060", username="telnyx-reg",
            password=cfg.require_secret("pbxPassword"), transport="TCP"),
        internal_uac_settings=InternalUacSettingsArgs(
            destination_uri=destinations.ai_assistant("1006", cfg.require("assistantId"))),
    )
    pulumi.export("fqdn", conn.fqdn)
    ```

    Credentials: ``pulumi config set --secret telnyx:apiKey <KEY>`` (or ``TELNYX_API_KEY``);
    endpoint: ``telnyx:baseUrl`` (or ``TELNYX_BASE_URL``).

    Secrets: ``password`` and ``external_uac_settings.password`` are always secrets, in inputs,
    outputs and state. Both are write-only: Telnyx masks them, so a change made outside Pulumi is
    not detected; change the value in the program to rotate them.

    ## Import

    ``pulumi import`` cannot work for dynamic resources (it does with
    ``pulumi_uac.native.UacConnection``). To take over an existing UAC connection here, set
    ``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and run ``pulumi up``: the
    UAC connection is brought to the program's settings and managed from then on.
    """

    _spec = UAC_CONNECTION
    _args_type = UacConnectionArgs

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
        **kwargs: Unpack[UacConnectionKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: UacConnectionArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)
