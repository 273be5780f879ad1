"""The native provider plugin (``pulumi-resource-telnyx``): the same core as the dynamic
provider, behind Pulumi's provider protocol."""
