"""``get_registration_status``: Telnyx's registration to a UAC connection's PBX, right now (a
function of the plugin's, not a lookup of a resource)."""

from __future__ import annotations

from typing import Any

import pulumi

from ..models import UAC_CONNECTION
from ..resource.props import wire_names
from ..resource.results import LookupResult
from .base import invoke

GET_REGISTRATION = "telnyx:index:getRegistrationStatus"

__all__ = [
    "GetRegistrationStatusResult",
    "get_registration_status",
    "get_registration_status_output",
]


class GetRegistrationStatusResult(LookupResult):
    """Telnyx's registration to the connection's PBX, right now."""

    record_type: str | None
    status: str | None
    """``Not Applicable``, ``Not Registered``, ``Failed``, ``Expired``, ``Registered`` or
    ``Unregistered``."""
    sip_username: str | None
    ip_address: str | None
    port: int | None
    transport: str | None
    user_agent: str | None
    last_registration: str | None


def _snake(answer: Any) -> Any:
    return wire_names(UAC_CONNECTION).snake(answer)


def get_registration_status(
    id: str, opts: pulumi.InvokeOptions | None = None
) -> GetRegistrationStatusResult:
    """Telnyx's registration to the connection's PBX, right now."""
    return GetRegistrationStatusResult(_snake(invoke(GET_REGISTRATION, {"id": id}, opts)))


def get_registration_status_output(
    id: pulumi.Input[str], opts: pulumi.InvokeOutputOptions | None = None
) -> pulumi.Output[GetRegistrationStatusResult]:
    """:func:`get_registration_status` with an id that may be an Output."""
    return pulumi.runtime.invoke_output(GET_REGISTRATION, {"id": id}, opts).apply(
        lambda answer: GetRegistrationStatusResult(_snake(answer))
    )
