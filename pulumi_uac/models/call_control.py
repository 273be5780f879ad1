"""Request bodies and the response model of ``/v2/call_control_applications`` (the official
SDK's ``call_control_application_*`` types)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from .common import (
    Bool,
    Count,
    Int,
    Int64String,
    RequestModel,
    ResponseModel,
    Text,
    Uri,
    UriOrBlank,
)
from .enums import DtmfType
from .meta import Computed, Nullable

ApplicationName = Annotated[Text, Field(min_length=1, max_length=255)]
SubdomainReceiveSettings = Literal["only_my_connections", "from_anyone"]
AnchorsiteOverride = Literal[
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
"""The SDK's list for Call Control applications (it differs from a UAC connection's)."""


class CallControlInbound(RequestModel):
    """Inbound call settings of a Call Control application."""

    channel_limit: Count | None = None
    """Maximum concurrent inbound calls to the application's numbers."""
    shaken_stir_enabled: Bool | None = None
    """Include SHAKEN/STIR data in the webhook of a new inbound call. Default false."""
    sip_subdomain: Text | None = None
    """A subdomain (``<name>.sip.telnyx.com``) that SIP endpoints can call the application
    at."""
    sip_subdomain_receive_settings: SubdomainReceiveSettings | None = None
    """Who may call the SIP subdomain: ``only_my_connections`` (default) or ``from_anyone``."""


class CallControlOutbound(RequestModel):
    """Outbound call settings of a Call Control application."""

    channel_limit: Count | None = None
    """Maximum concurrent outbound calls."""
    outbound_voice_profile_id: Int64String | None = None
    """The outbound voice profile its outbound calls use (numeric string)."""


class _ApplicationSettings(RequestModel):
    """Fields shared by the create and the update bodies (all optional)."""

    active: Bool | None = None
    """Whether the application can be used. Default true."""
    anchorsite_override: AnchorsiteOverride | None = None
    """Media anchor site, or ``Latency`` (default) to pick the nearest."""
    call_cost_in_webhooks: Bool | None = None
    """Send call-cost webhooks. Default false."""
    dtmf_type: DtmfType | None = None
    """DTMF signalling from Telnyx to the application. Default ``RFC 2833``."""
    first_command_timeout: Bool | None = None
    """Hang up calls whose first command times out. Default false."""
    first_command_timeout_secs: Annotated[Int, Field(ge=0)] | None = None
    """Seconds to wait for the first command. Default 30."""
    inbound: CallControlInbound | None = None
    """Inbound call settings."""
    outbound: CallControlOutbound | None = None
    """Outbound call settings."""
    redact_dtmf_debug_logging: Bool | None = None
    """Redact DTMF digits in debug logs. Default false."""
    webhook_api_version: Literal["1", "2"] | None = None
    """Webhook format: ``1`` or ``2`` (default)."""
    webhook_event_failover_url: Annotated[UriOrBlank | None, Nullable()] = None
    """Failover webhook URL; ``""`` (the default) or null means none."""
    webhook_timeout_secs: Annotated[Annotated[Int, Field(ge=0, le=30)] | None, Nullable()] = None
    """Webhook timeout in seconds (0-30), or null."""


class CallControlApplicationCreateParams(_ApplicationSettings):
    """What a program sets: the body of ``POST /call_control_applications`` plus ``tags``,
    which that POST cannot carry (the SDK's create has no ``tags``): they are written by an
    update right after the create."""

    application_name: ApplicationName
    """A name for the application."""
    webhook_event_url: Uri
    """The URL Telnyx sends the application's call events to (with a scheme, e.g. https)."""
    tags: list[Text] | None = None
    """Free-form tags."""


class CallControlApplicationUpdateParams(_ApplicationSettings):
    """Body of ``PATCH /call_control_applications/{id}``. The SDK requires
    ``application_name`` and ``webhook_event_url`` in every update, so every update sends
    them."""

    application_name: ApplicationName
    """The application's name (sent with every update)."""
    webhook_event_url: Uri
    """The application's webhook URL (sent with every update)."""
    tags: list[Text] | None = None
    """Free-form tags."""


class CallControlApplication(ResponseModel):
    """A Telnyx Call Control application: a webhook-driven voice application that a UAC
    connection can hand a PBX's calls to (``destinations.call_control(ext, app.id)``)."""

    id: str | None = None
    """Application id (an int64 written as a string)."""
    record_type: str | None = None
    """Always ``call_control_application``."""
    application_name: str | None = None
    active: bool | None = None
    anchorsite_override: str | None = None
    call_cost_in_webhooks: bool | None = None
    created_at: Annotated[str | None, Computed()] = None
    """When the application was created (ISO-8601)."""
    dtmf_type: str | None = None
    first_command_timeout: bool | None = None
    first_command_timeout_secs: int | None = None
    inbound: dict[str, Any] | None = None
    outbound: dict[str, Any] | None = None
    redact_dtmf_debug_logging: bool | None = None
    tags: list[str] | None = None
    updated_at: Annotated[str | None, Computed()] = None
    """When the application was last updated (ISO-8601)."""
    webhook_api_version: str | None = None
    webhook_event_failover_url: str | None = None
    webhook_event_url: str | None = None
    webhook_timeout_secs: int | None = None
