"""The Pulumi adapters in front of the core lifecycle: the dynamic ``ResourceProvider``
(:mod:`.dynamic`, with the first resources' pinned subclasses beside it) and the native
plugin (:mod:`.plugin`)."""

from .dynamic import RegisteredProvider, SpecProvider, provider_for
from .provider import UacConnectionProvider

__all__ = ["RegisteredProvider", "SpecProvider", "UacConnectionProvider", "provider_for"]
