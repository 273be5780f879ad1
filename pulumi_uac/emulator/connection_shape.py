"""What a UAC connection holds in the emulator before anything is set: its defaults, its nested
objects' defaults (what a key a PATCH leaves out goes back to, under ``replace``), the fields
Telnyx generates inside them, and its passwords. The choices are listed in :mod:`.store`."""

from __future__ import annotations

import copy
from typing import Any, Literal

from ..models import UAC_CONNECTION

Record = dict[str, Any]
NestedPatch = Literal["replace", "merge"]
NESTED_PATCH_MODES: tuple[NestedPatch, ...] = ("replace", "merge")

EXTERNAL_KEYS = tuple(
    f.name
    for s in UAC_CONNECTION.fields.request
    if s.name == "external_uac_settings"
    for f in s.fields
)
"""The nine keys of ``external_uac_settings``: all present in answers, null when unset."""

# Defaults of the engines' attenuation limits (the SDK's docstring).
ATTENUATION_DEFAULTS: dict[str, int] = {
    "denoiser": 0,
    "deep_filter_net": 80,
    "deep_filter_net_large": 80,
    "krisp_viva_tel": 80,
    "krisp_viva_tel_lite": 80,
    "krisp_viva_promodel": 80,
    "krisp_viva_ss": 80,
    "quail_voice_focus": 100,
}

DEFAULT_INBOUND: Record = {
    "ani_number_format": "E.164-national",
    "channel_limit": None,
    "codecs": ["G722", "G711U", "G711A", "G729", "OPUS", "H.264"],
    "default_routing_method": "sequential",
    "dnis_number_format": "e164",
    "generate_ringback_tone": False,
    "isup_headers_enabled": False,
    "prack_enabled": False,
    "shaken_stir_enabled": False,
    "simultaneous_ringing": "disabled",
    "sip_compact_headers_enabled": True,
    "sip_region": "US",
    "timeout_1xx_secs": 3,
    "timeout_2xx_secs": 90,
}
DEFAULT_OUTBOUND: Record = {
    "ani_override": "",
    "ani_override_type": "always",
    "call_parking_enabled": False,
    "channel_limit": None,
    "generate_ringback_tone": False,
    "instant_ringback_enabled": True,
    "localization": "US",
    "outbound_voice_profile_id": None,
    "t38_reinvite_source": "telnyx",
}
NESTED_DEFAULTS: dict[str, Record] = {
    "inbound": DEFAULT_INBOUND,
    "outbound": DEFAULT_OUTBOUND,
    "jitter_buffer": {
        "enable_jitter_buffer": False,
        "jitterbuffer_msec_max": 200,
        "jitterbuffer_msec_min": 60,
    },
    "noise_suppression_details": {"engine": "denoiser"},
    "rtcp_settings": {"capture_enabled": False, "port": "rtp+1", "report_frequency_secs": 5},
    "external_uac_settings": dict.fromkeys(EXTERNAL_KEYS),
    "internal_uac_settings": {"destination_uri": None},
}
"""What a nested object holds before anything is set (and, under ``replace``, what a key a
PATCH leaves out goes back to)."""
DEFAULTS: Record = {
    "active": True,
    "anchorsite_override": "Latency",
    "android_push_credential_id": None,
    "bridge_generate_comfort_noise_on_cn": False,
    "call_cost_in_webhooks": False,
    "default_on_hold_comfort_noise_enabled": False,
    "dtmf_type": "RFC 2833",
    "encode_contact_header_enabled": False,
    "encrypted_media": None,
    "external_uac_settings": None,
    "internal_uac_settings": None,
    "ios_push_credential_id": None,
    "noise_suppression": "disabled",
    "onnet_t38_passthrough_enabled": False,
    "sip_uri_calling_preference": "disabled",
    "tags": [],
    "webhook_api_version": "1",
    "webhook_event_failover_url": "",
    "webhook_event_url": None,
    "webhook_timeout_secs": None,
}
# Telnyx-generated fields inside nested objects: kept whatever a PATCH says.
GENERATED_NESTED = {"inbound": ("sip_subdomain", "sip_subdomain_receive_settings")}
NESTED = UAC_CONNECTION.fields.nested
PASSWORDS = ("password", "external_uac_settings.password")


def nested_value(key: str, value: Record) -> Record:
    """A nested object as stored from ``value``: its defaults, then the values given (and the
    attenuation limit that goes with the chosen engine, when none is given)."""
    out = {**copy.deepcopy(NESTED_DEFAULTS.get(key, {})), **copy.deepcopy(value)}
    if key == "noise_suppression_details" and out.get("attenuation_limit") is None:
        out["attenuation_limit"] = ATTENUATION_DEFAULTS.get(str(out.get("engine")), 0)
    return out
