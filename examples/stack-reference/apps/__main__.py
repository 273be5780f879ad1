"""The "apps" stack: owns (or, here, records) the Telnyx applications that answer calls, and
exports their ids for other stacks. Creating the applications themselves is another provider's
job; this stack takes their ids from config."""

import pulumi

cfg = pulumi.Config()
pulumi.export("assistantId", cfg.get("assistantId") or "shared-assistant")
pulumi.export("callControlAppId", cfg.get("callControlAppId") or "1293384261075731499")
