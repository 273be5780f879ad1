"""What the emulator stores for a TeXML application: the defaults Telnyx documents."""

from __future__ import annotations

from ...models.texml_application_spec import TEXML_APPLICATION
from ..behaviour import Behaviour

BEHAVIOUR = Behaviour(
    spec=TEXML_APPLICATION,
    record_type="texml_application",
    defaults={
        "active": True,
        "anchorsite_override": "Latency",
        "call_cost_in_webhooks": False,
        "dtmf_type": "RFC 2833",
        "first_command_timeout": False,
        "first_command_timeout_secs": 30,
        "status_callback": None,
        "status_callback_method": "post",
        "tags": [],
        "voice_fallback_url": None,
        "voice_method": "post",
    },
    nested_defaults={
        "inbound": {
            "channel_limit": None,
            "shaken_stir_enabled": False,
            "sip_subdomain": None,
            "sip_subdomain_receive_settings": "only_my_connections",
        },
        "outbound": {"channel_limit": None, "outbound_voice_profile_id": None},
    },
    sorts={"created_at": "created_at", "friendly_name": "friendly_name", "active": "active"},
    filters={"filter[outbound_voice_profile_id]": "outbound.outbound_voice_profile_id"},
)
