"""The AI Assistant's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .assistant import AiAssistant, AiAssistantCreateParams, AiAssistantUpdateParams
from .spec import Api, Docs, Examples, ResourceSpec

AI_ASSISTANT = ResourceSpec(
    name="AiAssistant",
    noun="AI Assistant",
    create_model=AiAssistantCreateParams,
    update_model=AiAssistantUpdateParams,
    response_model=AiAssistant,
    name_field="name",
    api=Api(
        path="ai/assistants",
        # An update is a POST, and it is promoted to the main version (Telnyx's default): what
        # the program declares is what calls get.
        update_method="POST",
        enveloped=False,
        paginated=False,
        # Destroy means gone: a soft delete would keep the name taken for adoption and leave
        # the assistant's TeXML application behind for 30 days. `retain_on_delete` keeps one.
        delete_query=(("hard_delete", "true"),),
        idempotency_header="Idempotency-Key",
        tag_endpoint=True,
    ),
    dynamic_provider="pulumi_uac.provider.ai_assistant:AiAssistantProvider",
    examples=Examples(
        minimal={"name": "Example desk", "instructions": "Answer calls."},
        full={
            "name": "Example desk",
            "instructions": "Answer calls for {{company}}. Be brief.",
            "model": "openai/gpt-4o",
            "description": "Every covered field",
            "greeting": "Hello, {{company}}.",
            "tags": ["desk"],
            "tool_ids": ["tool-1"],
            "llm_api_key_ref": "openai-key",
            "dynamic_variables": {"company": "Example Ltd", "nested": {"a": 1}},
            "dynamic_variables_webhook_url": "https://vars.example.com/resolve",
            "enabled_features": ["telephony", "messaging"],
            "voice_settings": {
                "voice": "ElevenLabs.eleven_multilingual_v2.abc",
                "voice_speed": 1.2,
                "expressive_mode": True,
                "background_audio": {"type": "predefined_media", "value": "office", "volume": 0.5},
                "api_key_ref": "elevenlabs-key",
                "speed": 1.1,
                "temperature": 0.5,
                "similarity_boost": 0.7,
                "style": 0.2,
                "use_speaker_boost": True,
            },
            "transcription": {
                "model": "deepgram/nova-3",
                "language": "en",
                "api_key_ref": "deepgram-key",
            },
            "telephony_settings": {
                "time_limit_secs": 600,
                "noise_suppression": "krisp",
                "disable_dtmf": True,
                "fallback_destination": "+13125550100",
                "supports_unauthenticated_web_calls": True,
                "recording_settings": {
                    "enabled": True,
                    "format": "wav",
                    "channels": "dual",
                    "stop_on_conversation_end": True,
                },
            },
            "interruption_settings": {
                "enable": False,
                "interrupt_prediction_threshold": 0.4,
                "disable_greeting_interruption": True,
            },
            "privacy_settings": {"data_retention": False, "pii_redaction": "redact"},
        },
        update={"greeting": "Hi.", "tags": ["changed"]},
    ),
    docs=Docs(
        summary="A Telnyx AI Assistant: the voice agent a UAC connection can hand a PBX's "
        "calls to.",
        example="""from pulumi_uac import AiAssistant, UacConnection, destinations

agent = AiAssistant("front-desk", name="Front desk",
    instructions="You answer calls for Example Ltd. Be brief.",
    voice_settings={"voice": "Telnyx.KokoroTTS.af_heart"})
UacConnection("office-pbx", connection_name="Office PBX",
    internal_uac_settings={"destination_uri": destinations.ai_assistant("1006", agent.id)})""",
        notes="""\
Creates carry an ``Idempotency-Key`` made from the create's ownership mark. Every update
is promoted to the assistant's main version (Telnyx's default), and ``destroy`` deletes
for good (``hard_delete``): use ``retain_on_delete`` to keep one. A change of ``tags``
alone (and every ownership mark on an existing assistant) goes through the assistant's
tag endpoints, so it mints no version.""",
    ),
    # The official SDK's module and type prefix (``telnyx.types.ai.assistant_create_params``).
    extra={"sdk": ("ai.assistant", "Assistant")},
    uncovered=(
        "a2a_agents",
        "avatar_settings",
        "conversation_flow",
        "delegation_settings",
        "dynamic_variables_webhook_timeout_ms",
        "external_llm",
        "fallback_config",
        "insight_settings",
        "integrations",
        "mcp_servers",
        "messaging_settings",
        "observability_settings",
        "post_conversation_settings",
        "tools",
        "websocket_settings",
        "widget_settings",
        "interruption_settings.start_speaking_plan",
        "privacy_settings.in_transit_data_locality",
        "telephony_settings.conversation_ended_full_history",
        "telephony_settings.noise_suppression_config",
        "telephony_settings.send_message_history_updates",
        "telephony_settings.voicemail_detection",
        "transcription.challenger",
        "transcription.fallback_models",
        "transcription.region",
        "transcription.settings",
        "voice_settings.language_boost",
        "voice_settings.tool_call_audio",
    ),
)
