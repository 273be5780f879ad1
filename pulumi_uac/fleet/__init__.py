"""``pulumi-uac fleet``: one Pulumi operation over many stacks of a project, on Pulumi's
Automation API, with bounded concurrency, a live progress table and a summary per stack."""
