"""A PBX with many extensions, attached by one `SipAttach`: each extension is answered by one
of the applications this stack creates (two AI Assistants and a Call Control application),
chosen per entry of the `extensions` config list:

    pulumi config set --path 'extensions[0].number' 1001
    pulumi config set --path 'extensions[0].route' sales     # sales, support or ivr

Without the list: ten extensions, 1001-1010, spread over the three.
"""

import pulumi

from pulumi_uac import AiAssistant, CallControlApplication, SipAttach

cfg = pulumi.Config()
routes = {
    "sales": AiAssistant(
        "sales",
        name="Sales desk",
        instructions="You answer sales calls. Ask what the caller needs.",
        tags=["many-extensions"],
    ),
    "support": AiAssistant(
        "support",
        name="Support desk",
        instructions="You answer support calls. Collect the order number.",
        tags=["many-extensions"],
    ),
    "ivr": CallControlApplication(
        "ivr",
        application_name="PBX IVR",
        webhook_event_url=cfg.get("ivrWebhookUrl") or "https://ivr.example.com/telnyx",
        tags=["many-extensions"],
    ),
}
order = list(routes)
extensions = cfg.get_object("extensions") or [
    {"number": str(n), "route": order[n % len(order)]} for n in range(1001, 1011)
]

pbx = SipAttach(
    "pbx",
    pbx={"proxy": cfg.get("pbxProxy") or "sip:pbx.example.com:5060", "transport": "UDP"},
    extensions={
        str(ext["number"]): {
            "username": f"ext{ext['number']}",
            # Set with: pulumi config set --secret pbxPassword <password>
            "password": cfg.require_secret("pbxPassword"),
            "destination": routes[ext.get("route") or "sales"],
        }
        for ext in extensions
    },
    connection_defaults={"connection_name": "Extension", "tags": ["many-extensions"]},
)

pulumi.export("extensions", pbx.extensions)
pulumi.export("routes", {name: app.id for name, app in routes.items()})
