"""The "connections" stack: UAC connections whose destinations come from the "apps" stack
through a StackReference, so the two can be deployed (and owned) separately."""

import pulumi

from pulumi_uac import ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations

cfg = pulumi.Config()
apps = pulumi.StackReference(cfg.get("appsStack") or f"organization/uac-apps/{pulumi.get_stack()}")
assistant_id = apps.require_output("assistantId")
cc_app_id = apps.require_output("callControlAppId")

pbx = ExternalUacSettingsArgs(
    proxy=cfg.get("pbxProxy") or "sip:pbx.example.com:5060",
    username="telnyx-front",
    password=cfg.require_secret("pbxPassword"),
)
front_desk = UacConnection(
    "front-desk",
    connection_name="Front desk (AI)",
    external_uac_settings=pbx,
    internal_uac_settings=InternalUacSettingsArgs(
        destination_uri=destinations.ai_assistant("100", assistant_id)
    ),
)
ivr = UacConnection(
    "ivr",
    connection_name="IVR (Call Control)",
    external_uac_settings=ExternalUacSettingsArgs(
        proxy=cfg.get("pbxProxy") or "sip:pbx.example.com:5060",
        username="telnyx-ivr",
        password=cfg.require_secret("pbxPassword"),
    ),
    internal_uac_settings=InternalUacSettingsArgs(
        destination_uri=destinations.call_control("200", cc_app_id)
    ),
)
pulumi.export("front_desk_destination", front_desk.internal_uac_settings)
pulumi.export("ivr_destination", ivr.internal_uac_settings)
