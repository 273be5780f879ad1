"""pulumi-uac: Telnyx UAC (SIP Attach) connections, and the Telnyx resources they wire to, as
Pulumi resources.

The public names are loaded lazily, so ``pulumi_uac.client`` and ``pulumi_uac.models`` can be
imported (by the emulator, or the native provider plugin) without importing Pulumi.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import destinations
    from .resource import (
        AiAssistant,
        AiAssistantArgs,
        BackgroundAudioArgs,
        CallControlApplication,
        CallControlApplicationArgs,
        CallControlInboundArgs,
        CallControlOutboundArgs,
        CallingWindowArgs,
        ExternalUacSettingsArgs,
        InboundArgs,
        InternalUacSettingsArgs,
        InterruptionSettingsArgs,
        JitterBufferArgs,
        NoiseSuppressionDetailsArgs,
        OutboundArgs,
        OutboundCallRecordingArgs,
        OutboundVoiceProfile,
        OutboundVoiceProfileArgs,
        PrivacySettingsArgs,
        RecordingSettingsArgs,
        RtcpSettingsArgs,
        TelephonySettingsArgs,
        TranscriptionSettingsArgs,
        UacConnection,
        UacConnectionArgs,
        VoiceSettingsArgs,
    )

__version__ = "0.1.0"


__all__ = [
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
    "destinations",
]
_RESOURCE_NAMES = frozenset(__all__) - {"destinations"}


def __getattr__(name: str) -> Any:
    if name in _RESOURCE_NAMES:
        return getattr(importlib.import_module(".resource", __name__), name)
    if name == "destinations":
        return importlib.import_module(".destinations", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
