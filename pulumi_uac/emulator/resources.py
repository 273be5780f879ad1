"""What the emulator stores for the resources beside UAC connections, one behaviour each: the
defaults Telnyx fills in and the fields it generates. Choices where the SDK is silent are the
strict ones, as for connections: a PATCH *replaces* a nested object unless the store merges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..models import AI_ASSISTANT, CALL_CONTROL_APPLICATION, OUTBOUND_VOICE_PROFILE, ResourceSpec

Record = dict[str, Any]


@dataclass(frozen=True)
class Behaviour:
    """One resource's stored shape."""

    spec: ResourceSpec
    record_type: str
    defaults: Record
    nested_defaults: dict[str, Record] = field(default_factory=dict)
    generate: Callable[[Record, Callable[[int], str]], None] | None = None
    """Fill in what Telnyx generates at create (``token(n)`` gives random characters)."""
    sorts: dict[str, str] = field(default_factory=lambda: {"created_at": "created_at"})
    """Sort keys the list accepts -> the field each sorts by (the SDK's names)."""
    filters: dict[str, str] = field(default_factory=dict)
    """Exact-match list filters (the query parameter -> the dotted field it compares), besides
    the spec's name filter. Any other ``filter[...]`` is refused: the strict reading, since a
    caller relying on a filter the emulator ignored would get unrelated objects."""
    users: Callable[[str, list[Record], dict[str, list[Record]]], list[str]] | None = None
    """The ids of what uses an object (its id; the connections; the other objects by type):
    shown as ``connections_count``, and an object in use cannot be deleted."""
    id_prefix: str = ""
    """Ids are ``<prefix><uuid>`` (``assistant-...``); numeric strings when empty."""
    updated_at: bool = True
    """Objects carry ``updated_at`` (an assistant does not, in the SDK's type)."""
    versions: bool = False
    """Every update mints a version (``version_id``, ``version_name``, ``version_created_at``)."""
    soft_delete: bool = False
    """A DELETE moves the object to the recently deleted (restorable with
    ``POST /{id}/restore``) unless its query says ``hard_delete=true``."""


def _call_control_generated(record: Record, token: Callable[[int], str]) -> None:
    inbound = record.setdefault("inbound", {})
    inbound.setdefault("sip_subdomain", None)


CALL_CONTROL = Behaviour(
    spec=CALL_CONTROL_APPLICATION,
    record_type="call_control_application",
    defaults={
        "active": True,
        "anchorsite_override": "Latency",
        "call_cost_in_webhooks": False,
        "dtmf_type": "RFC 2833",
        "first_command_timeout": False,
        "first_command_timeout_secs": 30,
        "redact_dtmf_debug_logging": False,
        "tags": [],
        "webhook_api_version": "2",
        "webhook_event_failover_url": "",
        "webhook_timeout_secs": None,
    },
    nested_defaults={
        "inbound": {
            "channel_limit": None,
            "shaken_stir_enabled": False,
            "sip_subdomain": None,
            "sip_subdomain_receive_settings": "only_my_connections",
        },
        "outbound": {"channel_limit": None, "outbound_voice_profile_id": None},
    },
    generate=_call_control_generated,
    # The SDK names the application's name ``connection_name`` here.
    sorts={"created_at": "created_at", "connection_name": "application_name", "active": "active"},
    filters={"filter[outbound.outbound_voice_profile_id]": "outbound.outbound_voice_profile_id"},
)


def _profile_users(
    profile_id: str, connections: list[Record], objects: dict[str, list[Record]]
) -> list[str]:
    """Connections and Call Control applications whose outbound settings name the profile.
    Whether Telnyx refuses to delete a profile in use is not documented: the strict reading
    is that it does, so a stack must delete (or move) its users first."""
    users = [*connections, *objects.get(CALL_CONTROL_APPLICATION.name, [])]
    return [
        str(u["id"])
        for u in users
        if (u.get("outbound") or {}).get("outbound_voice_profile_id") == profile_id
    ]


OUTBOUND_PROFILE = Behaviour(
    spec=OUTBOUND_VOICE_PROFILE,
    record_type="outbound_voice_profile",
    defaults={
        "billing_group_id": None,
        "concurrent_call_limit": None,
        "connections_count": 0,
        "daily_spend_limit": None,
        "daily_spend_limit_enabled": False,
        "enabled": True,
        "max_destination_rate": None,
        "service_plan": "global",
        "tags": [],
        "traffic_type": "conversational",
        "usage_payment_method": "rate-deck",
        "whitelisted_destinations": ["US", "CA"],
    },
    nested_defaults={
        "call_recording": {
            "call_recording_caller_phone_numbers": [],
            "call_recording_channels": "single",
            "call_recording_format": "wav",
            "call_recording_type": "none",
        },
        "calling_window": {"calls_per_cld": None, "end_time": None, "start_time": None},
    },
    sorts={
        k: k
        for k in (
            "created_at",
            "enabled",
            "name",
            "service_plan",
            "traffic_type",
            "usage_payment_method",
        )
    },
    users=_profile_users,
)


def _assistant_generated(record: Record, token: Callable[[int], str]) -> None:
    # "Default Texml App used for voice calls with your assistant. This will be created
    # automatically on assistant creation." (the SDK)
    telephony = record.setdefault("telephony_settings", {})
    if not telephony.get("default_texml_app_id"):
        telephony["default_texml_app_id"] = "2" + "".join(str(int(c, 36) % 10) for c in token(18))


ASSISTANT = Behaviour(
    spec=AI_ASSISTANT,
    record_type="",
    defaults={
        "description": None,
        "dynamic_variables": {},
        "dynamic_variables_webhook_url": None,
        "enabled_features": ["telephony"],
        "greeting": "",
        "llm_api_key_ref": None,
        "model": "moonshotai/Kimi-K2-Instruct",
        "tags": [],
        "tool_ids": [],
    },
    nested_defaults={
        "interruption_settings": {
            "disable_greeting_interruption": False,
            "enable": True,
            "interrupt_prediction_threshold": None,
        },
        "privacy_settings": {"data_retention": True, "pii_redaction": "disabled"},
        "telephony_settings": {
            "default_texml_app_id": None,
            "disable_dtmf": False,
            "fallback_destination": None,
            "noise_suppression": "disabled",
            "recording_settings": {
                "channels": "single",
                "enabled": False,
                "format": "mp3",
                "stop_on_conversation_end": False,
            },
            "supports_unauthenticated_web_calls": False,
            "time_limit_secs": 1800,
        },
        "transcription": {"api_key_ref": None, "language": "en", "model": "deepgram/flux"},
        "voice_settings": {
            "api_key_ref": None,
            "background_audio": None,
            "expressive_mode": False,
            "similarity_boost": None,
            "speed": None,
            "style": None,
            "temperature": None,
            "use_speaker_boost": None,
            "voice": "Telnyx.KokoroTTS.af_heart",
            "voice_speed": 1.0,
        },
    },
    generate=_assistant_generated,
    id_prefix="assistant-",
    updated_at=False,
    versions=True,
    soft_delete=True,
)

BEHAVIOURS: tuple[Behaviour, ...] = (CALL_CONTROL, OUTBOUND_PROFILE, ASSISTANT)
