"""What users touch: the resources and their input types (generated from the models).

The names load lazily: importing one generated module (the native classes do, for their Args)
does not load the dynamic resources and their provider.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ai_assistant import AiAssistant
    from .call_control_application import CallControlApplication
    from .generated.ai_assistant import (
        AiAssistantArgs,
        BackgroundAudioArgs,
        InterruptionSettingsArgs,
        PrivacySettingsArgs,
        RecordingSettingsArgs,
        TelephonySettingsArgs,
        TranscriptionSettingsArgs,
        VoiceSettingsArgs,
    )
    from .generated.call_control_application import (
        CallControlApplicationArgs,
        CallControlInboundArgs,
        CallControlOutboundArgs,
    )
    from .generated.outbound_voice_profile import (
        CallingWindowArgs,
        OutboundCallRecordingArgs,
        OutboundVoiceProfileArgs,
    )
    from .inputs import (
        ExternalUacSettingsArgs,
        InboundArgs,
        InternalUacSettingsArgs,
        JitterBufferArgs,
        NoiseSuppressionDetailsArgs,
        OutboundArgs,
        RtcpSettingsArgs,
        UacConnectionArgs,
    )
    from .outbound_voice_profile import OutboundVoiceProfile
    from .sip_attach import SipAttach, SipAttachExtensionArgs, SipAttachPbxArgs
    from .uac_connection import TYPE_TOKEN, UacConnection

_WHERE: dict[str, str] = {
    "SipAttach": ".sip_attach",
    "SipAttachExtensionArgs": ".sip_attach",
    "SipAttachPbxArgs": ".sip_attach",
    "AiAssistant": ".ai_assistant",
    "AiAssistantArgs": ".generated.ai_assistant",
    "BackgroundAudioArgs": ".generated.ai_assistant",
    "InterruptionSettingsArgs": ".generated.ai_assistant",
    "PrivacySettingsArgs": ".generated.ai_assistant",
    "RecordingSettingsArgs": ".generated.ai_assistant",
    "TelephonySettingsArgs": ".generated.ai_assistant",
    "TranscriptionSettingsArgs": ".generated.ai_assistant",
    "VoiceSettingsArgs": ".generated.ai_assistant",
    "TYPE_TOKEN": ".uac_connection",
    "UacConnection": ".uac_connection",
    "CallControlApplication": ".call_control_application",
    "OutboundVoiceProfile": ".outbound_voice_profile",
    "CallControlApplicationArgs": ".generated.call_control_application",
    "CallControlInboundArgs": ".generated.call_control_application",
    "CallControlOutboundArgs": ".generated.call_control_application",
    "CallingWindowArgs": ".generated.outbound_voice_profile",
    "OutboundCallRecordingArgs": ".generated.outbound_voice_profile",
    "OutboundVoiceProfileArgs": ".generated.outbound_voice_profile",
    "ExternalUacSettingsArgs": ".inputs",
    "InboundArgs": ".inputs",
    "InternalUacSettingsArgs": ".inputs",
    "JitterBufferArgs": ".inputs",
    "NoiseSuppressionDetailsArgs": ".inputs",
    "OutboundArgs": ".inputs",
    "RtcpSettingsArgs": ".inputs",
    "UacConnectionArgs": ".inputs",
}

__all__ = [
    "TYPE_TOKEN",
    "AiAssistant",
    "AiAssistantArgs",
    "BackgroundAudioArgs",
    "CallControlApplication",
    "CallControlApplicationArgs",
    "CallControlInboundArgs",
    "CallControlOutboundArgs",
    "CallingWindowArgs",
    "ExternalUacSettingsArgs",
    "InboundArgs",
    "InternalUacSettingsArgs",
    "InterruptionSettingsArgs",
    "JitterBufferArgs",
    "NoiseSuppressionDetailsArgs",
    "OutboundArgs",
    "OutboundCallRecordingArgs",
    "OutboundVoiceProfile",
    "OutboundVoiceProfileArgs",
    "PrivacySettingsArgs",
    "RecordingSettingsArgs",
    "RtcpSettingsArgs",
    "SipAttach",
    "SipAttachExtensionArgs",
    "SipAttachPbxArgs",
    "TelephonySettingsArgs",
    "TranscriptionSettingsArgs",
    "UacConnection",
    "UacConnectionArgs",
    "VoiceSettingsArgs",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)
