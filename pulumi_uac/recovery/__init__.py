"""Recovery after interrupted runs: which Telnyx objects (of every registered resource) a
stack made and no longer holds, and the ``pulumi-uac`` command that cleans them up. Reads the
state through the ``pulumi`` CLI; imports nothing from Pulumi."""

from .orphans import Orphan, find_orphans
from .state import PendingCreate, StackRecord, read_state

__all__ = ["Orphan", "PendingCreate", "StackRecord", "find_orphans", "read_state"]
