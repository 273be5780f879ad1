"""Input types of ``UacConnection``, one per nested object of the API: generated from the models
(:mod:`.generated.uac_connection`), re-exported here where programs have always imported them."""

from __future__ import annotations

from .generated.uac_connection import (
    ExternalUacSettingsArgs,
    InboundArgs,
    InternalUacSettingsArgs,
    JitterBufferArgs,
    NoiseSuppressionDetailsArgs,
    OutboundArgs,
    RtcpSettingsArgs,
    UacConnectionArgs,
)
from .input_types import args_dict, input_type, is_args

__all__ = [
    "ExternalUacSettingsArgs",
    "InboundArgs",
    "InternalUacSettingsArgs",
    "JitterBufferArgs",
    "NoiseSuppressionDetailsArgs",
    "OutboundArgs",
    "RtcpSettingsArgs",
    "UacConnectionArgs",
    "args_dict",
    "input_type",
    "is_args",
]
