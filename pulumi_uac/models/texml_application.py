"""Request bodies and the response model of ``/v2/texml_applications`` (the official SDK's
``texml_application_*`` types)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from .common import Bool, Count, Int, Int64String, RequestModel, ResponseModel, Text, Uri
from .enums import AnchorsiteOverride, DtmfType
from .meta import Computed

FriendlyName = Annotated[Text, Field(min_length=1, max_length=255)]
Method = Literal["get", "post"]
SubdomainReceiveSettings = Literal["only_my_connections", "from_anyone"]


class TexmlInbound(RequestModel):
    """Inbound call settings of a TeXML application."""

    channel_limit: Count | None = None
    """Maximum concurrent inbound calls to the application's numbers."""
    shaken_stir_enabled: Bool | None = None
    """Include SHAKEN/STIR data in the webhook of a new inbound call. Default false."""
    sip_subdomain: Text | None = None
    """A subdomain (``<name>.sip.telnyx.com``) that SIP endpoints can call the application at
    (TLS-encrypted calls are not allowed for subdomain calls)."""
    sip_subdomain_receive_settings: SubdomainReceiveSettings | None = None
    """Who may call the SIP subdomain: ``only_my_connections`` (default) or ``from_anyone``."""


class TexmlOutbound(RequestModel):
    """Outbound call settings of a TeXML application."""

    channel_limit: Count | None = None
    """Maximum concurrent outbound calls."""
    outbound_voice_profile_id: Int64String | None = None
    """The outbound voice profile its outbound calls use (numeric string)."""


class _TexmlSettings(RequestModel):
    """Fields shared by the create and the update bodies: the SDK's two params are the same,
    ``friendly_name`` and ``voice_url`` required in both."""

    friendly_name: FriendlyName
    """A name for the application."""
    voice_url: Uri
    """The URL Telnyx fetches the application's TeXML instructions from (with a scheme)."""
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
    inbound: TexmlInbound | None = None
    """Inbound call settings."""
    outbound: TexmlOutbound | None = None
    """Outbound call settings."""
    status_callback: Uri | None = None
    """The URL Telnyx sends call-progress events to."""
    status_callback_method: Method | None = None
    """How ``status_callback`` is requested: ``get`` or ``post`` (default)."""
    tags: list[Text] | None = None
    """Free-form tags."""
    voice_fallback_url: Uri | None = None
    """The URL Telnyx fetches TeXML from when ``voice_url`` answers an error."""
    voice_method: Method | None = None
    """How ``voice_url`` is requested: ``get`` or ``post`` (default)."""


class TexmlApplicationCreateParams(_TexmlSettings):
    """Body of ``POST /texml_applications``."""


class TexmlApplicationUpdateParams(_TexmlSettings):
    """Body of ``PATCH /texml_applications/{id}``: the SDK requires ``friendly_name`` and
    ``voice_url`` in every update, so every update sends them."""


class TexmlApplication(ResponseModel):
    """A Telnyx TeXML application: calls are driven by TwiML-style XML fetched from
    ``voice_url``; a UAC connection can hand a PBX's calls to one."""

    id: str | None = None
    """Application id (an int64 written as a string)."""
    record_type: str | None = None
    """Always ``texml_application``."""
    friendly_name: str | None = None
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
    status_callback: str | None = None
    status_callback_method: str | None = None
    tags: list[str] | None = None
    updated_at: Annotated[str | None, Computed()] = None
    """When the application was last updated (ISO-8601)."""
    voice_fallback_url: str | None = None
    voice_method: str | None = None
    voice_url: str | None = None
