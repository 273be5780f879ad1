"""Telnyx's own Python SDK as a second reader of the contract: it drives the emulator through
every UAC operation with strict response validation, so any answer the SDK's types would not
accept, or any request the emulator would refuse, fails here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import telnyx

from pulumi_uac.emulator import EmulatorServer

from .conftest import API_KEY, OFFICE_PBX

EVERY_FIELD: dict[str, Any] = {
    **OFFICE_PBX,
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
        **OFFICE_PBX["external_uac_settings"],
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
        "outbound_voice_profile_id": "1293384261075731499",
        "t38_reinvite_source": "customer",
    },
    "password": "a-connection-password",
    "rtcp_settings": {"capture_enabled": True, "port": "rtcp-mux", "report_frequency_secs": 10},
    "sip_uri_calling_preference": "internal",
    "tags": ["sdk", "every-field"],
    "user_name": "sdk-user",
    "webhook_api_version": "2",
    "webhook_event_failover_url": "https://example.com/failover",
    "webhook_event_url": "https://example.com/hooks",
    "webhook_timeout_secs": 25,
}


@pytest.fixture
def sdk(emulator: EmulatorServer) -> Iterator[telnyx.Telnyx]:
    client = telnyx.Telnyx(
        api_key=API_KEY,
        base_url=emulator.base_url,
        max_retries=0,
        _strict_response_validation=True,
    )
    yield client
    client.close()


def test_create_retrieve_update_and_delete(sdk: telnyx.Telnyx) -> None:
    minimal = sdk.uac_connections.create(connection_name="SDK minimal").data
    assert minimal is not None and minimal.id and minimal.registration_status == "Not Applicable"
    full = sdk.uac_connections.create(**EVERY_FIELD).data
    assert full is not None and full.id
    assert full.inbound is not None and full.inbound.sip_region == "Europe"
    assert full.external_uac_settings is not None
    assert full.external_uac_settings.password == "s3cret-pbx"  # revealed on create
    got = sdk.uac_connections.retrieve(full.id).data
    assert got is not None and got.external_uac_settings is not None
    assert got.external_uac_settings.password == "********"
    assert got.noise_suppression_details is not None
    assert got.noise_suppression_details.attenuation_limit == 50
    updated = sdk.uac_connections.update(
        full.id,
        connection_name="SDK renamed",
        inbound={"channel_limit": 20},
        external_uac_settings={**EVERY_FIELD["external_uac_settings"], "transport": "UDP"},
    ).data
    assert updated is not None and updated.connection_name == "SDK renamed"
    assert updated.inbound is not None and updated.inbound.channel_limit == 20
    status = sdk.uac_connections.actions.check_registration_status(full.id).data
    assert status is not None and status.status in ("Not Registered", "Registered")
    deleted = sdk.uac_connections.delete(full.id).data
    assert deleted is not None and deleted.id == full.id
    sdk.uac_connections.delete(minimal.id)


def test_list_across_pages_with_filters_and_sorts(sdk: telnyx.Telnyx) -> None:
    for i in range(7):
        sdk.uac_connections.create(
            connection_name=f"page-{i}",
            outbound={"outbound_voice_profile_id": "42" if i % 2 else "7"},
        )
    every = list(sdk.uac_connections.list(page_size=3))  # the SDK follows meta across pages
    assert len(every) == 7 and len({c.id for c in every}) == 7
    by_name = list(sdk.uac_connections.list(page_size=2, sort="connection_name"))
    assert [c.connection_name for c in by_name] == [f"page-{i}" for i in range(7)]
    newest = list(sdk.uac_connections.list(sort="-created_at"))
    assert newest[0].connection_name == "page-6"
    filtered = list(
        sdk.uac_connections.list(
            filter={"connection_name": {"contains": "page"}, "outbound_voice_profile_id": "42"}
        )
    )
    assert sorted(c.connection_name or "" for c in filtered) == ["page-1", "page-3", "page-5"]


def test_error_classes(sdk: telnyx.Telnyx, emulator: EmulatorServer) -> None:
    with pytest.raises(telnyx.NotFoundError):
        sdk.uac_connections.retrieve("999")
    with pytest.raises(telnyx.UnprocessableEntityError) as info:
        sdk.uac_connections.create(connection_name="bad", dtmf_type="Morse")  # type: ignore[arg-type]
    assert "dtmf_type" in str(info.value)
    wrong = telnyx.Telnyx(api_key="wrong", base_url=emulator.base_url, max_retries=0)
    with pytest.raises(telnyx.AuthenticationError):
        wrong.uac_connections.list().to_dict()
    wrong.close()
