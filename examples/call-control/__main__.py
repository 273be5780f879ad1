"""Extension 2000 of the PBX goes to a Call Control application; `pulumi up` only succeeds once
Telnyx has registered to the PBX (wait_for_registration)."""

import pulumi

from pulumi_uac import (
    ExternalUacSettingsArgs,
    InboundArgs,
    InternalUacSettingsArgs,
    UacConnection,
    destinations,
)

cfg = pulumi.Config()

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
    internal_uac_settings=InternalUacSettingsArgs(
        destination_uri=destinations.call_control("2000", cfg.require("callControlAppId"))
    ),
    inbound=InboundArgs(codecs=["G722", "G711U"], timeout_1xx_secs=5),
    webhook_event_url=cfg.get("webhookUrl") or "https://example.com/telnyx/webhooks",
    # Fail the `up` (and remove the new connection) if the PBX has not accepted Telnyx in 60 s.
    wait_for_registration=60,
)

pulumi.export("fqdn", conn.fqdn)
pulumi.export("registration_status", conn.registration_status)
