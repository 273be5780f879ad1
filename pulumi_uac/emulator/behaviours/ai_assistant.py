"""What the emulator stores for an AI Assistant."""

from __future__ import annotations

from collections.abc import Callable

from ...models import AI_ASSISTANT
from ..behaviour import Behaviour, Record


def _assistant_generated(record: Record, token: Callable[[int], str]) -> None:
    # "Default Texml App used for voice calls with your assistant. This will be created
    # automatically on assistant creation." (the SDK)
    telephony = record.setdefault("telephony_settings", {})
    if not telephony.get("default_texml_app_id"):
        telephony["default_texml_app_id"] = "2" + "".join(str(int(c, 36) % 10) for c in token(18))


BEHAVIOUR = Behaviour(
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
    delete_answer="assistant",
)
