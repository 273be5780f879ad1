"""What the emulator stores for an outbound voice profile."""

from __future__ import annotations

from ...models import OUTBOUND_VOICE_PROFILE
from ..behaviour import Behaviour

BEHAVIOUR = Behaviour(
    spec=OUTBOUND_VOICE_PROFILE,
    record_type="outbound_voice_profile",
    defaults={
        "billing_group_id": None,
        "concurrent_call_limit": None,
        "connections_count": 0,
        "daily_spend_limit": None,
        "daily_spend_limit_enabled": False,
        "enabled": True,
        "max_destination_rate": None,
        "service_plan": "global",
        "tags": [],
        "traffic_type": "conversational",
        "usage_payment_method": "rate-deck",
        "whitelisted_destinations": ["US", "CA"],
    },
    nested_defaults={
        "call_recording": {
            "call_recording_caller_phone_numbers": [],
            "call_recording_channels": "single",
            "call_recording_format": "wav",
            "call_recording_type": "none",
        },
        "calling_window": {"calls_per_cld": None, "end_time": None, "start_time": None},
    },
    sorts={
        k: k
        for k in (
            "created_at",
            "enabled",
            "name",
            "service_plan",
            "traffic_type",
            "usage_payment_method",
        )
    },
    # Whether Telnyx refuses to delete a profile in use is not documented: the strict reading
    # is that it does, so a stack must delete (or move) its users first.
    users_count="connections_count",
)
