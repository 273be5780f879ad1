"""Quickstart: one AI Assistant, and one UAC connection whose PBX extension 1006 reaches it.

`make up` runs it against the local emulator; point `telnyx:baseUrl` (or TELNYX_BASE_URL) and
`telnyx:apiKey` at Telnyx to run it for real.
"""

import pulumi

from pulumi_uac import (
    AiAssistant,
    ExternalUacSettingsArgs,
    InternalUacSettingsArgs,
    UacConnection,
    destinations,
)

cfg = pulumi.Config()
assistant = AiAssistant(
    "front-desk",
    name="Front desk",
    instructions="You answer the office's calls. Be brief and friendly.",
    greeting="Hello, how can I help?",
)
destination = destinations.ai_assistant("1006", assistant.id)

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

pulumi.export("assistant_id", assistant.id)
pulumi.export("fqdn", conn.fqdn)
pulumi.export("user_name", conn.user_name)
pulumi.export("registration_status", conn.registration_status)
pulumi.export("destination", destination)
