"""The Pulumi adapters in front of the core lifecycle: the dynamic ``ResourceProvider``."""

from .provider import UacConnectionProvider

__all__ = ["UacConnectionProvider"]
