"""The dynamic provider of ``UacConnection``.

Stacks record this class by reference (``pulumi_uac.provider.provider.UacConnectionProvider``
in every resource's ``__provider``), so it must never move or be renamed.
"""

from __future__ import annotations

from ..models import UAC_CONNECTION
from .dynamic import PROVIDER_KEY, SpecProvider, from_engine, to_engine


class UacConnectionProvider(SpecProvider):
    """Creates, reads, updates and deletes Telnyx UAC connections for ``UacConnection``."""

    spec = UAC_CONNECTION


__all__ = ["PROVIDER_KEY", "UacConnectionProvider", "from_engine", "to_engine"]
