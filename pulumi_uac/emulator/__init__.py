"""A local Telnyx UAC connection API: stateful, validating, with faults on demand.

Depends on :mod:`pulumi_uac.models` only; nothing else in the package imports it.
"""

from .app import EmulatorApp
from .faults import FailRule, FaultConfig, Faults
from .registration import RegistrationSettings
from .server import EmulatorServer, running
from .store import ConnectionStore
from .wire import Request, Response

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
