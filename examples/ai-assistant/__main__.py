"""Two PBX extensions, each answered by a Telnyx AI Assistant.

Telnyx registers to the PBX once per extension (each with its own SIP user), and calls to the
extension are handed to the assistant through `destinations.ai_assistant`.
"""

import pulumi

from pulumi_uac import ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations

cfg = pulumi.Config()
proxy = cfg.get("pbxProxy") or "sip:pbx.example.com:5060"
bots = {
    "1006": cfg.get("salesAssistantId") or "sales-bot",
    "1007": cfg.get("supportAssistantId") or "support-bot",
}

for extension, assistant_id in bots.items():
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
            destination_uri=destinations.ai_assistant(extension, assistant_id)
        ),
        tags=["ai-assistant", f"ext-{extension}"],
    )
    pulumi.export(f"ext_{extension}_fqdn", conn.fqdn)
    pulumi.export(f"ext_{extension}_destination", conn.internal_uac_settings)
