"""What users touch: the ``UacConnection`` resource and its input types."""

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
from .uac_connection import TYPE_TOKEN, UacConnection

__all__ = [
    "TYPE_TOKEN",
    "ExternalUacSettingsArgs",
    "InboundArgs",
    "InternalUacSettingsArgs",
    "JitterBufferArgs",
    "NoiseSuppressionDetailsArgs",
    "OutboundArgs",
    "RtcpSettingsArgs",
    "UacConnection",
    "UacConnectionArgs",
]
