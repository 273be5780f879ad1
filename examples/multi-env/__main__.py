"""One program, two environments: `dev` and `prod` differ only by their stack configuration
(PBX proxy, transport, destination application, secrets), never by code."""

import pulumi

from pulumi_uac import (
    ExternalUacSettingsArgs,
    InternalUacSettingsArgs,
    UacConnection,
    destinations,
)

cfg = pulumi.Config()
env = pulumi.get_stack()

app_kind = cfg.require("appKind")  # "assistant" or "call-control"
app_id = cfg.require("appId")
destination = (
    destinations.ai_assistant("1006", app_id)
    if app_kind == "assistant"
    else destinations.call_control("1006", app_id)
)

conn = UacConnection(
    "pbx",
    connection_name=f"{env} PBX",
    external_uac_settings=ExternalUacSettingsArgs(
        proxy=cfg.require("pbxProxy"),
        username=cfg.require("pbxUsername"),
        password=cfg.require_secret("pbxPassword"),
        transport=cfg.require("transport"),
    ),
    internal_uac_settings=InternalUacSettingsArgs(destination_uri=destination),
    anchorsite_override=cfg.get("anchorsite") or "Latency",
    tags=[f"env:{env}"],
    wait_for_registration=cfg.get_float("waitForRegistration") or 0,
)

pulumi.export("environment", env)
pulumi.export("fqdn", conn.fqdn)
pulumi.export("destination", destination)
