"""The outbound voice profile's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .outbound_profile import (
    OutboundVoiceProfile,
    OutboundVoiceProfileCreateParams,
    OutboundVoiceProfileUpdateParams,
)
from .spec import Api, Docs, ResourceSpec

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
    dynamic_provider="pulumi_uac.provider.outbound_voice_profile:OutboundVoiceProfileProvider",
    docs=Docs(
        summary="A Telnyx outbound voice profile: billing and routing of the outbound calls of "
        "the connections and applications that name it.",
        example="""from pulumi_uac import CallControlApplication, OutboundVoiceProfile

profile = OutboundVoiceProfile("outbound", name="PBX outbound",
    whitelisted_destinations=["US", "CA"], max_destination_rate=0.5)
CallControlApplication("ivr", application_name="PBX IVR",
    webhook_event_url="https://ivr.example.com/telnyx",
    outbound={"outbound_voice_profile_id": profile.id})""",
    ),
)
