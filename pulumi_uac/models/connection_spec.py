"""The UAC connection's spec: what makes ``/v2/uac_connections`` different from other Telnyx
resources, as data every layer reads (see :mod:`.spec`)."""

from __future__ import annotations

from typing import Any

from .connection import UacConnection, UacConnectionCreateParams, UacConnectionUpdateParams
from .spec import Api, Docs, ProviderInput, Reference, ResourceSpec
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
    references=(Reference("outbound.outbound_voice_profile_id", "OutboundVoiceProfile"),),
    dynamic_provider="pulumi_uac.provider.provider:UacConnectionProvider",
    docs=Docs(
        summary="A Telnyx UAC connection: Telnyx registers **to** your PBX and routes the PBX's "
        "calls to a Telnyx application through ``internal_uac_settings.destination_uri``.",
        example="""import pulumi
from pulumi_uac import (
    ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations)

cfg = pulumi.Config()
conn = UacConnection(
    "office-pbx",
    connection_name="Office PBX",
    external_uac_settings=ExternalUacSettingsArgs(
        proxy="sip:pbx.example.com:5060", username="telnyx-reg",
        password=cfg.require_secret("pbxPassword"), transport="TCP"),
    internal_uac_settings=InternalUacSettingsArgs(
        destination_uri=destinations.ai_assistant("1006", cfg.require("assistantId"))),
)
pulumi.export("fqdn", conn.fqdn)""",
        notes="""\
Credentials: ``pulumi config set --secret telnyx:apiKey <KEY>`` (or ``TELNYX_API_KEY``);
endpoint: ``telnyx:baseUrl`` (or ``TELNYX_BASE_URL``).

Secrets: ``password`` and ``external_uac_settings.password`` are always secrets, in inputs,
outputs and state. Both are write-only: Telnyx masks them, so a change made outside Pulumi is
not detected; change the value in the program to rotate them.""",
    ),
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
