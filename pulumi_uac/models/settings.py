"""Nested settings objects of a UAC connection, as sent in requests and returned in responses."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import (
    INT32_MAX,
    Bool,
    Count,
    CountryOrBlank,
    DestinationUri,
    Int,
    Int64String,
    Password,
    RequestModel,
    ResponseModel,
    SecretText,
    SipAddress,
    SipUsername,
    Text,
)
from .enums import (
    AniNumberFormat,
    AniOverrideType,
    DefaultRoutingMethod,
    DnisNumberFormat,
    NoiseSuppressionEngine,
    RtcpPort,
    SimultaneousRinging,
    SipRegion,
    SipSubdomainReceiveSettings,
    T38ReinviteSource,
    Transport,
)
from .meta import Computed, Nullable


class ExternalUacSettings(RequestModel):
    """The credentials Telnyx uses to register *to* the customer's PBX."""

    proxy: SipAddress | None = None
    """PBX SIP proxy Telnyx registers to, e.g. ``sip:pbx.example.com:5060``. Required whenever
    the object is sent (Telnyx guide)."""
    username: SipUsername | None = None
    """SIP username for the registration: 4-32 characters, letters, digits, '-' and '_'."""
    password: Annotated[SecretText, Field(min_length=1)] | None = None
    """SIP digest password for the registration. Write-only: masked in responses."""
    auth_username: Annotated[Text | None, Nullable()] = None
    """Digest-auth username, when it differs from ``username``."""
    expiration_sec: Annotated[Annotated[Int, Field(ge=1, le=INT32_MAX)] | None, Nullable()] = None
    """Registration refresh interval in seconds (e.g. 600)."""
    from_user: Annotated[Text | None, Nullable()] = None
    """User part of the From header."""
    outbound_proxy: Annotated[SipAddress | None, Nullable()] = None
    """Outbound proxy, e.g. ``outbound.sip-pbx.acme.example:5061``."""
    transport: Annotated[Transport | None, Nullable()] = None
    """SIP transport towards the PBX: UDP, TLS or TCP."""
    user_agent: Annotated[Text | None, Nullable()] = None
    """Custom SIP User-Agent; unset means Telnyx's default."""


class InternalUacSettings(RequestModel):
    """Where calls from the PBX go inside Telnyx."""

    destination_uri: DestinationUri | None = None
    """SIP URI Telnyx calls for requests from the PBX, without ``sip:``:
    ``<extension>@<app-fqdn>.sip.telnyx.com``."""


class UacInbound(RequestModel):
    """Inbound call settings (requests). ``sip_subdomain*`` are server-generated and refused."""

    ani_number_format: AniNumberFormat | None = None
    """Format of the caller number sent to the PBX. Default ``E.164-national``."""
    channel_limit: Count | None = None
    """Maximum concurrent inbound calls."""
    codecs: list[Text] | None = None
    """Codecs offered, in preference order. Default G722, G711U, G711A, G729, OPUS, H.264."""
    default_routing_method: DefaultRoutingMethod | None = None
    """Routing across several destinations: ``sequential`` or ``round-robin``."""
    dnis_number_format: DnisNumberFormat | None = None
    """Format of the dialled number. Default ``e164``."""
    generate_ringback_tone: Bool | None = None
    """Play ringback while the call is set up. Default false."""
    isup_headers_enabled: Bool | None = None
    """Send ISUP headers. Default false."""
    prack_enabled: Bool | None = None
    """Enable PRACK. Default false."""
    shaken_stir_enabled: Bool | None = None
    """Send SHAKEN/STIR identity headers. Default false."""
    simultaneous_ringing: SimultaneousRinging | None = None
    """Ring several destinations at once. Default ``disabled``."""
    sip_compact_headers_enabled: Bool | None = None
    """Use compact SIP headers. Default true."""
    sip_region: SipRegion | None = None
    """Region receiving inbound SIP; unset means US."""
    timeout_1xx_secs: Annotated[Int, Field(ge=1, le=120)] | None = None
    """Seconds to wait for a 1xx answer (1-120). Default 3."""
    timeout_2xx_secs: Annotated[Int, Field(ge=1, le=600)] | None = None
    """Seconds to wait for a 2xx answer (1-600). Default 90."""


class UacOutbound(RequestModel):
    """Outbound call settings."""

    ani_override: Text | None = None
    """Caller number to present instead of the original."""
    ani_override_type: AniOverrideType | None = None
    """When the override applies. Default ``always``."""
    call_parking_enabled: Annotated[Bool | None, Nullable()] = None
    """Enable call parking (needed for webhook API version ``texml``). Default false."""
    channel_limit: Count | None = None
    """Maximum concurrent outbound calls."""
    generate_ringback_tone: Bool | None = None
    """Play ringback on outbound calls. Default false."""
    instant_ringback_enabled: Bool | None = None
    """Ring back immediately. Default true."""
    localization: CountryOrBlank | None = None
    """Two-letter country code used to localise numbers, or ``""`` (Telnyx then tries US and
    GB). Default ``US``."""
    outbound_voice_profile_id: Int64String | None = None
    """Outbound voice profile id (numeric string)."""
    t38_reinvite_source: T38ReinviteSource | None = None
    """Who sends the T.38 re-INVITE. Default ``telnyx``."""


class JitterBuffer(RequestModel):
    """Jitter buffer settings."""

    enable_jitter_buffer: Bool | None = None
    """Enable the jitter buffer. Default false."""
    jitterbuffer_msec_max: Annotated[Int, Field(ge=40, le=400)] | None = None
    """Maximum buffer in milliseconds (40-400). Default 200."""
    jitterbuffer_msec_min: Annotated[Int, Field(ge=40, le=400)] | None = None
    """Minimum buffer in milliseconds (40-400). Default 60."""


class NoiseSuppressionDetails(RequestModel):
    """Noise suppression engine settings."""

    attenuation_limit: Annotated[Int, Field(ge=0, le=100, multiple_of=10)] | None = None
    """Attenuation limit, 0-100 in steps of 10."""
    engine: NoiseSuppressionEngine | None = None
    """Noise suppression engine. Default ``denoiser``."""


class RtcpSettings(RequestModel):
    """RTCP settings."""

    capture_enabled: Bool | None = None
    """Capture RTCP. Default false."""
    port: RtcpPort | None = None
    """RTCP port: ``rtcp-mux`` or ``rtp+1`` (default)."""
    report_frequency_secs: Annotated[Int, Field(ge=5, le=3000)] | None = None
    """RTCP report interval in seconds (5-3000). Default 5."""


class UacInboundResponse(ResponseModel):
    """Inbound settings as returned, including Telnyx-generated fields."""

    ani_number_format: str | None = None
    channel_limit: int | None = None
    codecs: list[str] | None = None
    default_routing_method: str | None = None
    dnis_number_format: str | None = None
    generate_ringback_tone: bool | None = None
    isup_headers_enabled: bool | None = None
    prack_enabled: bool | None = None
    shaken_stir_enabled: bool | None = None
    simultaneous_ringing: str | None = None
    sip_compact_headers_enabled: bool | None = None
    sip_region: str | None = None
    timeout_1xx_secs: int | None = None
    timeout_2xx_secs: int | None = None
    sip_subdomain: Annotated[str | None, Computed("sip_subdomain")] = None
    """Telnyx-generated SIP subdomain of the connection, e.g. ``abc123def456``."""
    sip_subdomain_receive_settings: SipSubdomainReceiveSettings | str | None = None
    """Who may call the subdomain: ``only_my_connections`` or ``from_anyone``."""


class ExternalUacSettingsResponse(ResponseModel):
    """External settings as returned; ``password`` may be masked as ``********``."""

    proxy: str | None = None
    username: str | None = None
    password: Password | None = None
    auth_username: str | None = None
    expiration_sec: int | None = None
    from_user: str | None = None
    outbound_proxy: str | None = None
    transport: str | None = None
    user_agent: str | None = None


class Fqdn(ResponseModel):
    """An FQDN record managed by the connection's lifecycle."""

    id: str | None = None
    """Id of the FQDN record."""
    connection_id: str | None = None
    """Id of the connection it belongs to."""
    fqdn: str | None = None
    """The fully qualified domain name."""
    dns_record_type: str | None = None
    """DNS record type, e.g. ``srv``."""
    port: int | None = None
    """Port (default 5060)."""
    record_type: str | None = None
    """Always ``fqdn``."""
    created_at: str | None = None
    """When the record was created (ISO-8601)."""
    updated_at: str | None = None
    """When the record was last updated (ISO-8601)."""
