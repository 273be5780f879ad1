"""The lifecycle of a Telnyx UAC connection, independent of how Pulumi hosts it.

Check, diff, create, read, update, delete, adoption and the registration wait are written once
here, over plain dicts, and served by two thin adapters: the dynamic ``ResourceProvider``
(:mod:`pulumi_uac.provider`) and the native plugin (:mod:`pulumi_uac.plugin`). Nothing here
imports Pulumi; values the engine does not know yet arrive as :data:`~.values.UNKNOWN`.
"""

from .check import Checked, Failure, check
from .diff import Diff, PathChange, compute_diff
from .errors import (
    AdoptionError,
    MaskedPasswordError,
    MissingCredentialsError,
    OwnedElsewhereError,
    RegistrationError,
    RollbackError,
)
from .lifecycle import ConnectionLifecycle, Created, Read
from .session import resolve, shared_client
from .values import UNKNOWN, Unknown, is_unknown

__all__ = [
    "UNKNOWN",
    "AdoptionError",
    "Checked",
    "ConnectionLifecycle",
    "Created",
    "Diff",
    "Failure",
    "MaskedPasswordError",
    "MissingCredentialsError",
    "OwnedElsewhereError",
    "PathChange",
    "Read",
    "RegistrationError",
    "RollbackError",
    "Unknown",
    "check",
    "compute_diff",
    "is_unknown",
    "resolve",
    "shared_client",
]
