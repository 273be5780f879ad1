"""The Pulumi dynamic provider for UAC connections (the Pulumi lifecycle, over the client)."""

from .provider import UacConnectionProvider, shared_client, wait_for_registration

__all__ = ["UacConnectionProvider", "shared_client", "wait_for_registration"]
