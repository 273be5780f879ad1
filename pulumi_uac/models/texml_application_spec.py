"""The TeXML application's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .spec import Api, Docs, Examples, Reference, ResourceSpec
from .texml_application import (
    TexmlApplication,
    TexmlApplicationCreateParams,
    TexmlApplicationUpdateParams,
)

TEXML_APPLICATION = ResourceSpec(
    name="TexmlApplication",
    noun="TeXML application",
    create_model=TexmlApplicationCreateParams,
    update_model=TexmlApplicationUpdateParams,
    response_model=TexmlApplication,
    name_field="friendly_name",
    api=Api(
        path="texml_applications",
        # The SDK: "applications with friendly_name containing the given value ... Requires
        # at least three characters."
        name_filter="filter[friendly_name]",
        name_filter_min=3,
        update_requires=("friendly_name", "voice_url"),
    ),
    references=(Reference("outbound.outbound_voice_profile_id", "OutboundVoiceProfile"),),
    docs=Docs(
        summary="A Telnyx TeXML application: calls driven by TwiML-style XML that Telnyx "
        "fetches from your ``voice_url``; a UAC connection can hand a PBX's calls to one.",
        example="""\
from pulumi_uac import OutboundVoiceProfile, TexmlApplication

profile = OutboundVoiceProfile("outbound", name="PBX outbound")
TexmlApplication("ivr", friendly_name="PBX IVR",
    voice_url="https://ivr.example.com/texml", voice_method="post",
    outbound={"outbound_voice_profile_id": profile.id})""",
    ),
    examples=Examples(
        minimal={
            "friendly_name": "Example TeXML",
            "voice_url": "https://texml.example.com/voice",
        },
        full={
            "friendly_name": "Example TeXML",
            "voice_url": "https://texml.example.com/voice",
            "active": True,
            "anchorsite_override": "Frankfurt, Germany",
            "call_cost_in_webhooks": True,
            "dtmf_type": "Inband",
            "first_command_timeout": True,
            "first_command_timeout_secs": 10,
            "inbound": {
                "channel_limit": 10,
                "shaken_stir_enabled": True,
                "sip_subdomain": "example-texml",
                "sip_subdomain_receive_settings": "from_anyone",
            },
            "outbound": {"channel_limit": 5},
            "status_callback": "https://texml.example.com/status",
            "status_callback_method": "get",
            "tags": ["texml"],
            "voice_fallback_url": "https://texml.example.com/fallback",
            "voice_method": "get",
        },
        update={"voice_method": "post", "tags": ["changed"]},
    ),
)
