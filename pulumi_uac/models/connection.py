"""Request bodies and the response model of ``/v2/uac_connections``."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from .common import (
    MASKED_PASSWORD,
    Bool,
    ConnectionPassword,
    Int,
    Password,
    RequestModel,
    ResponseModel,
    Text,
    Uri,
    UriOrBlank,
    UserName,
)
from .enums import (
    AnchorsiteOverride,
    DtmfType,
    EncryptedMedia,
    NoiseSuppression,
    SipUriCallingPreference,
    WebhookApiVersion,
    WebhookApiVersionUpdate,
)
from .meta import Computed, Nullable
from .settings import (
    ExternalUacSettings,
    ExternalUacSettingsResponse,
    Fqdn,
    InternalUacSettings,
    JitterBuffer,
    NoiseSuppressionDetails,
    RtcpSettings,
    UacInbound,
    UacInboundResponse,
    UacOutbound,
)

ConnectionName = Annotated[Text, Field(min_length=1, max_length=255)]


class _ConnectionSettings(RequestModel):
    """Fields shared by the create and the update bodies (all optional)."""

    active: Bool | None = None
    """Whether the connection is in service. Default true."""
    anchorsite_override: AnchorsiteOverride | None = None
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    android_push_credential_id: Annotated[Text | None, Nullable()] = None
    """Android push credential id (uuid), or null."""
    bridge_generate_comfort_noise_on_cn: Bool | None = None
    """Generate comfort noise on CN packets when bridging (SDK 4.189+). Default false."""
    call_cost_in_webhooks: Bool | None = None
    """Include call cost in webhooks. Default false."""
    default_on_hold_comfort_noise_enabled: Bool | None = None
    """Play comfort noise while on hold. The schema gives both false and true as the default
    (contradiction 4); the emulator uses false, the request schema's."""
    dtmf_type: DtmfType | None = None
    """DTMF signalling. Default ``RFC 2833``."""
    encode_contact_header_enabled: Bool | None = None
    """Encode the Contact header. Default false."""
    encrypted_media: Annotated[EncryptedMedia | None, Nullable()] = None
    """``SRTP`` or null. The SDKs contradict each other on whether this needs TLS or excludes it
    (contradiction 2), so no rule ties it to the transport here; Telnyx decides."""
    external_uac_settings: ExternalUacSettings | None = None
    """Registration credentials towards the PBX."""
    inbound: UacInbound | None = None
    """Inbound call settings."""
    internal_uac_settings: InternalUacSettings | None = None
    """Destination of calls from the PBX inside Telnyx."""
    ios_push_credential_id: Annotated[Text | None, Nullable()] = None
    """iOS push credential id, or null."""
    jitter_buffer: JitterBuffer | None = None
    """Jitter buffer settings."""
    noise_suppression: NoiseSuppression | None = None
    """Where noise suppression applies."""
    noise_suppression_details: NoiseSuppressionDetails | None = None
    """Noise suppression engine settings."""
    onnet_t38_passthrough_enabled: Bool | None = None
    """Pass T.38 through on-net. Default false."""
    outbound: UacOutbound | None = None
    """Outbound call settings."""
    password: ConnectionPassword | None = None
    """Connection SIP password, 8-128 characters; generated when omitted. Write-only."""
    rtcp_settings: RtcpSettings | None = None
    """RTCP settings."""
    sip_uri_calling_preference: SipUriCallingPreference | None = None
    """Who may call the connection by SIP URI."""
    tags: list[Text] | None = None
    """Free-form tags."""
    user_name: UserName | None = None
    """Connection SIP user name; generated when omitted."""
    webhook_event_failover_url: Annotated[UriOrBlank | None, Nullable()] = None
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_event_url: Uri | None = None
    """Webhook URL for call events."""
    webhook_timeout_secs: Annotated[Annotated[Int, Field(ge=0, le=30)] | None, Nullable()] = None
    """Webhook timeout in seconds (0-30), or null."""


class UacConnectionCreateParams(_ConnectionSettings):
    """Body of ``POST /uac_connections``. Only ``connection_name`` is required."""

    connection_name: ConnectionName
    """A name for the connection."""
    webhook_api_version: WebhookApiVersion | None = None
    """Webhook API version: ``1`` (default), ``2`` or ``texml`` (create only; needs
    ``outbound.call_parking_enabled``)."""


class UacConnectionUpdateParams(_ConnectionSettings):
    """Body of ``PATCH /uac_connections/{id}``: every field optional. Whether Telnyx merges a
    partial nested object into the stored one or replaces it is not documented, so the provider
    always sends whole nested objects."""

    connection_name: ConnectionName | None = None
    """A new name for the connection."""
    webhook_api_version: WebhookApiVersionUpdate | None = None
    """Webhook API version: ``1`` or ``2`` (``texml`` only at create)."""


class UacConnection(ResponseModel):
    """A UAC connection as Telnyx returns it. Every field is optional; unknown ones are kept."""

    id: str | None = None
    """Connection id. The schema says int64-as-string, the docs' examples show a UUID
    (contradiction 1): treated as an opaque string."""
    record_type: str | None = None
    """Always ``uac_connection``."""
    connection_name: str | None = None
    active: bool | None = None
    anchorsite_override: str | None = None
    android_push_credential_id: str | None = None
    authentication: str | None = None
    """``uac-authentication``."""
    bridge_generate_comfort_noise_on_cn: bool | None = None
    call_cost_in_webhooks: bool | None = None
    created_at: Annotated[str | None, Computed()] = None
    """When the connection was created (ISO-8601)."""
    default_on_hold_comfort_noise_enabled: bool | None = None
    dtmf_type: str | None = None
    encode_contact_header_enabled: bool | None = None
    encrypted_media: str | None = None
    external_uac_settings: ExternalUacSettingsResponse | None = None
    fqdn: Annotated[str | None, Computed()] = None
    """Telnyx-managed FQDN of the connection, e.g. ``abc123def456.uac.telnyx.com``."""
    fqdn_outbound_authentication: str | None = None
    fqdns: Annotated[list[Fqdn] | None, Computed()] = None
    """FQDN records managed with the connection."""
    inbound: UacInboundResponse | None = None
    internal_uac_settings: dict[str, Any] | None = None
    ios_push_credential_id: str | None = None
    jitter_buffer: dict[str, Any] | None = None
    noise_suppression: str | None = None
    noise_suppression_details: dict[str, Any] | None = None
    onnet_t38_passthrough_enabled: bool | None = None
    outbound: dict[str, Any] | None = None
    password: Password | None = None
    """Connection password; ``********`` except in the create answer and in an update answer
    whose request changed it (accounts created on or after 2026-09-08)."""
    registration_status: Annotated[str | None, Computed()] = None
    """Telnyx's registration to the PBX: ``Not Registered``, ``Registered``, ``Failed``, ...
    (free-form in the schema)."""
    registration_status_updated_at: Annotated[str | None, Computed()] = None
    """When ``registration_status`` last changed (ISO-8601)."""
    rtcp_settings: dict[str, Any] | None = None
    sip_uri_calling_preference: str | None = None
    tags: list[str] | None = None
    updated_at: Annotated[str | None, Computed()] = None
    """When the connection was last updated (ISO-8601)."""
    user_name: str | None = None
    webhook_api_version: str | None = None
    webhook_event_failover_url: str | None = None
    webhook_event_url: str | None = None
    webhook_timeout_secs: int | None = None


def is_masked(value: str | None) -> bool:
    """Whether a password value from a response is Telnyx's mask rather than the secret."""
    return value == MASKED_PASSWORD
