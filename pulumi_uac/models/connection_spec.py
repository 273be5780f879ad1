"""The UAC connection's spec: what makes ``/v2/uac_connections`` different from other Telnyx
resources, as data every layer reads (see :mod:`.spec`)."""

from __future__ import annotations

from typing import Any

from .connection import UacConnection, UacConnectionCreateParams, UacConnectionUpdateParams
from .spec import Api, Docs, Examples, ProviderInput, Reference, ResourceSpec
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
    examples=Examples(
        minimal={"connection_name": "Example PBX"},
        full={
            "connection_name": "Example PBX",
            "active": True,
            "anchorsite_override": "Amsterdam, Netherlands",
            "android_push_credential_id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
            "bridge_generate_comfort_noise_on_cn": True,
            "call_cost_in_webhooks": True,
            "default_on_hold_comfort_noise_enabled": True,
            "dtmf_type": "SIP INFO",
            "encode_contact_header_enabled": True,
            "encrypted_media": "SRTP",
            "external_uac_settings": {
                "proxy": "sip:pbx.example.com:5060",
                "username": "telnyx-reg",
                "password": "s3cret-pbx",
                "transport": "TCP",
                "auth_username": "auth-user",
                "expiration_sec": 600,
                "from_user": "from-user",
                "outbound_proxy": "outbound.pbx.example.com:5061",
                "user_agent": "Acme PBX/1.0",
            },
            "inbound": {
                "ani_number_format": "+E.164",
                "channel_limit": 10,
                "codecs": ["G722", "OPUS"],
                "default_routing_method": "round-robin",
                "dnis_number_format": "national",
                "generate_ringback_tone": True,
                "isup_headers_enabled": True,
                "prack_enabled": True,
                "shaken_stir_enabled": True,
                "simultaneous_ringing": "enabled",
                "sip_compact_headers_enabled": False,
                "sip_region": "Europe",
                "timeout_1xx_secs": 10,
                "timeout_2xx_secs": 100,
            },
            "internal_uac_settings": {"destination_uri": "1006@assistant-abc123.sip.telnyx.com"},
            "ios_push_credential_id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f1",
            "jitter_buffer": {
                "enable_jitter_buffer": True,
                "jitterbuffer_msec_max": 300,
                "jitterbuffer_msec_min": 80,
            },
            "noise_suppression": "both",
            "noise_suppression_details": {"attenuation_limit": 50, "engine": "deep_filter_net"},
            "onnet_t38_passthrough_enabled": True,
            "outbound": {
                "ani_override": "+15551234567",
                "ani_override_type": "normal",
                "call_parking_enabled": True,
                "channel_limit": 4,
                "generate_ringback_tone": True,
                "instant_ringback_enabled": False,
                "localization": "GB",
                "t38_reinvite_source": "customer",
            },
            "password": "a-connection-password",
            "rtcp_settings": {
                "capture_enabled": True,
                "port": "rtcp-mux",
                "report_frequency_secs": 10,
            },
            "sip_uri_calling_preference": "internal",
            "tags": ["example", "every-field"],
            "user_name": "example-user",
            "webhook_api_version": "2",
            "webhook_event_failover_url": "https://example.com/failover",
            "webhook_event_url": "https://example.com/hooks",
            "webhook_timeout_secs": 25,
        },
        update={"active": False, "tags": ["changed"]},
    ),
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
