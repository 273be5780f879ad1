"""Request bodies and the response model of ``/v2/ai/assistants`` (the official SDK's
``assistant_create_params``, ``assistant_update_params`` and ``InferenceEmbedding``).

A typed subset: the fields a voice deployment behind a UAC connection needs. The SDK's other
fields (``tools``, ``external_llm``, ``messaging_settings``, ``widget_settings``,
``insight_settings``, ``conversation_flow``, MCP servers, integrations, ...) are refused by
name rather than passed through untyped; the README lists them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictFloat

from .common import Bool, Int, RequestModel, ResponseModel, Text, Uri
from .meta import Computed, Generated

AssistantName = Annotated[Text, Field(min_length=1, max_length=255)]
Instructions = Annotated[Text, Field(min_length=1)]
Fraction = Annotated[StrictFloat, Field(ge=0.0, le=1.0)]
EnabledFeature = Literal["telephony", "messaging"]
NoiseSuppression = Literal["aicoustics", "krisp", "deepfilternet", "disabled"]


class BackgroundAudio(RequestModel):
    """Audio played under the call: a predefined bed, an MP3 URL or a stored media name."""

    type: Literal["predefined_media", "media_url", "media_name"]
    """``predefined_media`` (``value`` ``silence`` or ``office``), ``media_url`` (an HTTPS
    MP3 URL) or ``media_name`` (a Telnyx Media Storage name)."""
    value: Text
    """The media: ``silence``/``office``, the URL, or the media's name."""
    volume: Annotated[StrictFloat, Field(ge=0.1, le=1.0)] | None = None
    """Volume of a predefined bed, 0.1 to 1.0."""


class VoiceSettings(RequestModel):
    """How the assistant speaks."""

    voice: Annotated[Text, Field(min_length=1)]
    """The voice, e.g. ``Telnyx.KokoroTTS.af_heart`` (ElevenLabs voices need ``api_key_ref``)."""
    api_key_ref: Text | None = None
    """The ``identifier`` of the integration secret holding an ElevenLabs API key."""
    voice_speed: Annotated[StrictFloat, Field(ge=0.6, le=1.5)] | None = None
    """Speed of Telnyx ``Ultra`` voices, 0.6 to 1.5 (1.0 is normal)."""
    speed: Annotated[StrictFloat, Field(gt=0.0)] | None = None
    """Speech velocity of ElevenLabs voices (1.0 is normal)."""
    temperature: Fraction | None = None
    """Stability of ElevenLabs voices."""
    similarity_boost: Fraction | None = None
    """How closely an ElevenLabs voice adheres to the original."""
    style: Fraction | None = None
    """Style exaggeration of ElevenLabs voices."""
    use_speaker_boost: Bool | None = None
    """Amplify similarity to the speaker (ElevenLabs)."""
    expressive_mode: Bool | None = None
    """Emotionally expressive speech (Telnyx Ultra voices)."""
    background_audio: BackgroundAudio | None = None
    """Background audio for the call."""


class TranscriptionSettings(RequestModel):
    """How the assistant hears."""

    model: Text | None = None
    """The speech-to-text model, e.g. ``deepgram/flux`` or ``deepgram/nova-3``."""
    language: Text | None = None
    """The language to transcribe (``en``, ``multi``, ``auto``, ...)."""
    api_key_ref: Text | None = None
    """The ``identifier`` of the integration secret holding the STT provider's API key."""


class RecordingSettings(RequestModel):
    """Call recording."""

    enabled: Bool | None = None
    """Whether calls are recorded."""
    channels: Literal["single", "dual"] | None = None
    """Mono (``single``) or stereo (``dual``)."""
    format: Literal["wav", "mp3"] | None = None
    """File format."""
    stop_on_conversation_end: Bool | None = None
    """Stop recording when the conversation (not the call) ends."""


class TelephonySettings(RequestModel):
    """The assistant on calls."""

    default_texml_app_id: Annotated[Text, Generated()] | None = None
    """The TeXML application that takes the assistant's voice calls. Telnyx creates one with
    the assistant when this is left out."""
    supports_unauthenticated_web_calls: Bool | None = None
    """Allow web widgets to call the assistant without authentication."""
    time_limit_secs: Annotated[Int, Field(ge=1)] | None = None
    """Longest time, in seconds, the assistant stays on a call."""
    noise_suppression: NoiseSuppression | None = None
    """Noise suppression engine, or ``disabled``."""
    disable_dtmf: Bool | None = None
    """Ignore inbound DTMF for the whole call."""
    fallback_destination: Text | None = None
    """Number or SIP URI the caller is transferred to when the conversation ends abnormally."""
    recording_settings: RecordingSettings | None = None
    """Call recording."""


class InterruptionSettings(RequestModel):
    """Whether and how callers can interrupt the assistant."""

    enable: Bool | None = None
    """Whether callers can interrupt the assistant while it speaks."""
    disable_greeting_interruption: Bool | None = None
    """No interruptions while the greeting plays."""
    interrupt_prediction_threshold: Fraction | None = None
    """Interrupt-prediction sensitivity, 0.0 (off) to 1.0."""


class PrivacySettings(RequestModel):
    """What Telnyx keeps of conversations."""

    data_retention: Bool | None = None
    """Store conversation history and insights."""
    pii_redaction: Literal["disabled", "redact"] | None = None
    """Redact personal data from the stored history."""


class _AssistantSettings(RequestModel):
    """Fields shared by the create and the update bodies (all optional)."""

    model: Text | None = None
    """The LLM, e.g. ``openai/gpt-4o`` or ``meta-llama/Meta-Llama-3.1-70B-Instruct``; Telnyx
    applies its default when this is left out."""
    description: Text | None = None
    """A description for people."""
    greeting: Text | None = None
    """What the assistant says first (``""`` waits for the caller to speak)."""
    tags: list[Text] | None = None
    """Free-form tags."""
    tool_ids: list[Annotated[Text, Field(min_length=1)]] | None = None
    """Ids of shared tools (``/ai/tools``) the assistant can call."""
    llm_api_key_ref: Text | None = None
    """The ``identifier`` of the integration secret holding a third-party LLM's API key (the
    reference is not a secret; the key it names stays in Telnyx)."""
    dynamic_variables: dict[str, Any] | None = None
    """Default values of the dynamic variables the instructions and greeting use."""
    dynamic_variables_webhook_url: Uri | None = None
    """URL Telnyx POSTs to at the start of a conversation to resolve dynamic variables."""
    enabled_features: list[EnabledFeature] | None = None
    """``telephony`` and/or ``messaging``."""
    voice_settings: VoiceSettings | None = None
    """How the assistant speaks."""
    transcription: TranscriptionSettings | None = None
    """How the assistant hears."""
    telephony_settings: TelephonySettings | None = None
    """The assistant on calls."""
    interruption_settings: InterruptionSettings | None = None
    """Interruptions and end of turn."""
    privacy_settings: PrivacySettings | None = None
    """What Telnyx keeps of conversations."""


class AiAssistantCreateParams(_AssistantSettings):
    """Body of ``POST /ai/assistants``."""

    name: AssistantName
    """A name for the assistant."""
    instructions: Instructions
    """System instructions (may use dynamic variables)."""


class AiAssistantUpdateParams(_AssistantSettings):
    """Body of ``POST /ai/assistants/{id}`` (an update is a POST)."""

    name: AssistantName | None = None
    """The assistant's name."""
    instructions: Instructions | None = None
    """System instructions."""


class AiAssistant(ResponseModel):
    """A Telnyx AI Assistant: a voice agent that a UAC connection can hand a PBX's calls to
    (``destinations.ai_assistant(ext, assistant.id)``)."""

    id: str | None = None
    """Assistant id (``assistant-<uuid>``)."""
    name: str | None = None
    instructions: str | None = None
    model: str | None = None
    description: str | None = None
    greeting: str | None = None
    tags: list[str] | None = None
    tool_ids: list[str] | None = None
    llm_api_key_ref: str | None = None
    dynamic_variables: dict[str, Any] | None = None
    dynamic_variables_webhook_url: str | None = None
    enabled_features: list[str] | None = None
    voice_settings: dict[str, Any] | None = None
    transcription: dict[str, Any] | None = None
    telephony_settings: dict[str, Any] | None = None
    interruption_settings: dict[str, Any] | None = None
    privacy_settings: dict[str, Any] | None = None
    created_at: Annotated[str | None, Computed()] = None
    """When the assistant was created (ISO-8601)."""
    version_id: Annotated[str | None, Computed()] = None
    """The version the assistant's main points at."""
