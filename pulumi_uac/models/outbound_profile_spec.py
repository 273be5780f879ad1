"""The outbound voice profile's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .outbound_profile import (
    OutboundVoiceProfile,
    OutboundVoiceProfileCreateParams,
    OutboundVoiceProfileUpdateParams,
)
from .spec import Api, ResourceSpec

OUTBOUND_VOICE_PROFILE = ResourceSpec(
    name="OutboundVoiceProfile",
    noun="outbound voice profile",
    create_model=OutboundVoiceProfileCreateParams,
    update_model=OutboundVoiceProfileUpdateParams,
    response_model=OutboundVoiceProfile,
    name_field="name",
    api=Api(
        path="outbound_voice_profiles",
        name_filter="filter[name][contains]",
        name_filter_min=3,
        update_requires=("name",),
    ),
)
