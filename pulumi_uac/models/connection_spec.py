"""The UAC connection's spec: what makes ``/v2/uac_connections`` different from other Telnyx
resources, as data every layer reads (see :mod:`.spec`)."""

from __future__ import annotations

from typing import Any

from .connection import UacConnection, UacConnectionCreateParams, UacConnectionUpdateParams
from .spec import Api, ProviderInput, ResourceSpec
from .validation import Problem

JITTER_MIN_DEFAULT = 60
JITTER_MAX_DEFAULT = 200
WAIT_FOR_REGISTRATION = "wait_for_registration"


def cross_field_problems(
    params: UacConnectionCreateParams | UacConnectionUpdateParams,
    stored: dict[str, dict[str, Any]] | None = None,
) -> list[Problem]:
    """Rules that tie a UAC connection's fields together, documented or implied by Telnyx.

    ``stored`` holds the connection's nested objects as stored, for an update that *merges*
    nested objects into them: a key the body leaves out then keeps its stored value. Without it
    (a create, or an update that replaces nested objects) such a key takes its default.
    """
    stored = stored or {}
    out: list[Problem] = []
    ext = params.external_uac_settings
    if (
        ext is not None
        and ext.proxy is None
        and not (stored.get("external_uac_settings") or {}).get("proxy")
    ):
        out.append(
            Problem(
                ("external_uac_settings", "proxy"),
                "is required when external_uac_settings is set (the PBX address Telnyx "
                "registers to)",
                missing=True,
                involves=(("external_uac_settings",),),
            )
        )
    jitter = params.jitter_buffer
    if jitter is not None:
        kept = stored.get("jitter_buffer") or {}
        low = jitter.jitterbuffer_msec_min
        high = jitter.jitterbuffer_msec_max
        low_value = (
            low if low is not None else kept.get("jitterbuffer_msec_min", JITTER_MIN_DEFAULT)
        )
        high_value = (
            high if high is not None else kept.get("jitterbuffer_msec_max", JITTER_MAX_DEFAULT)
        )
        if low_value > high_value:
            out.append(
                Problem(
                    (
                        "jitter_buffer",
                        "jitterbuffer_msec_min" if low is not None else "jitterbuffer_msec_max",
                    ),
                    f"must keep jitterbuffer_msec_min ({low_value}"
                    + (" unless set" if low is None else "")
                    + f") at or below jitterbuffer_msec_max ({high_value}"
                    + (" unless set" if high is None else "")
                    + ")",
                    involves=(
                        ("jitter_buffer", "jitterbuffer_msec_min"),
                        ("jitter_buffer", "jitterbuffer_msec_max"),
                    ),
                )
            )
    if params.webhook_api_version == "texml" and not (
        params.outbound is not None and params.outbound.call_parking_enabled
    ):
        out.append(
            Problem(
                ("webhook_api_version",),
                "'texml' requires outbound.call_parking_enabled to be true",
                involves=(("outbound", "call_parking_enabled"),),
            )
        )
    return out


UAC_CONNECTION = ResourceSpec(
    name="UacConnection",
    noun="UAC connection",
    create_model=UacConnectionCreateParams,
    update_model=UacConnectionUpdateParams,
    response_model=UacConnection,
    name_field="connection_name",
    api=Api(
        path="uac_connections",
        name_filter="filter[connection_name][contains]",
        name_filter_min=3,
    ),
    marks="at_create",
    rules=cross_field_problems,
    extension="registration",
    # The input types' names of version 0.1 (programs import them).
    extra={"args_names": {"UacInbound": "InboundArgs", "UacOutbound": "OutboundArgs"}},
    provider_inputs=(
        ProviderInput(
            WAIT_FOR_REGISTRATION,
            "number",
            "Seconds to wait, after a create or a change of external_uac_settings or active, "
            "until Telnyx reports the registration to the PBX as Registered; 0 or unset does not "
            "wait. A PBX that rejects Telnyx or stays silent fails the operation, and the change "
            "is undone.",
        ),
    ),
)
