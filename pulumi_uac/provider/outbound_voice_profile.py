"""The dynamic provider of ``OutboundVoiceProfile``. Stacks record this class by reference:
it must never move or be renamed."""

from __future__ import annotations

from ..models import OUTBOUND_VOICE_PROFILE
from .dynamic import SpecProvider


class OutboundVoiceProfileProvider(SpecProvider):
    """Creates, reads, updates and deletes Telnyx outbound voice profiles."""

    spec = OUTBOUND_VOICE_PROFILE
