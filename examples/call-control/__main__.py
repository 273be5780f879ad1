"""Extension 2000 of the PBX goes to a Call Control application this stack creates, whose
outbound calls (and the connection's) use an outbound voice profile it creates too; `pulumi up`
only succeeds once Telnyx has registered to the PBX (wait_for_registration)."""

import pulumi

from pulumi_uac import (
    CallControlApplication,
    CallControlOutboundArgs,
    ExternalUacSettingsArgs,
    InboundArgs,
    InternalUacSettingsArgs,
    OutboundArgs,
    OutboundVoiceProfile,
    UacConnection,
    destinations,
)

cfg = pulumi.Config()

profile = OutboundVoiceProfile(
    "pbx-outbound",
    name="PBX outbound",
    whitelisted_destinations=["US", "CA"],
    max_destination_rate=0.5,
)

app = CallControlApplication(
    "ivr",
    application_name="PBX IVR",
    webhook_event_url=cfg.get("webhookUrl") or "https://example.com/telnyx/webhooks",
    outbound=CallControlOutboundArgs(outbound_voice_profile_id=profile.id),
)

conn = UacConnection(
    "call-control",
    connection_name="PBX to Call Control",
    external_uac_settings=ExternalUacSettingsArgs(
        proxy=cfg.get("pbxProxy") or "sip:pbx.example.com:5060",
        username=cfg.get("pbxUsername") or "telnyx-cc",
        password=cfg.require_secret("pbxPassword"),
        transport="TCP",
        expiration_sec=600,
    ),
    # The application's id, known once it exists: the preview shows it as computed.
    internal_uac_settings=InternalUacSettingsArgs(
        destination_uri=destinations.call_control("2000", app.id)
    ),
    inbound=InboundArgs(codecs=["G722", "G711U"], timeout_1xx_secs=5),
    outbound=OutboundArgs(outbound_voice_profile_id=profile.id),
    webhook_event_url=cfg.get("webhookUrl") or "https://example.com/telnyx/webhooks",
    # Fail the `up` (and remove the new connection) if the PBX has not accepted Telnyx in 60 s.
    wait_for_registration=60,
)

pulumi.export("fqdn", conn.fqdn)
pulumi.export("registration_status", conn.registration_status)
pulumi.export("application", app.id)
pulumi.export("profile", profile.id)
