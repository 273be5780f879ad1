"""A local Telnyx UAC connection API: stateful, validating, with faults on demand.

Depends on :mod:`pulumi_uac.models` only; nothing else in the package imports it.
"""

from .app import EmulatorApp, Request, Response
from .faults import FailRule, FaultConfig, Faults
from .server import EmulatorServer, running
from .store import ConnectionStore, RegistrationSettings

__all__ = [
    "ConnectionStore",
    "EmulatorApp",
    "EmulatorServer",
    "FailRule",
    "FaultConfig",
    "Faults",
    "RegistrationSettings",
    "Request",
    "Response",
    "running",
]
