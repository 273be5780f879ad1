"""The lifecycle of every Telnyx resource, independent of how Pulumi hosts it.

Check, diff, create, read, update, delete, adoption, ownership marks and rollback are written
once here, over plain dicts and a resource's spec (:mod:`pulumi_uac.models.spec`), and served
by two thin adapters: the dynamic ``ResourceProvider`` (:mod:`pulumi_uac.provider`) and the
native plugin (:mod:`pulumi_uac.provider.plugin`). What one resource alone does (a UAC
connection's registration wait) is an :mod:`.extension`. Nothing here imports Pulumi; values
the engine does not know yet arrive as :data:`~.values.UNKNOWN`.
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
from .lifecycle import Created, Read, ResourceLifecycle
from .session import resolve, shared_client
from .values import UNKNOWN, Unknown, is_unknown

__all__ = [
    "UNKNOWN",
    "AdoptionError",
    "Checked",
    "Created",
    "Diff",
    "Failure",
    "MaskedPasswordError",
    "MissingCredentialsError",
    "OwnedElsewhereError",
    "PathChange",
    "Read",
    "RegistrationError",
    "ResourceLifecycle",
    "RollbackError",
    "Unknown",
    "check",
    "compute_diff",
    "is_unknown",
    "resolve",
    "shared_client",
]
