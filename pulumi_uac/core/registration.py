"""A UAC connection's own behaviour: waiting until Telnyx reports its registration to the
customer's PBX (``wait_for_registration``), after a create or a change that restarts it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Collection
from typing import Any

from ..client import ResourceClient, TelnyxClient
from ..models import UAC_CONNECTION, RegistrationStatusResult
from ..models.connection_spec import WAIT_FOR_REGISTRATION
from .errors import RegistrationError
from .extension import Extension, Fail, Function
from .values import get_path, is_unknown, normalize

MAX_WAIT_FOR_REGISTRATION = 3600.0
REGISTRATION_ROOTS = frozenset({"active", "external_uac_settings"})
"""Changes to these restart Telnyx's registration to the PBX."""

HINT = (
    "check external_uac_settings (proxy, username, password, transport) and that the PBX "
    "accepts registrations from Telnyx"
)


def wait_for_registration(
    client: ResourceClient,
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
        with client.transport.within(max(deadline - clock(), 0.0)):
            result = check_registration_status(client, conn_id)
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
        client.transport.check_abandoned(f"waiting for the registration of {subject}")
        sleep(min(interval, remaining))


def check_registration_status(client: ResourceClient, conn_id: str) -> RegistrationStatusResult:
    """``POST /uac_connections/{id}/actions/check_registration_status``."""
    result: RegistrationStatusResult = client.action(
        conn_id, "check_registration_status", RegistrationStatusResult
    )
    return result


def registration_status(client: TelnyxClient, conn_id: str) -> RegistrationStatusResult:
    """The registration status of the UAC connection ``conn_id`` (the plugin's
    ``getRegistrationStatus``)."""
    return check_registration_status(client.resource(UAC_CONNECTION), conn_id)


def wait_seconds(inputs: dict[str, Any]) -> float:
    value = normalize(inputs.get(WAIT_FOR_REGISTRATION))
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


class RegistrationWait(Extension):
    """``wait_for_registration``: its check, the wait after a write, and its outputs."""

    def check(self, props: dict[str, Any], fail: Fail) -> None:
        wait = props.get(WAIT_FOR_REGISTRATION)
        if wait is None or is_unknown(wait):
            return
        if isinstance(wait, bool) or not isinstance(wait, (int, float)):
            fail(WAIT_FOR_REGISTRATION, "must be a number of seconds (0 turns waiting off)")
        elif not math.isfinite(wait):
            # Not a model field, so the models' refusal of inf and NaN does not cover it.
            fail(WAIT_FOR_REGISTRATION, "must be a finite number (not inf or NaN)")
        elif not 0 <= wait <= MAX_WAIT_FOR_REGISTRATION:
            fail(
                WAIT_FOR_REGISTRATION,
                f"must be between 0 and {MAX_WAIT_FOR_REGISTRATION:g} seconds",
            )
        elif wait > 0:
            if props.get("active") is False:
                fail(
                    WAIT_FOR_REGISTRATION,
                    "needs active to be true: Telnyx does not register an inactive connection",
                )
            ext = props.get("external_uac_settings")
            if is_unknown(ext):
                return
            ext = ext if isinstance(ext, dict) else {}
            missing = [k for k in ("proxy", "username", "password") if ext.get(k) is None]
            if missing:
                fail(
                    WAIT_FOR_REGISTRATION,
                    "needs external_uac_settings with proxy, username and password (missing: "
                    + ", ".join(missing)
                    + "): without them Telnyx never registers",
                )

    def waits(self, inputs: dict[str, Any], changed: Collection[str] | None) -> bool:
        if wait_seconds(inputs) <= 0:
            return False
        return changed is None or bool(REGISTRATION_ROOTS & set(changed))

    def after_write(
        self,
        client: ResourceClient,
        object_id: str,
        inputs: dict[str, Any],
        desired: dict[str, Any],
        *,
        left: float | None,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
        progress: Callable[[str], None] | None,
    ) -> Any:
        wait = wait_seconds(inputs)
        bounded_by = WAIT_FOR_REGISTRATION
        if left is not None and left < wait:
            wait, bounded_by = left, "the operation's customTimeouts"
        proxy = get_path(desired, "external_uac_settings.proxy") or "(no proxy)"
        return wait_for_registration(
            client,
            object_id,
            wait,
            proxy=str(proxy),
            name=str(desired.get("connection_name") or object_id),
            bounded_by=bounded_by,
            sleep=sleep,
            clock=clock,
            progress=progress,
        )

    def functions(self) -> tuple[Function, ...]:
        return (
            Function(
                name="getRegistrationStatus",
                description="Telnyx's registration to a UAC connection's PBX, as "
                "check_registration_status reports it.",
                id_description="The connection's id.",
                result=RegistrationStatusResult,
                required=("status",),
                call=registration_status,
            ),
        )

    def record(self, outputs: dict[str, Any], result: Any) -> None:
        if result is None:
            return
        outputs["registration_status"] = result.status
        if result.last_registration:
            outputs["registration_status_updated_at"] = result.last_registration


EXTENSION = RegistrationWait()
