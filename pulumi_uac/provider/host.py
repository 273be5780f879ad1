"""What the dynamic provider host shows of a failure.

Pulumi's host (``python -m pulumi.dynamic``) answers every exception a provider raises with
``traceback.format_exc()``: a failure the user can act on (a :class:`TelnyxError`, whose message
already says what went wrong and what to do) reaches the CLI under a traceback of the host's
frames and ours, which says nothing more and buries the message. :func:`plain_failures`, called
from ``configure`` in the host process only (never at import), makes the host show such a
failure as its message alone; any other exception (a bug) keeps its traceback.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

from ..client import TelnyxError

_HOST_MODULE = "pulumi.dynamic.__main__"


class _Traceback:
    """The ``traceback`` module as the host sees it: the same, but for ``format_exc``."""

    def __getattr__(self, name: str) -> Any:
        return getattr(traceback, name)

    @staticmethod
    def format_exc(*args: Any, **kwargs: Any) -> str:
        failure = sys.exc_info()[1]
        if isinstance(failure, TelnyxError):
            return str(failure)
        return traceback.format_exc(*args, **kwargs)


def plain_failures() -> None:
    """In Pulumi's dynamic provider host, show our failures without a traceback (idempotent;
    nothing happens in any other process)."""
    host = sys.modules.get("__main__")
    spec = getattr(host, "__spec__", None)
    if host is None or getattr(spec, "name", None) != _HOST_MODULE:
        return
    if not isinstance(getattr(host, "traceback", None), _Traceback):
        host.traceback = _Traceback()  # type: ignore[attr-defined]
