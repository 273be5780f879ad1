"""The dynamic provider of ``CallControlApplication``. Stacks record this class by reference:
it must never move or be renamed."""

from __future__ import annotations

from ..models import CALL_CONTROL_APPLICATION
from .dynamic import SpecProvider


class CallControlApplicationProvider(SpecProvider):
    """Creates, reads, updates and deletes Telnyx Call Control applications."""

    spec = CALL_CONTROL_APPLICATION
