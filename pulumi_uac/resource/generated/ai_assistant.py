"""The typed Python surface of ``AiAssistant``, generated from its models by
``python -m pulumi_uac.resource.codegen``: do not edit by hand.

A Telnyx AI Assistant: a voice agent that a UAC connection can hand a PBX's calls to
(``destinations.ai_assistant(ext, assistant.id)``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

import pulumi
from typing_extensions import Required, TypedDict, Unpack

from ...models.assistant_spec import AI_ASSISTANT
from ..base import SpecResource
from ..input_types import input_type
from ..results import LookupResult


@input_type
class BackgroundAudioArgs:
    """Audio played under the call: a predefined bed, an MP3 URL or a stored media name."""

    type: pulumi.Input[Literal["predefined_media", "media_url", "media_name"]]
    """``predefined_media`` (``value`` ``silence`` or ``office``), ``media_url`` (an HTTPS MP3
    URL) or ``media_name`` (a Telnyx Media Storage name)."""
    value: pulumi.Input[str]
    """The media: ``silence``/``office``, the URL, or the media's name."""
    volume: pulumi.Input[float] | None = None
    """Volume of a predefined bed, 0.1 to 1.0."""


@input_type
class VoiceSettingsArgs:
    """How the assistant speaks."""

    voice: pulumi.Input[str]
    """The voice, e.g. ``Telnyx.KokoroTTS.af_heart`` (ElevenLabs voices need ``api_key_ref``)."""
    api_key_ref: pulumi.Input[str] | None = None
    """The ``identifier`` of the integration secret holding an ElevenLabs API key."""
    voice_speed: pulumi.Input[float] | None = None
    """Speed of Telnyx ``Ultra`` voices, 0.6 to 1.5 (1.0 is normal)."""
    speed: pulumi.Input[float] | None = None
    """Speech velocity of ElevenLabs voices (1.0 is normal)."""
    temperature: pulumi.Input[float] | None = None
    """Stability of ElevenLabs voices."""
    similarity_boost: pulumi.Input[float] | None = None
    """How closely an ElevenLabs voice adheres to the original."""
    style: pulumi.Input[float] | None = None
    """Style exaggeration of ElevenLabs voices."""
    use_speaker_boost: pulumi.Input[bool] | None = None
    """Amplify similarity to the speaker (ElevenLabs)."""
    expressive_mode: pulumi.Input[bool] | None = None
    """Emotionally expressive speech (Telnyx Ultra voices)."""
    background_audio: pulumi.Input[BackgroundAudioArgs | Mapping[str, Any]] | None = None
    """Background audio for the call."""


@input_type
class TranscriptionSettingsArgs:
    """How the assistant hears."""

    model: pulumi.Input[str] | None = None
    """The speech-to-text model, e.g. ``deepgram/flux`` or ``deepgram/nova-3``."""
    language: pulumi.Input[str] | None = None
    """The language to transcribe (``en``, ``multi``, ``auto``, ...)."""
    api_key_ref: pulumi.Input[str] | None = None
    """The ``identifier`` of the integration secret holding the STT provider's API key."""


@input_type
class RecordingSettingsArgs:
    """Call recording."""

    enabled: pulumi.Input[bool] | None = None
    """Whether calls are recorded."""
    channels: pulumi.Input[Literal["single", "dual"]] | None = None
    """Mono (``single``) or stereo (``dual``)."""
    format: pulumi.Input[Literal["wav", "mp3"]] | None = None
    """File format."""
    stop_on_conversation_end: pulumi.Input[bool] | None = None
    """Stop recording when the conversation (not the call) ends."""


@input_type
class TelephonySettingsArgs:
    """The assistant on calls."""

    default_texml_app_id: pulumi.Input[str] | None = None
    """The TeXML application that takes the assistant's voice calls. Telnyx creates one with the
    assistant when this is left out."""
    supports_unauthenticated_web_calls: pulumi.Input[bool] | None = None
    """Allow web widgets to call the assistant without authentication."""
    time_limit_secs: pulumi.Input[int] | None = None
    """Longest time, in seconds, the assistant stays on a call."""
    noise_suppression: (
        pulumi.Input[Literal["aicoustics", "krisp", "deepfilternet", "disabled"]] | None
    ) = None
    """Noise suppression engine, or ``disabled``."""
    disable_dtmf: pulumi.Input[bool] | None = None
    """Ignore inbound DTMF for the whole call."""
    fallback_destination: pulumi.Input[str] | None = None
    """Number or SIP URI the caller is transferred to when the conversation ends abnormally."""
    recording_settings: pulumi.Input[RecordingSettingsArgs | Mapping[str, Any]] | None = None
    """Call recording."""


@input_type
class InterruptionSettingsArgs:
    """Whether and how callers can interrupt the assistant."""

    enable: pulumi.Input[bool] | None = None
    """Whether callers can interrupt the assistant while it speaks."""
    disable_greeting_interruption: pulumi.Input[bool] | None = None
    """No interruptions while the greeting plays."""
    interrupt_prediction_threshold: pulumi.Input[float] | None = None
    """Interrupt-prediction sensitivity, 0.0 (off) to 1.0."""


@input_type
class PrivacySettingsArgs:
    """What Telnyx keeps of conversations."""

    data_retention: pulumi.Input[bool] | None = None
    """Store conversation history and insights."""
    pii_redaction: pulumi.Input[Literal["disabled", "redact"]] | None = None
    """Redact personal data from the stored history."""


@input_type
class AiAssistantArgs:
    """The inputs of a AI Assistant (AiAssistant). Required: name, instructions."""

    name: pulumi.Input[str]
    """A name for the assistant."""
    instructions: pulumi.Input[str]
    """System instructions (may use dynamic variables)."""
    model: pulumi.Input[str] | None = None
    """The LLM, e.g. ``openai/gpt-4o`` or ``meta-llama/Meta-Llama-3.1-70B-Instruct``; Telnyx
    applies its default when this is left out."""
    description: pulumi.Input[str] | None = None
    """A description for people."""
    greeting: pulumi.Input[str] | None = None
    """What the assistant says first (``""`` waits for the caller to speak)."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags."""
    tool_ids: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Ids of shared tools (``/ai/tools``) the assistant can call."""
    llm_api_key_ref: pulumi.Input[str] | None = None
    """The ``identifier`` of the integration secret holding a third-party LLM's API key (the
    reference is not a secret; the key it names stays in Telnyx)."""
    dynamic_variables: pulumi.Input[Mapping[str, Any]] | None = None
    """Default values of the dynamic variables the instructions and greeting use."""
    dynamic_variables_webhook_url: pulumi.Input[str] | None = None
    """URL Telnyx POSTs to at the start of a conversation to resolve dynamic variables."""
    enabled_features: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """``telephony`` and/or ``messaging``."""
    voice_settings: pulumi.Input[VoiceSettingsArgs | Mapping[str, Any]] | None = None
    """How the assistant speaks."""
    transcription: pulumi.Input[TranscriptionSettingsArgs | Mapping[str, Any]] | None = None
    """How the assistant hears."""
    telephony_settings: pulumi.Input[TelephonySettingsArgs | Mapping[str, Any]] | None = None
    """The assistant on calls."""
    interruption_settings: pulumi.Input[InterruptionSettingsArgs | Mapping[str, Any]] | None = None
    """Interruptions and end of turn."""
    privacy_settings: pulumi.Input[PrivacySettingsArgs | Mapping[str, Any]] | None = None
    """What Telnyx keeps of conversations."""
    adopt_existing_id: pulumi.Input[str] | None = None
    """Take over the existing AI Assistant with this id instead of creating one. Read only when
    the resource is created."""
    adopt_existing_by_name: pulumi.Input[bool] | None = None
    """Take over the one existing AI Assistant named name instead of creating one. Read only when
    the resource is created."""


class AiAssistantKwargs(TypedDict, total=False):
    """The keyword arguments of ``AiAssistant(name, **kwargs)``: ``AiAssistantArgs``'s fields."""

    name: Required[pulumi.Input[str]]
    instructions: Required[pulumi.Input[str]]
    model: pulumi.Input[str] | None
    description: pulumi.Input[str] | None
    greeting: pulumi.Input[str] | None
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    tool_ids: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    llm_api_key_ref: pulumi.Input[str] | None
    dynamic_variables: pulumi.Input[Mapping[str, Any]] | None
    dynamic_variables_webhook_url: pulumi.Input[str] | None
    enabled_features: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    voice_settings: pulumi.Input[VoiceSettingsArgs | Mapping[str, Any]] | None
    transcription: pulumi.Input[TranscriptionSettingsArgs | Mapping[str, Any]] | None
    telephony_settings: pulumi.Input[TelephonySettingsArgs | Mapping[str, Any]] | None
    interruption_settings: pulumi.Input[InterruptionSettingsArgs | Mapping[str, Any]] | None
    privacy_settings: pulumi.Input[PrivacySettingsArgs | Mapping[str, Any]] | None
    adopt_existing_id: pulumi.Input[str] | None
    adopt_existing_by_name: pulumi.Input[bool] | None


class AiAssistantOutputs:
    """The outputs of a AI Assistant, as typed attributes."""

    model: pulumi.Output[str | None]
    """The LLM, e.g. ``openai/gpt-4o`` or ``meta-llama/Meta-Llama-3.1-70B-Instruct``; Telnyx
    applies its default when this is left out."""
    description: pulumi.Output[str | None]
    """A description for people."""
    greeting: pulumi.Output[str | None]
    """What the assistant says first (``""`` waits for the caller to speak)."""
    tags: pulumi.Output[Sequence[str] | None]
    """Free-form tags."""
    tool_ids: pulumi.Output[Sequence[str] | None]
    """Ids of shared tools (``/ai/tools``) the assistant can call."""
    llm_api_key_ref: pulumi.Output[str | None]
    """The ``identifier`` of the integration secret holding a third-party LLM's API key (the
    reference is not a secret; the key it names stays in Telnyx)."""
    dynamic_variables: pulumi.Output[Mapping[str, Any] | None]
    """Default values of the dynamic variables the instructions and greeting use."""
    dynamic_variables_webhook_url: pulumi.Output[str | None]
    """URL Telnyx POSTs to at the start of a conversation to resolve dynamic variables."""
    enabled_features: pulumi.Output[Sequence[str] | None]
    """``telephony`` and/or ``messaging``."""
    voice_settings: pulumi.Output[Mapping[str, Any] | None]
    """How the assistant speaks."""
    transcription: pulumi.Output[Mapping[str, Any] | None]
    """How the assistant hears."""
    telephony_settings: pulumi.Output[Mapping[str, Any] | None]
    """The assistant on calls."""
    interruption_settings: pulumi.Output[Mapping[str, Any] | None]
    """Interruptions and end of turn."""
    privacy_settings: pulumi.Output[Mapping[str, Any] | None]
    """What Telnyx keeps of conversations."""
    name: pulumi.Output[str]
    """A name for the assistant."""
    instructions: pulumi.Output[str]
    """System instructions (may use dynamic variables)."""
    created_at: pulumi.Output[str | None]
    """When the assistant was created (ISO-8601)."""
    version_id: pulumi.Output[str | None]
    """The version the assistant's main points at."""
    managed_fields: pulumi.Output[Sequence[str]]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_token: pulumi.Output[str]
    """The resource's random ownership token, drawn when it is first checked; recorded with every
    create the engine starts, so crash recovery can find what an interrupted create left
    behind."""
    ownership_tag: pulumi.Output[str | None]
    """The exact ownership tag (token and nonce) on the AI Assistant this resource made or
    adopted."""
    missing_marks: pulumi.Output[Sequence[str] | None]
    """Ownership marks the last refresh found missing from the AI Assistant (its tags were
    replaced outside Pulumi): the next update puts them back, so that no other stack or
    project can take it for an unowned one."""
    adopt_existing_id: pulumi.Output[str | None]
    """Take over the existing AI Assistant with this id instead of creating one."""
    adopt_existing_by_name: pulumi.Output[bool | None]
    """Take over the one existing AI Assistant named name instead of creating one."""


class GetAiAssistantResult(LookupResult):
    """One AI Assistant as Telnyx holds it (passwords are masked): the answer of
    ``getAiAssistant``."""

    id: str
    """Its id."""
    model: str | None
    """The LLM, e.g. ``openai/gpt-4o`` or ``meta-llama/Meta-Llama-3.1-70B-Instruct``; Telnyx
    applies its default when this is left out."""
    description: str | None
    """A description for people."""
    greeting: str | None
    """What the assistant says first (``""`` waits for the caller to speak)."""
    tags: Sequence[str] | None
    """Free-form tags."""
    tool_ids: Sequence[str] | None
    """Ids of shared tools (``/ai/tools``) the assistant can call."""
    llm_api_key_ref: str | None
    """The ``identifier`` of the integration secret holding a third-party LLM's API key (the
    reference is not a secret; the key it names stays in Telnyx)."""
    dynamic_variables: Mapping[str, Any] | None
    """Default values of the dynamic variables the instructions and greeting use."""
    dynamic_variables_webhook_url: str | None
    """URL Telnyx POSTs to at the start of a conversation to resolve dynamic variables."""
    enabled_features: Sequence[str] | None
    """``telephony`` and/or ``messaging``."""
    voice_settings: Mapping[str, Any] | None
    """How the assistant speaks."""
    transcription: Mapping[str, Any] | None
    """How the assistant hears."""
    telephony_settings: Mapping[str, Any] | None
    """The assistant on calls."""
    interruption_settings: Mapping[str, Any] | None
    """Interruptions and end of turn."""
    privacy_settings: Mapping[str, Any] | None
    """What Telnyx keeps of conversations."""
    name: str
    """A name for the assistant."""
    instructions: str
    """System instructions (may use dynamic variables)."""
    created_at: str | None
    """When the assistant was created (ISO-8601)."""
    version_id: str | None
    """The version the assistant's main points at."""
    managed_fields: Sequence[str]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_tag: str | None
    """The exact ownership tag (token and nonce) on the AI Assistant this resource made or
    adopted."""


class AiAssistant(SpecResource, AiAssistantOutputs, module="telnyx", name="AiAssistant"):
    """A Telnyx AI Assistant: the voice agent a UAC connection can hand a PBX's calls to.

    ## Example Usage

    ```python
    from pulumi_uac import AiAssistant, UacConnection, destinations

    agent = AiAssistant("front-desk", name="Front desk",
        instructions="You answer calls for Example Ltd. Be brief.",
        voice_settings={"voice": "Telnyx.KokoroTTS.af_heart"})
    UacConnection("office-pbx", connection_name="Office PBX",
        internal_uac_settings={"destination_uri": destinations.ai_assistant("1006", agent.id)})
    ```

    Creates carry an ``Idempotency-Key`` made from the create's ownership mark. Every update is
    promoted to the assistant's main version (Telnyx's default), and ``destroy`` deletes for good
    (``hard_delete``): use ``retain_on_delete`` to keep one. A change of ``tags`` alone (and
    every ownership mark on an existing assistant) goes through the assistant's tag endpoints, so
    it mints no version.

    ## Import

    ``pulumi import`` cannot work for dynamic resources (it does with
    ``pulumi_uac.native.AiAssistant``). To take over an existing AI Assistant here, set
    ``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and run ``pulumi up``: the
    AI Assistant is brought to the program's settings and managed from then on.
    """

    _spec = AI_ASSISTANT
    _args_type = AiAssistantArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: AiAssistantArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[AiAssistantKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: AiAssistantArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)
