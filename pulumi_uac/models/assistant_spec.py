"""The AI Assistant's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .assistant import AiAssistant, AiAssistantCreateParams, AiAssistantUpdateParams
from .spec import Api, Docs, ResourceSpec

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
