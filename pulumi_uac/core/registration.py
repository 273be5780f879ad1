"""Waiting until Telnyx reports its registration to the customer's PBX."""

from __future__ import annotations

import time
from collections.abc import Callable

from ..client import UacClient
from ..models import RegistrationStatusResult
from .errors import RegistrationError

HINT = (
    "check external_uac_settings (proxy, username, password, transport) and that the PBX "
    "accepts registrations from Telnyx"
)


def wait_for_registration(
    client: UacClient,
    conn_id: str,
    timeout: float,
    *,
    proxy: str,
    name: str,
    bounded_by: str = "wait_for_registration",
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    progress: Callable[[str], None] | None = None,
) -> RegistrationStatusResult:
    """Poll ``check_registration_status`` until ``Registered``.

    Raises :class:`RegistrationError` at once on ``Failed`` (the PBX rejected Telnyx: waiting
    longer cannot help), and when ``timeout`` seconds pass; both messages name the proxy and the
    last status seen. ``bounded_by`` names what set the timeout, for the message. ``progress``
    hears the status after every poll, for the resource's line in the CLI.
    """
    started = clock()
    deadline = started + timeout
    interval = min(max(timeout / 20.0, 0.2), 2.0)
    subject = f"UAC connection {name!r} ({conn_id})"
    while True:
        # Each poll, its retries included, ends within what is left of the wait.
        with client.within(max(deadline - clock(), 0.0)):
            result = client.check_registration_status(conn_id)
        if progress is not None:
            progress(
                f"registration: {result.status or 'no status yet'} "
                f"({clock() - started:.0f}s of {timeout:g}s)"
            )
        if result.status == "Registered":
            return result
        if result.status == "Failed":
            raise RegistrationError(
                f"{subject}: the PBX at {proxy} rejected Telnyx's registration (status Failed); "
                f"{HINT}",
                status=result.status,
            )
        remaining = deadline - clock()
        if remaining <= 0:
            raise RegistrationError(
                f"{subject}: the PBX at {proxy} did not accept Telnyx's registration within "
                f"{timeout:g}s ({bounded_by}; last status: {result.status or 'none reported'}); "
                f"{HINT}",
                status=result.status,
            )
        client.check_abandoned(f"waiting for the registration of {subject}")
        sleep(min(interval, remaining))
