"""A local Telnyx API for every registered resource (UAC connections and the resources they
wire to): stateful, validating, with faults on demand.

Depends on :mod:`pulumi_uac.models` only; nothing else in the package imports it.
"""

from .app import EmulatorApp
from .faults import FailRule, FaultConfig, Faults
from .registration import RegistrationSettings
from .server import EmulatorServer, running
from .store import EmulatorStore
from .wire import Request, Response

__all__ = [
    "EmulatorApp",
    "EmulatorServer",
    "EmulatorStore",
    "FailRule",
    "FaultConfig",
    "Faults",
    "RegistrationSettings",
    "Request",
    "Response",
    "running",
]
