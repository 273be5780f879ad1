"""The Telnyx API client programs and the core hold: the transport, and one client per
resource over it."""

from __future__ import annotations

from typing import Any

from ..models import ResourceSpec
from .resource import ResourceClient
from .transport import Transport


class TelnyxClient(Transport):
    """Talks to the Telnyx API; :meth:`resource` gives the client of one resource over it.

    One instance owns one ``httpx.Client`` and so one connection pool; build it once and reuse
    it. See :class:`~.transport.Transport` for retries and the rate gate."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resources: dict[str, ResourceClient] = {}

    def resource(self, spec: ResourceSpec) -> ResourceClient:
        """The client of the resource ``spec`` describes, over this transport."""
        found = self._resources.get(spec.name)
        if found is None:
            found = self._resources.setdefault(spec.name, ResourceClient(self, spec))
        return found
