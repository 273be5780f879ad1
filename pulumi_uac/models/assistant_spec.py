"""The AI Assistant's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .assistant import AiAssistant, AiAssistantCreateParams, AiAssistantUpdateParams
from .spec import Api, ResourceSpec

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
