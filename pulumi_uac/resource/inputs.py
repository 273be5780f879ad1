"""Input types of ``UacConnection``, one per nested object of the API.

Each field takes a plain value or a ``pulumi.Input``; a plain ``dict`` with the same keys is
accepted wherever an ``XxxArgs`` is, and so is a ``pulumi.Output`` of either. The classes are
Pulumi input types (like a generated SDK's), so the engine serializes them wherever they sit.

Field for field, each class equals its model in :mod:`pulumi_uac.models` (a test keeps it so):
adding an API field means adding it to the model and here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import pulumi
from typing_extensions import dataclass_transform

T = TypeVar("T")


@dataclass_transform(kw_only_default=True)
def input_type(cls: type[T]) -> type[T]:
    """``pulumi.input_type``, declared as a dataclass-like transform so type checkers know the
    keyword-only ``__init__`` it generates from the annotations."""
    return pulumi.input_type(cls)


def args_dict(value: Any) -> dict[str, Any]:
    """An input type or a mapping as a plain dict of its set fields (values left as given)."""
    if isinstance(value, Mapping):
        return {k: v for k, v in value.items() if v is not None}
    names = pulumi._types.input_type_py_to_pulumi_names(type(value))
    return {
        wire: getattr(value, py) for py, wire in names.items() if getattr(value, py) is not None
    }


def is_args(value: Any) -> bool:
    """Whether ``value`` is one of the input types."""
    return pulumi._types.is_input_type(type(value))


@input_type
class ExternalUacSettingsArgs:
    """The credentials Telnyx uses to register *to* your PBX."""

    proxy: pulumi.Input[str] | None = None
    """PBX SIP proxy Telnyx registers to, e.g. ``sip:pbx.example.com:5060``. Required when this
    object is set."""
    username: pulumi.Input[str] | None = None
    """SIP username for the registration (4-32 characters: letters, digits, '-', '_')."""
    password: pulumi.Input[str] | None = None
    """SIP password for the registration. Always a secret; write-only (Telnyx masks it)."""
    auth_username: pulumi.Input[str] | None = None
    """Digest-auth username, when it differs from ``username``."""
    expiration_sec: pulumi.Input[int] | None = None
    """Registration refresh interval in seconds (at least 1)."""
    from_user: pulumi.Input[str] | None = None
    """User part of the From header."""
    outbound_proxy: pulumi.Input[str] | None = None
    """Outbound proxy, e.g. ``outbound.pbx.example.com:5061``."""
    transport: pulumi.Input[str] | None = None
    """``UDP``, ``TCP`` or ``TLS``."""
    user_agent: pulumi.Input[str] | None = None
    """Custom SIP User-Agent."""


@input_type
class InternalUacSettingsArgs:
    """Where calls from your PBX go inside Telnyx."""

    destination_uri: pulumi.Input[str] | None = None
    """``<extension>@<app-fqdn>.sip.telnyx.com``; build it with :mod:`pulumi_uac.destinations`."""


@input_type
class InboundArgs:
    """Inbound call settings."""

    ani_number_format: pulumi.Input[str] | None = None
    """``+E.164``, ``E.164``, ``+E.164-national`` or ``E.164-national`` (default)."""
    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent inbound calls."""
    codecs: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Codecs in preference order, e.g. ``["G722", "G711U"]``."""
    default_routing_method: pulumi.Input[str] | None = None
    """``sequential`` or ``round-robin``."""
    dnis_number_format: pulumi.Input[str] | None = None
    """``+e164``, ``e164`` (default), ``national`` or ``sip_username``."""
    generate_ringback_tone: pulumi.Input[bool] | None = None
    """Play ringback while the call is set up."""
    isup_headers_enabled: pulumi.Input[bool] | None = None
    """Send ISUP headers."""
    prack_enabled: pulumi.Input[bool] | None = None
    """Enable PRACK."""
    shaken_stir_enabled: pulumi.Input[bool] | None = None
    """Send SHAKEN/STIR identity headers."""
    simultaneous_ringing: pulumi.Input[str] | None = None
    """``disabled`` (default) or ``enabled``."""
    sip_compact_headers_enabled: pulumi.Input[bool] | None = None
    """Use compact SIP headers (default true)."""
    sip_region: pulumi.Input[str] | None = None
    """``US`` (default), ``Europe`` or ``Australia``."""
    timeout_1xx_secs: pulumi.Input[int] | None = None
    """Seconds to wait for a 1xx answer (1-120)."""
    timeout_2xx_secs: pulumi.Input[int] | None = None
    """Seconds to wait for a 2xx answer (1-600)."""


@input_type
class OutboundArgs:
    """Outbound call settings."""

    ani_override: pulumi.Input[str] | None = None
    """Caller number to present instead of the original."""
    ani_override_type: pulumi.Input[str] | None = None
    """``always`` (default), ``normal`` or ``emergency``."""
    call_parking_enabled: pulumi.Input[bool] | None = None
    """Enable call parking (required for ``webhook_api_version="texml"``)."""
    channel_limit: pulumi.Input[int] | None = None
    """Maximum concurrent outbound calls."""
    generate_ringback_tone: pulumi.Input[bool] | None = None
    """Play ringback on outbound calls."""
    instant_ringback_enabled: pulumi.Input[bool] | None = None
    """Ring back immediately (default true)."""
    localization: pulumi.Input[str] | None = None
    """Two-letter country code (default ``US``)."""
    outbound_voice_profile_id: pulumi.Input[str] | None = None
    """Outbound voice profile id (numeric string)."""
    t38_reinvite_source: pulumi.Input[str] | None = None
    """``telnyx`` (default), ``customer``, ``disabled``, ``passthru``, ``caller-passthru`` or
    ``callee-passthru``."""


@input_type
class JitterBufferArgs:
    """Jitter buffer settings."""

    enable_jitter_buffer: pulumi.Input[bool] | None = None
    """Enable the jitter buffer."""
    jitterbuffer_msec_max: pulumi.Input[int] | None = None
    """Maximum buffer in milliseconds (40-400)."""
    jitterbuffer_msec_min: pulumi.Input[int] | None = None
    """Minimum buffer in milliseconds (40-400)."""


@input_type
class NoiseSuppressionDetailsArgs:
    """Noise suppression engine settings."""

    attenuation_limit: pulumi.Input[int] | None = None
    """0-100 in steps of 10."""
    engine: pulumi.Input[str] | None = None
    """``denoiser`` (default), ``deep_filter_net``, ``deep_filter_net_large``,
    ``krisp_viva_tel``, ``krisp_viva_tel_lite``, ``krisp_viva_promodel``, ``krisp_viva_ss`` or
    ``quail_voice_focus``."""


@input_type
class RtcpSettingsArgs:
    """RTCP settings."""

    capture_enabled: pulumi.Input[bool] | None = None
    """Capture RTCP."""
    port: pulumi.Input[str] | None = None
    """``rtcp-mux`` or ``rtp+1`` (default)."""
    report_frequency_secs: pulumi.Input[int] | None = None
    """Report interval in seconds (5-3000)."""


@input_type
class UacConnectionArgs:
    """The inputs of a :class:`~pulumi_uac.UacConnection`. Only ``connection_name`` is required."""

    connection_name: pulumi.Input[str]
    """A name for the connection (also used to find it again after an interrupted ``up``)."""
    active: pulumi.Input[bool] | None = None
    """Whether the connection is in service (Telnyx default: true)."""
    anchorsite_override: pulumi.Input[str] | None = None
    """Media anchor site: ``Latency`` (default), ``Chicago, IL``, ``Amsterdam, Netherlands``..."""
    android_push_credential_id: pulumi.Input[str] | None = None
    """Android push credential id."""
    bridge_generate_comfort_noise_on_cn: pulumi.Input[bool] | None = None
    """Generate comfort noise on CN packets when bridging."""
    call_cost_in_webhooks: pulumi.Input[bool] | None = None
    """Include call cost in webhooks."""
    default_on_hold_comfort_noise_enabled: pulumi.Input[bool] | None = None
    """Play comfort noise while on hold."""
    dtmf_type: pulumi.Input[str] | None = None
    """``RFC 2833`` (default), ``Inband`` or ``SIP INFO``."""
    encode_contact_header_enabled: pulumi.Input[bool] | None = None
    """Encode the Contact header."""
    encrypted_media: pulumi.Input[str] | None = None
    """``SRTP`` to encrypt media."""
    external_uac_settings: pulumi.Input[ExternalUacSettingsArgs | Mapping[str, Any]] | None = None
    """How Telnyx registers to your PBX."""
    inbound: pulumi.Input[InboundArgs | Mapping[str, Any]] | None = None
    """Inbound call settings."""
    internal_uac_settings: pulumi.Input[InternalUacSettingsArgs | Mapping[str, Any]] | None = None
    """Where your PBX's calls go inside Telnyx."""
    ios_push_credential_id: pulumi.Input[str] | None = None
    """iOS push credential id."""
    jitter_buffer: pulumi.Input[JitterBufferArgs | Mapping[str, Any]] | None = None
    """Jitter buffer settings."""
    noise_suppression: pulumi.Input[str] | None = None
    """``inbound``, ``outbound``, ``both`` or ``disabled``."""
    noise_suppression_details: (
        pulumi.Input[NoiseSuppressionDetailsArgs | Mapping[str, Any]] | None
    ) = None
    """Noise suppression engine settings."""
    onnet_t38_passthrough_enabled: pulumi.Input[bool] | None = None
    """Pass T.38 through on-net."""
    outbound: pulumi.Input[OutboundArgs | Mapping[str, Any]] | None = None
    """Outbound call settings."""
    password: pulumi.Input[str] | None = None
    """Connection SIP password (8-128 characters); Telnyx generates one when omitted. Always a
    secret; write-only."""
    rtcp_settings: pulumi.Input[RtcpSettingsArgs | Mapping[str, Any]] | None = None
    """RTCP settings."""
    sip_uri_calling_preference: pulumi.Input[str] | None = None
    """``disabled``, ``unrestricted`` or ``internal``."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags (order does not matter)."""
    user_name: pulumi.Input[str] | None = None
    """Connection SIP user name; Telnyx generates one when omitted."""
    webhook_api_version: pulumi.Input[str] | None = None
    """``1`` (default), ``2``, or ``texml`` (only at creation: changing to it replaces the
    connection)."""
    webhook_event_failover_url: pulumi.Input[str] | None = None
    """Failover webhook URL."""
    webhook_event_url: pulumi.Input[str] | None = None
    """Webhook URL for call events."""
    webhook_timeout_secs: pulumi.Input[int] | None = None
    """Webhook timeout in seconds (0-30)."""
    wait_for_registration: pulumi.Input[float] | None = None
    """Seconds to wait, after creating (or after changing ``external_uac_settings`` or
    ``active``), until Telnyx reports the registration to your PBX as ``Registered``; 0 or unset
    does not wait. A PBX that rejects Telnyx or stays silent fails the ``up`` and the change is
    undone: a new connection is deleted, an update is rolled back."""
    adopt_existing_id: pulumi.Input[str] | None = None
    """Take over the existing connection with this id instead of creating one. Read only when
    the resource is created. (With the native provider, ``pulumi import`` does the same.)"""
    adopt_existing_by_name: pulumi.Input[bool] | None = None
    """Take over the one existing connection named ``connection_name`` instead of creating one.
    Read only when the resource is created."""
