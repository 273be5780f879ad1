"""What users touch: the resources and their input types (generated from the models)."""

from .call_control_application import CallControlApplication
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
from .uac_connection import TYPE_TOKEN, UacConnection

__all__ = [
    "TYPE_TOKEN",
    "CallControlApplication",
    "CallControlApplicationArgs",
    "CallControlInboundArgs",
    "CallControlOutboundArgs",
    "CallingWindowArgs",
    "ExternalUacSettingsArgs",
    "InboundArgs",
    "InternalUacSettingsArgs",
    "JitterBufferArgs",
    "NoiseSuppressionDetailsArgs",
    "OutboundArgs",
    "OutboundCallRecordingArgs",
    "OutboundVoiceProfile",
    "OutboundVoiceProfileArgs",
    "RtcpSettingsArgs",
    "UacConnection",
    "UacConnectionArgs",
]
