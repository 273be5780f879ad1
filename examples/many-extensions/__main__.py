"""A PBX with many extensions: one UAC connection per entry of the `extensions` config list.

    pulumi config set --path 'extensions[0].number' 1001
    pulumi config set --path 'extensions[0].assistantId' sales-bot

Entries without an assistantId go to the default assistant.
"""

import pulumi

from pulumi_uac import ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations

cfg = pulumi.Config()
default_assistant = cfg.get("defaultAssistantId") or "front-desk"
extensions = cfg.get_object("extensions") or [{"number": str(n)} for n in range(1001, 1011)]
proxy = cfg.get("pbxProxy") or "sip:pbx.example.com:5060"

fqdns = {}
for ext in extensions:
    number = str(ext["number"])
    conn = UacConnection(
        f"ext-{number}",
        connection_name=f"Extension {number}",
        external_uac_settings=ExternalUacSettingsArgs(
            proxy=proxy,
            username=f"ext{number}",
            password=cfg.require_secret("pbxPassword"),
        ),
        internal_uac_settings=InternalUacSettingsArgs(
            destination_uri=destinations.ai_assistant(
                number, ext.get("assistantId") or default_assistant
            )
        ),
        tags=["many-extensions"],
    )
    fqdns[number] = conn.fqdn

pulumi.export("extensions", sorted(fqdns))
pulumi.export("fqdns", fqdns)
