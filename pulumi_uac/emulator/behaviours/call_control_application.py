"""What the emulator stores for a Call Control application."""

from __future__ import annotations

from collections.abc import Callable

from ...models import CALL_CONTROL_APPLICATION
from ..behaviour import Behaviour, Record


def _call_control_generated(record: Record, token: Callable[[int], str]) -> None:
    inbound = record.setdefault("inbound", {})
    inbound.setdefault("sip_subdomain", None)


BEHAVIOUR = Behaviour(
    spec=CALL_CONTROL_APPLICATION,
    record_type="call_control_application",
    defaults={
        "active": True,
        "anchorsite_override": "Latency",
        "call_cost_in_webhooks": False,
        "dtmf_type": "RFC 2833",
        "first_command_timeout": False,
        "first_command_timeout_secs": 30,
        "redact_dtmf_debug_logging": False,
        "tags": [],
        "webhook_api_version": "2",
        "webhook_event_failover_url": "",
        "webhook_timeout_secs": None,
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
    generate=_call_control_generated,
    # The SDK names the application's name ``connection_name`` here.
    sorts={"created_at": "created_at", "connection_name": "application_name", "active": "active"},
    filters={"filter[outbound.outbound_voice_profile_id]": "outbound.outbound_voice_profile_id"},
)
