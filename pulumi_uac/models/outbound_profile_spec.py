"""The outbound voice profile's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .outbound_profile import (
    OutboundVoiceProfile,
    OutboundVoiceProfileCreateParams,
    OutboundVoiceProfileUpdateParams,
)
from .spec import Api, Docs, Examples, ResourceSpec

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
    examples=Examples(
        minimal={"name": "Example outbound"},
        full={
            "name": "Example outbound",
            "billing_group_id": "6a09cdc3-8948-47f0-aa62-74ac943d6c58",
            "call_recording": {
                "call_recording_caller_phone_numbers": ["+13125550100"],
                "call_recording_channels": "dual",
                "call_recording_format": "mp3",
                "call_recording_type": "by_caller_phone_number",
            },
            "calling_window": {"calls_per_cld": 5, "end_time": "20:00", "start_time": "08:00"},
            "concurrent_call_limit": 10,
            "daily_spend_limit": "100.00",
            "daily_spend_limit_enabled": True,
            "enabled": True,
            "max_destination_rate": 0.25,
            "service_plan": "global",
            "tags": ["outbound"],
            "traffic_type": "conversational",
            "usage_payment_method": "rate-deck",
            "whitelisted_destinations": ["US", "GB"],
        },
        update={"concurrent_call_limit": 20, "tags": ["changed"]},
    ),
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
