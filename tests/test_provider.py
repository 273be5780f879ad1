"""The dynamic provider's methods, called with plain dicts as the engine sends them, against the
in-process emulator over a real socket."""

from __future__ import annotations

import base64
import copy
import time
from typing import Any

import httpx
import pytest
from pulumi.dynamic.dynamic import Config, ConfigureRequest, serialize_provider

from pulumi_uac.client import UacClient
from pulumi_uac.emulator import EmulatorServer
from pulumi_uac.models import UacConnectionUpdateParams
from pulumi_uac.provider import UacConnectionProvider
from pulumi_uac.provider.errors import AdoptionError, MissingCredentialsError, RegistrationError
from pulumi_uac.provider.fields import UNKNOWN

from .conftest import API_KEY, OFFICE_PBX, request_counts

PROVIDER_BLOB = "serialized-provider-placeholder"
TAG = "pulumi-uac-owner:0123456789abcdef"


@pytest.fixture
def provider(emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> UacConnectionProvider:
    monkeypatch.setenv("TELNYX_API_KEY", API_KEY)
    monkeypatch.setenv("TELNYX_BASE_URL", emulator.base_url)
    return UacConnectionProvider()


def inputs(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "__provider": PROVIDER_BLOB,
        **copy.deepcopy(OFFICE_PBX),
        "ownership_tag": TAG,
    }
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def as_engine_sends(props: dict[str, Any]) -> dict[str, Any]:
    """Ints become floats on the wire."""

    def conv(v: Any) -> Any:
        if isinstance(v, bool):
            return v
        if isinstance(v, int):
            return float(v)
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v

    return conv(props)


def created(provider: UacConnectionProvider, props: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    res = provider.create(props)
    outs = dict(res.outs or {})
    outs["__provider"] = PROVIDER_BLOB
    return res.id, outs


# -------------------- check


INVALID: list[tuple[dict[str, Any], str]] = [
    ({"connection_name": None}, "connection_name"),
    ({"connection_name": ""}, "connection_name"),
    ({"active": "yes"}, "active"),
    ({"anchorsite_override": "Mars"}, "anchorsite_override"),
    ({"dtmf_type": "Morse"}, "dtmf_type"),
    ({"password": "short"}, "password"),
    ({"user_name": "ab"}, "user_name"),
    ({"user_name": "12345678"}, "user_name"),
    ({"encrypted_media": "ZRTP"}, "encrypted_media"),
    ({"noise_suppression": "loud"}, "noise_suppression"),
    (
        {"noise_suppression_details": {"attenuation_limit": 15}},
        "noise_suppression_details.attenuation_limit",
    ),
    ({"noise_suppression_details": {"engine": "magic"}}, "noise_suppression_details.engine"),
    ({"jitter_buffer": {"jitterbuffer_msec_max": 500}}, "jitter_buffer.jitterbuffer_msec_max"),
    ({"rtcp_settings": {"port": "rtp+2"}}, "rtcp_settings.port"),
    ({"rtcp_settings": {"report_frequency_secs": 1}}, "rtcp_settings.report_frequency_secs"),
    ({"inbound": {"timeout_1xx_secs": 121}}, "inbound.timeout_1xx_secs"),
    ({"inbound": {"dnis_number_format": "test"}}, "inbound.dnis_number_format"),
    ({"inbound": {"sip_region": "Mars"}}, "inbound.sip_region"),
    ({"inbound": {"codecs": ["G722", 7]}}, "inbound.codecs[1]"),
    ({"outbound": {"localization": "usa"}}, "outbound.localization"),
    ({"outbound": {"t38_reinvite_source": "nobody"}}, "outbound.t38_reinvite_source"),
    (
        {"outbound": {"outbound_voice_profile_id": "profile-1"}},
        "outbound.outbound_voice_profile_id",
    ),
    ({"external_uac_settings": {"username": "telnyx-reg"}}, "external_uac_settings.proxy"),
    (
        {"external_uac_settings": {"proxy": "sip:p", "transport": "SCTP"}},
        "external_uac_settings.transport",
    ),
    (
        {"external_uac_settings": {"proxy": "sip:p", "username": "-bad"}},
        "external_uac_settings.username",
    ),
    (
        {"external_uac_settings": {"proxy": "sip:p", "expiration_sec": 0}},
        "external_uac_settings.expiration_sec",
    ),
    (
        {"internal_uac_settings": {"destination_uri": "sip:1006@assistant-a.sip.telnyx.com"}},
        "internal_uac_settings.destination_uri",
    ),
    (
        {"internal_uac_settings": {"destination_uri": "1006@example.com"}},
        "internal_uac_settings.destination_uri",
    ),
    ({"webhook_api_version": "3"}, "webhook_api_version"),
    ({"webhook_api_version": "texml"}, "webhook_api_version"),
    ({"webhook_event_url": "example.com/hook"}, "webhook_event_url"),
    ({"webhook_timeout_secs": 60}, "webhook_timeout_secs"),
    ({"tags": "not-a-list"}, "tags"),
    ({"wait_for_registration": -1}, "wait_for_registration"),
    (
        {"wait_for_registration": 30, "external_uac_settings": {"proxy": "sip:p"}},
        "wait_for_registration",
    ),
    ({"adopt_existing_id": "", "adopt_existing_by_name": None}, "adopt_existing_id"),
    ({"adopt_existing_id": "123", "adopt_existing_by_name": True}, "adopt_existing_id"),
    ({"colour": "blue"}, "colour"),
]


@pytest.mark.parametrize(("change", "field"), INVALID, ids=[f for _, f in INVALID])
def test_check_names_the_field_and_the_rule(
    provider: UacConnectionProvider, admin: httpx.Client, change: dict[str, Any], field: str
) -> None:
    result = provider.check({}, as_engine_sends(inputs(**change)))
    reasons = [f.reason for f in result.failures if f.reason.startswith(field + " ")]
    assert len(reasons) == 1, result.failures
    assert len(reasons[0]) > len(field) + 5
    failure = next(f for f in result.failures if f.reason == reasons[0])
    # The engine prints the value of a named top-level property: never for password holders.
    secret_root = field.split(".")[0] in ("password", "external_uac_settings")
    assert failure.property == ("" if secret_root else field)
    assert "s3cret-pbx" not in reasons[0]
    assert request_counts(admin) == {}


def test_check_reports_every_failure_at_once(provider: UacConnectionProvider) -> None:
    result = provider.check(
        {}, inputs(dtmf_type="x", password="1", inbound={"timeout_2xx_secs": 0}, colour="red")
    )
    assert sorted(f.reason.split()[0] for f in result.failures) == [
        "colour",
        "dtmf_type",
        "inbound.timeout_2xx_secs",
        "password",
    ]


def test_check_accepts_valid_inputs_and_engine_floats(provider: UacConnectionProvider) -> None:
    news = as_engine_sends(
        inputs(
            inbound={"timeout_1xx_secs": 5, "codecs": ["G722"]},
            jitter_buffer={"jitterbuffer_msec_max": 300},
            tags=["b", "a"],
            webhook_timeout_secs=10,
            wait_for_registration=30,
            user_name="my-sip-user",
        )
    )
    result = provider.check({}, news)
    assert result.failures == []
    assert result.inputs == news


def test_check_keeps_list_indexes_when_an_element_is_unknown(
    provider: UacConnectionProvider,
) -> None:
    news = inputs(inbound={"codecs": ["G722", UNKNOWN, 7]}, tags=[UNKNOWN, "ok"])
    assert provider.check({}, news).failures == []
    news = inputs(inbound={"codecs": ["G722", "OPUS", 7]})
    assert [f.property for f in provider.check({}, news).failures] == ["inbound.codecs[2]"]


def test_check_tolerates_unknown_values(provider: UacConnectionProvider) -> None:
    news = inputs(
        connection_name=UNKNOWN,
        internal_uac_settings={"destination_uri": UNKNOWN},
        external_uac_settings=UNKNOWN,
        wait_for_registration=30,
        password=UNKNOWN,
    )
    assert provider.check({}, news).failures == []
    news = inputs(
        external_uac_settings={"proxy": UNKNOWN, "username": "u-ser", "password": UNKNOWN}
    )
    assert provider.check({}, news).failures == []


# -------------------- create / read / update / delete


def test_create_surfaces_generated_credentials_in_two_requests(
    provider: UacConnectionProvider,
    admin: httpx.Client,
) -> None:
    conn_id, outs = created(provider, as_engine_sends(inputs()))
    assert outs["user_name"].startswith("uac") and len(outs["password"]) >= 16
    assert outs["password"] != "********"
    assert outs["external_uac_settings"]["password"] == "s3cret-pbx"
    assert outs["fqdn"].endswith(".uac.telnyx.com") and outs["sip_subdomain"]
    assert outs["registration_status"] == "Not Registered"
    assert outs["managed_fields"] == [
        "connection_name",
        "external_uac_settings.password",
        "external_uac_settings.proxy",
        "external_uac_settings.transport",
        "external_uac_settings.username",
        "internal_uac_settings.destination_uri",
    ]
    assert request_counts(admin) == {"GET /v2/uac_connections": 1, "POST /v2/uac_connections": 1}
    stored = admin.get("state").json()["connections"][0]
    assert stored["id"] == conn_id and TAG in stored["tags"]


def test_diff_is_clean_after_create_and_ignores_wire_noise(provider: UacConnectionProvider) -> None:
    news = as_engine_sends(inputs(tags=["b", "a"], inbound={"timeout_1xx_secs": 5}))
    conn_id, outs = created(provider, news)
    same = dict(news, tags=["a", "b"], __provider="a different provider blob")
    assert provider.diff(conn_id, outs, same).changes is False


def test_diff_detects_each_kind_of_change(provider: UacConnectionProvider) -> None:
    conn_id, outs = created(provider, inputs(password="first-password"))

    def diff(**over: Any) -> Any:
        return provider.diff(conn_id, outs, inputs(**{"password": "first-password", **over}))

    assert diff(connection_name="Renamed").changes is True
    assert diff(password="second-password").changes is True
    assert diff(
        external_uac_settings={**inputs()["external_uac_settings"], "password": "rotated"}
    ).changes
    assert diff(active=False).changes is True
    assert diff(internal_uac_settings={"destination_uri": UNKNOWN}).changes is True
    assert diff(wait_for_registration=10).changes is True
    assert diff().changes is False
    texml = diff(webhook_api_version="texml", outbound={"call_parking_enabled": True})
    assert texml.changes and texml.replaces == ["webhook_api_version"]
    assert diff(webhook_api_version="2").replaces == []
    # No longer setting a field is a change (it stops being managed), without replacement.
    no_ext = provider.diff(
        conn_id, outs, inputs(external_uac_settings=None, password="first-password")
    )
    assert no_ext.changes is True and no_ext.replaces == []


def test_update_patches_only_what_changed(
    provider: UacConnectionProvider, admin: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn_id, outs = created(
        provider, inputs(inbound={"timeout_1xx_secs": 5, "prack_enabled": True})
    )
    bodies: list[dict[str, Any]] = []
    original = UacClient.update

    def spy(self: UacClient, cid: str, params: UacConnectionUpdateParams) -> Any:
        bodies.append(params.to_body())
        return original(self, cid, params)

    monkeypatch.setattr(UacClient, "update", spy)
    news = inputs(inbound={"timeout_1xx_secs": 7, "prack_enabled": True}, tags=["x"])
    res = provider.update(conn_id, outs, as_engine_sends(news))
    assert bodies == [{"inbound": {"timeout_1xx_secs": 7}, "tags": ["x", TAG]}]
    new_outs = dict(res.outs or {}, __provider=PROVIDER_BLOB)
    assert new_outs["inbound"] == {"timeout_1xx_secs": 7, "prack_enabled": True}
    assert new_outs["password"] == outs["password"] and new_outs["fqdn"] == outs["fqdn"]
    assert provider.diff(conn_id, new_outs, news).changes is False
    # Only a provider input changed: recorded without any API call.
    before = request_counts(admin)
    res = provider.update(conn_id, new_outs, dict(news, wait_for_registration=0))
    assert request_counts(admin) == before
    assert len(bodies) == 1
    assert (res.outs or {})["fqdn"] == outs["fqdn"]


def test_read_shows_drift_and_keeps_masked_passwords(
    provider: UacConnectionProvider, client: UacClient
) -> None:
    conn_id, outs = created(
        provider, inputs(password="desired-pass", inbound={"timeout_1xx_secs": 5})
    )
    res = provider.read(conn_id, outs)
    assert res.id == conn_id
    assert res.outs["password"] == "desired-pass"  # masked by Telnyx: the stored secret stays
    assert res.outs["external_uac_settings"]["password"] == "s3cret-pbx"
    assert res.inputs is not None and res.inputs["inbound"] == {"timeout_1xx_secs": 5}
    refreshed = dict(res.outs, __provider=PROVIDER_BLOB)
    assert (
        provider.diff(
            conn_id, refreshed, inputs(password="desired-pass", inbound={"timeout_1xx_secs": 5})
        ).changes
        is False
    )
    # Out-of-band change: a refresh brings Telnyx's value; the diff against the program shows it.
    client.update(
        conn_id,
        UacConnectionUpdateParams.model_validate(
            {"inbound": {"timeout_1xx_secs": 9}, "connection_name": "Renamed elsewhere"}
        ),
    )
    drifted = provider.read(conn_id, refreshed)
    assert drifted.outs["inbound"] == {"timeout_1xx_secs": 9}
    assert drifted.inputs["connection_name"] == "Renamed elsewhere"  # type: ignore[index]
    assert (
        provider.diff(
            conn_id,
            dict(drifted.outs, __provider=PROVIDER_BLOB),
            inputs(password="desired-pass", inbound={"timeout_1xx_secs": 5}),
        ).changes
        is True
    )


def test_read_of_a_deleted_connection_drops_it(
    provider: UacConnectionProvider, client: UacClient
) -> None:
    conn_id, outs = created(provider, inputs())
    client.delete(conn_id)
    res = provider.read(conn_id, outs)
    assert res.id is None and res.outs == {}


def test_delete_treats_404_as_success(provider: UacConnectionProvider, admin: httpx.Client) -> None:
    conn_id, outs = created(provider, inputs())
    provider.delete(conn_id, outs)
    provider.delete(conn_id, outs)
    assert admin.get("state").json()["connections"] == []
    assert request_counts(admin)["DELETE /v2/uac_connections/{id}"] == 2


def test_create_adopts_a_connection_left_by_an_interrupted_run(
    provider: UacConnectionProvider,
    client: UacClient,
    admin: httpx.Client,
) -> None:
    # A create whose reply never reached the engine: the connection exists, with our tag.
    from pulumi_uac.models import UacConnectionCreateParams

    orphan = client.create(
        UacConnectionCreateParams.model_validate({"connection_name": "Office PBX", "tags": [TAG]})
    )
    admin.delete("requests")
    conn_id, outs = created(provider, inputs())
    assert conn_id == orphan.id
    assert len(admin.get("state").json()["connections"]) == 1
    assert request_counts(admin) == {
        "GET /v2/uac_connections": 1,
        "PATCH /v2/uac_connections/{id}": 1,
    }
    assert outs["external_uac_settings"]["proxy"] == "sip:pbx.example.com:5060"


def test_same_name_without_our_tag_is_not_adopted(
    provider: UacConnectionProvider, client: UacClient, admin: httpx.Client
) -> None:
    from pulumi_uac.models import UacConnectionCreateParams

    other = client.create(UacConnectionCreateParams(connection_name="Office PBX"))
    conn_id, _ = created(provider, inputs())
    assert conn_id != other.id and len(admin.get("state").json()["connections"]) == 2


def test_adoption_by_id_and_by_name(
    provider: UacConnectionProvider, client: UacClient, admin: httpx.Client
) -> None:
    from pulumi_uac.models import UacConnectionCreateParams

    a = client.create(UacConnectionCreateParams(connection_name="Existing A", tags=["keep-me"]))
    b = client.create(UacConnectionCreateParams(connection_name="Existing B"))
    conn_id, outs = created(provider, inputs(connection_name="Adopted A", adopt_existing_id=a.id))
    assert conn_id == a.id and outs["adopt_existing_id"] == a.id
    stored = {c["id"]: c for c in admin.get("state").json()["connections"]}
    assert stored[a.id]["connection_name"] == "Adopted A"
    assert set(stored[a.id]["tags"]) == {"keep-me", TAG}
    conn_id, _ = created(
        provider, inputs(connection_name="Existing B", adopt_existing_by_name=True)
    )
    assert conn_id == b.id
    assert len(stored) == 2 and len(admin.get("state").json()["connections"]) == 2


def test_adoption_failures_are_clear(provider: UacConnectionProvider, client: UacClient) -> None:
    from pulumi_uac.models import UacConnectionCreateParams

    with pytest.raises(AdoptionError, match="no UAC connection with id '999'"):
        provider.create(inputs(adopt_existing_id="999"))
    with pytest.raises(AdoptionError, match="no UAC connection named 'Nobody'"):
        provider.create(inputs(connection_name="Nobody", adopt_existing_by_name=True))
    client.create(UacConnectionCreateParams(connection_name="Twin"))
    client.create(UacConnectionCreateParams(connection_name="Twin"))
    with pytest.raises(AdoptionError, match="2 UAC connections are named 'Twin'"):
        provider.create(inputs(connection_name="Twin", adopt_existing_by_name=True))


# -------------------- registration waiting


def test_wait_for_registration_succeeds(provider: UacConnectionProvider) -> None:
    started = time.monotonic()
    _, outs = created(provider, inputs(wait_for_registration=10.0))
    assert outs["registration_status"] == "Registered"
    assert time.monotonic() - started >= 0.2  # the emulator's registration delay


@pytest.mark.parametrize(
    ("kind", "expected"), [("failing_proxies", "rejected"), ("silent_proxies", "within 1.5s")]
)
def test_wait_for_registration_fails_naming_the_proxy_and_leaves_nothing(
    provider: UacConnectionProvider,
    admin: httpx.Client,
    kind: str,
    expected: str,
) -> None:
    admin.patch("config", json={kind: ["*pbx.example.com*"]})
    with pytest.raises(RegistrationError) as info:
        provider.create(inputs(wait_for_registration=1.5))
    msg = str(info.value)
    assert expected in msg and "sip:pbx.example.com:5060" in msg and "was deleted" in msg
    assert admin.get("state").json()["connections"] == []


# -------------------- credentials & serialization


def test_missing_key_names_both_ways_to_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELNYX_API_KEY", raising=False)
    with pytest.raises(MissingCredentialsError) as info:
        UacConnectionProvider().read("1", inputs())
    assert "pulumi config set --secret telnyx:apiKey" in str(info.value)
    assert "TELNYX_API_KEY" in str(info.value)


def test_configure_reads_stack_config_and_beats_the_environment(
    emulator: EmulatorServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TELNYX_API_KEY", "wrong-key")
    monkeypatch.setenv("TELNYX_BASE_URL", "http://127.0.0.1:9/v2")
    p = UacConnectionProvider()
    p.configure(
        ConfigureRequest(
            Config({"telnyx:apiKey": API_KEY, "telnyx:baseUrl": emulator.base_url}, "proj")
        )
    )
    conn_id, _ = created(p, inputs())
    assert conn_id


def test_serialized_provider_is_by_reference_and_carries_no_credential() -> None:
    p = UacConnectionProvider()
    p.configure(
        ConfigureRequest(
            Config({"telnyx:apiKey": API_KEY, "telnyx:baseUrl": "http://x/v2"}, "proj")
        )
    )
    p.client()
    blob = serialize_provider(p)
    raw = base64.b64decode(blob)
    assert API_KEY.encode() not in raw and b"http://x/v2" not in raw
    assert b"pulumi_uac.provider.provider" in raw and b"UacConnectionProvider" in raw
    assert len(blob) < 200
    assert serialize_provider(UacConnectionProvider()) == blob
