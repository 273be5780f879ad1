"""Enumerations of the UAC connection contract, as string literals (the wire values)."""

from __future__ import annotations

from typing import Literal

AnchorsiteOverride = Literal[
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
DtmfType = Literal["RFC 2833", "Inband", "SIP INFO"]
EncryptedMedia = Literal["SRTP"]
NoiseSuppression = Literal["inbound", "outbound", "both", "disabled"]
NoiseSuppressionEngine = Literal[
    "denoiser",
    "deep_filter_net",
    "deep_filter_net_large",
    "krisp_viva_tel",
    "krisp_viva_tel_lite",
    "krisp_viva_promodel",
    "krisp_viva_ss",
    "quail_voice_focus",
]
SipUriCallingPreference = Literal["disabled", "unrestricted", "internal"]
WebhookApiVersion = Literal["1", "2", "texml"]
WebhookApiVersionUpdate = Literal["1", "2"]
Transport = Literal["UDP", "TLS", "TCP"]
RtcpPort = Literal["rtcp-mux", "rtp+1"]
AniNumberFormat = Literal["+E.164", "E.164", "+E.164-national", "E.164-national"]
DnisNumberFormat = Literal["+e164", "e164", "national", "sip_username"]
DefaultRoutingMethod = Literal["sequential", "round-robin"]
SimultaneousRinging = Literal["disabled", "enabled"]
SipRegion = Literal["US", "Europe", "Australia"]
SipSubdomainReceiveSettings = Literal["only_my_connections", "from_anyone"]
AniOverrideType = Literal["always", "normal", "emergency"]
T38ReinviteSource = Literal[
    "telnyx", "customer", "disabled", "passthru", "caller-passthru", "callee-passthru"
]
RegistrationStatus = Literal[
    "Not Applicable", "Not Registered", "Failed", "Expired", "Registered", "Unregistered"
]

REGISTRATION_STATUSES: tuple[str, ...] = RegistrationStatus.__args__  # type: ignore[attr-defined]
