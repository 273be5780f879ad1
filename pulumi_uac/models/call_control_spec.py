"""The Call Control application's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .call_control import (
    CallControlApplication,
    CallControlApplicationCreateParams,
    CallControlApplicationUpdateParams,
)
from .spec import Api, Docs, Examples, Reference, ResourceSpec

CALL_CONTROL_APPLICATION = ResourceSpec(
    name="CallControlApplication",
    noun="Call Control application",
    create_model=CallControlApplicationCreateParams,
    update_model=CallControlApplicationUpdateParams,
    response_model=CallControlApplication,
    name_field="application_name",
    api=Api(
        path="call_control_applications",
        name_filter="filter[application_name][contains]",
        name_filter_min=3,
        create_excludes=("tags",),
        # The SDK's update requires both, changed or not.
        update_requires=("application_name", "webhook_event_url"),
    ),
    # The SDK's create has no tags: the mark is written by an update within the same create.
    marks="after_create",
    references=(Reference("outbound.outbound_voice_profile_id", "OutboundVoiceProfile"),),
    dynamic_provider=(
        "pulumi_uac.provider.call_control_application:CallControlApplicationProvider"
    ),
    examples=Examples(
        minimal={
            "application_name": "Example IVR",
            "webhook_event_url": "https://ivr.example.com/telnyx",
        },
        full={
            "application_name": "Example IVR",
            "webhook_event_url": "https://ivr.example.com/telnyx",
            "active": True,
            "anchorsite_override": "Amsterdam, Netherlands",
            "call_cost_in_webhooks": True,
            "dtmf_type": "Inband",
            "first_command_timeout": True,
            "first_command_timeout_secs": 10,
            "inbound": {
                "channel_limit": 10,
                "shaken_stir_enabled": True,
                "sip_subdomain": "example-ivr",
                "sip_subdomain_receive_settings": "from_anyone",
            },
            "outbound": {"channel_limit": 5},
            "redact_dtmf_debug_logging": True,
            "tags": ["ivr"],
            "webhook_api_version": "2",
            "webhook_event_failover_url": "https://failover.example.com/telnyx",
            "webhook_timeout_secs": 25,
        },
        update={"webhook_timeout_secs": 20, "tags": ["changed"]},
    ),
    docs=Docs(
        summary="A Telnyx Call Control application: the webhook-driven voice application a "
        "UAC connection can hand a PBX's calls to.",
        example="""from pulumi_uac import CallControlApplication, UacConnection, destinations

app = CallControlApplication("ivr", application_name="PBX IVR",
    webhook_event_url="https://ivr.example.com/telnyx")
UacConnection("office-pbx", connection_name="Office PBX",
    internal_uac_settings={"destination_uri": destinations.call_control("1006", app.id)})""",
        notes="""\
Ownership: Telnyx's create request has no ``tags``, so the provider's ownership mark (and
the program's ``tags``) are written by an update within the same create. A create whose answer
was lost never takes an unmarked application: it stops, listing the candidates.""",
    ),
)
