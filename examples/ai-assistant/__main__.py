"""Two PBX extensions, each answered by a Telnyx AI Assistant that this stack creates.

Telnyx registers to the PBX once per extension (each with its own SIP user), and calls to the
extension are handed to the assistant through `destinations.ai_assistant(ext, assistant.id)`:
the connection names the assistant the same stack made, so a wrong id cannot happen, and
`pulumi destroy` removes the connections before the assistants.
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
proxy = cfg.get("pbxProxy") or "sip:pbx.example.com:5060"
assistants = {
    "1006": AiAssistant(
        "sales",
        name="Sales desk",
        instructions="You answer sales calls for {{company}}. Ask what the caller needs.",
        greeting="Hello, sales at {{company}}.",
        dynamic_variables={"company": cfg.get("company") or "Example Ltd"},
        voice_settings={"voice": "Telnyx.KokoroTTS.af_heart"},
        tags=["ai-assistant"],
    ),
    "1007": AiAssistant(
        "support",
        name="Support desk",
        instructions="You answer support calls for {{company}}. Collect the order number.",
        greeting="Hello, support at {{company}}.",
        dynamic_variables={"company": cfg.get("company") or "Example Ltd"},
        telephony_settings={"time_limit_secs": 900},
        tags=["ai-assistant"],
    ),
}

for extension, assistant in assistants.items():
    conn = UacConnection(
        f"ext-{extension}",
        connection_name=f"PBX extension {extension}",
        external_uac_settings=ExternalUacSettingsArgs(
            proxy=proxy,
            username=f"ext{extension}",
            # Set with: pulumi config set --secret pbxPassword <password>
            password=cfg.require_secret("pbxPassword"),
            transport="UDP",
        ),
        internal_uac_settings=InternalUacSettingsArgs(
            destination_uri=destinations.ai_assistant(extension, assistant.id)
        ),
        tags=["ai-assistant", f"ext-{extension}"],
    )
    pulumi.export(f"ext_{extension}_fqdn", conn.fqdn)
    pulumi.export(f"ext_{extension}_destination", conn.internal_uac_settings)
    pulumi.export(f"ext_{extension}_assistant", assistant.id)
