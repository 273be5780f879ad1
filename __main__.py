"""Quickstart: one UAC connection; the PBX's extension 1006 reaches a Telnyx AI Assistant.

`make up` runs it against the local emulator; point `telnyx:baseUrl` (or TELNYX_BASE_URL) and
`telnyx:apiKey` at Telnyx to run it for real.
"""

import pulumi

from pulumi_uac import ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations

cfg = pulumi.Config()
destination = destinations.ai_assistant("1006", cfg.require("assistantId"))

conn = UacConnection(
    "office-pbx",
    connection_name="Office PBX",
    external_uac_settings=ExternalUacSettingsArgs(
        proxy=cfg.require("pbxProxy"),
        username=cfg.require("pbxUsername"),
        password=cfg.require_secret("pbxPassword"),
        transport="TCP",
    ),
    internal_uac_settings=InternalUacSettingsArgs(destination_uri=destination),
    wait_for_registration=30,
)

pulumi.export("fqdn", conn.fqdn)
pulumi.export("user_name", conn.user_name)
pulumi.export("registration_status", conn.registration_status)
pulumi.export("destination", destination)
