"""The emulator over a real socket: endpoints, errors, pagination, masking, registration,
persistence, faults, the CLI and concurrency."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from pulumi_uac.emulator import EmulatorServer

from .conftest import API_KEY, OFFICE_PBX, request_counts

AUTH = {"Authorization": f"Bearer {API_KEY}"}
FULL = OFFICE_PBX
DEFAULT_CODECS = ["G722", "G711U", "G711A", "G729", "OPUS", "H.264"]


def create(api: httpx.Client, **body: Any) -> dict[str, Any]:
    r = api.post("uac_connections", json={"connection_name": "c", **body})
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()["data"]
    return data


# -------------------- auth & routing


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": API_KEY}]
)
def test_every_v2_route_requires_the_bearer_key(
    emulator: EmulatorServer, headers: dict[str, str]
) -> None:
    for method, path in [
        ("GET", "uac_connections"),
        ("POST", "uac_connections"),
        ("GET", "uac_connections/1"),
        ("PATCH", "uac_connections/1"),
        ("DELETE", "uac_connections/1"),
        ("POST", "uac_connections/1/actions/check_registration_status"),
    ]:
        r = httpx.request(method, f"{emulator.base_url}/{path}", headers=headers)
        assert r.status_code == 401
        err = r.json()["errors"][0]
        assert (err["code"], err["title"]) == ("10009", "Authentication failed")
        assert err["detail"]


def test_unknown_id_404_malformed_json_400_wrong_method_405(api: httpx.Client) -> None:
    assert api.get("uac_connections/999").status_code == 404
    assert api.delete("uac_connections/999").json()["errors"][0]["code"] == "10005"
    assert api.patch("uac_connections/999", json={}).status_code == 404
    assert api.post("uac_connections/999/actions/check_registration_status").status_code == 404
    r = api.post(
        "uac_connections", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 400 and r.json()["errors"][0]["source"]["pointer"] == "/"
    r = api.put("uac_connections")
    assert r.status_code == 405 and r.headers["Allow"] == "GET, POST"
    assert api.get("uac_connections/1/actions/check_registration_status").status_code == 405
    assert api.get("nothing_here").status_code == 404


# -------------------- create / get / patch / delete


def test_create_fills_documented_defaults_and_generated_fields(api: httpx.Client) -> None:
    r = api.post("uac_connections", json=FULL)
    assert r.status_code == 201
    c = r.json()["data"]
    assert c["id"].isdigit()
    assert c["record_type"] == "uac_connection"
    assert c["user_name"] and c["password"] and c["password"] != "********"  # shown on create
    assert c["external_uac_settings"]["password"] == "s3cret-pbx"
    assert c["fqdn"] == f"{c['inbound']['sip_subdomain']}.uac.telnyx.com"
    assert c["fqdns"][0]["fqdn"] == c["fqdn"] and c["fqdns"][0]["connection_id"] == c["id"]
    assert c["created_at"] == c["updated_at"]
    assert c["registration_status"] == "Not Registered"
    assert c["registration_status_updated_at"] is None  # no registration event yet
    assert (c["active"], c["anchorsite_override"], c["dtmf_type"]) == (True, "Latency", "RFC 2833")
    assert c["inbound"]["timeout_1xx_secs"] == 3 and c["outbound"]["localization"] == "US"
    assert c["jitter_buffer"] == {
        "enable_jitter_buffer": False,
        "jitterbuffer_msec_max": 200,
        "jitterbuffer_msec_min": 60,
    }
    assert c["noise_suppression_details"] == {"engine": "denoiser", "attenuation_limit": 0}
    assert set(c["external_uac_settings"]) == {
        "proxy",
        "username",
        "password",
        "auth_username",
        "expiration_sec",
        "from_user",
        "outbound_proxy",
        "transport",
        "user_agent",
    }
    assert c["external_uac_settings"]["user_agent"] is None
    got = api.get(f"uac_connections/{c['id']}").json()["data"]
    assert got["password"] == "********" and got["external_uac_settings"]["password"] == "********"
    bare = create(api)
    assert bare["registration_status"] == "Not Applicable" and bare["external_uac_settings"] is None
    other = create(api, noise_suppression_details={"engine": "quail_voice_focus"})
    assert other["noise_suppression_details"]["attenuation_limit"] == 100


@pytest.mark.parametrize("nested_patch", ["replace", "merge"])
def test_patch_of_a_nested_object_replaces_or_merges_it(
    api: httpx.Client, nested_patch: str
) -> None:
    c = api.post(
        "uac_connections",
        json={**FULL, "inbound": {"codecs": ["G722"], "sip_region": "Europe", "channel_limit": 3}},
    ).json()["data"]
    time.sleep(0.002)
    r = api.patch(f"uac_connections/{c['id']}", json={"inbound": {"channel_limit": 5}})
    assert r.status_code == 200
    inbound = r.json()["data"]["inbound"]
    assert inbound["channel_limit"] == 5
    assert inbound["sip_subdomain"] == c["inbound"]["sip_subdomain"]  # Telnyx's, never reset
    if nested_patch == "merge":
        assert (inbound["codecs"], inbound["sip_region"]) == (["G722"], "Europe")
    else:
        assert (inbound["codecs"], inbound["sip_region"]) == (DEFAULT_CODECS, "US")
    # A partial external_uac_settings: merged under "merge"; under "replace" it would wipe the
    # proxy, so it is refused as on create.
    r = api.patch(
        f"uac_connections/{c['id']}", json={"external_uac_settings": {"transport": "UDP"}}
    )
    if nested_patch == "merge":
        assert r.status_code == 200
        ext = r.json()["data"]["external_uac_settings"]
        assert (ext["proxy"], ext["username"], ext["transport"]) == (
            "sip:pbx.example.com:5060",
            "telnyx-reg",
            "UDP",
        )
    else:
        assert r.status_code == 422
        assert r.json()["errors"][0]["source"]["pointer"] == "/external_uac_settings/proxy"
    r = api.patch(
        f"uac_connections/{c['id']}",
        json={"external_uac_settings": {"proxy": "sip:other.example.com"}},
    )
    ext = r.json()["data"]["external_uac_settings"]
    if nested_patch == "merge":
        assert ext["username"] == "telnyx-reg" and ext["password"] == "********"
    else:
        assert ext["username"] is None and ext["password"] is None


def test_a_password_is_shown_only_by_the_update_that_changed_it(api: httpx.Client) -> None:
    c = api.post("uac_connections", json=FULL).json()["data"]
    ext = dict(FULL["external_uac_settings"])
    r = api.patch(f"uac_connections/{c['id']}", json={"external_uac_settings": ext})
    assert r.json()["data"]["external_uac_settings"]["password"] == "********"  # same value
    r = api.patch(
        f"uac_connections/{c['id']}", json={"external_uac_settings": {**ext, "password": "new-1"}}
    )
    u = r.json()["data"]
    assert u["external_uac_settings"]["password"] == "new-1" and u["password"] == "********"
    assert u["connection_name"] == "Office PBX" and u["updated_at"] > c["updated_at"]
    r = api.patch(f"uac_connections/{c['id']}", json={"password": "connection-2"})
    assert r.json()["data"]["password"] == "connection-2"


def test_delete_returns_the_deleted_object(api: httpx.Client) -> None:
    c = create(api)
    r = api.delete(f"uac_connections/{c['id']}")
    assert r.status_code == 200 and r.json()["data"]["id"] == c["id"]
    assert api.get(f"uac_connections/{c['id']}").status_code == 404


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({}, "/connection_name"),
        ({"connection_name": "c", "active": "yes"}, "/active"),
        ({"connection_name": "c", "dtmf_type": "Morse"}, "/dtmf_type"),
        ({"connection_name": "c", "password": "short"}, "/password"),
        ({"connection_name": "c", "user_name": "ab"}, "/user_name"),
        ({"connection_name": "c", "inbound": {"timeout_1xx_secs": 0}}, "/inbound/timeout_1xx_secs"),
        ({"connection_name": "c", "inbound": {"sip_subdomain": "mine"}}, "/inbound/sip_subdomain"),
        (
            {"connection_name": "c", "jitter_buffer": {"jitterbuffer_msec_min": 10}},
            "/jitter_buffer/jitterbuffer_msec_min",
        ),
        (
            {"connection_name": "c", "rtcp_settings": {"report_frequency_secs": 4000}},
            "/rtcp_settings/report_frequency_secs",
        ),
        (
            {"connection_name": "c", "noise_suppression_details": {"attenuation_limit": 15}},
            "/noise_suppression_details/attenuation_limit",
        ),
        (
            {
                "connection_name": "c",
                "internal_uac_settings": {"destination_uri": "sip:1@x.sip.telnyx.com"},
            },
            "/internal_uac_settings/destination_uri",
        ),
        (
            {"connection_name": "c", "external_uac_settings": {"username": "u-ser"}},
            "/external_uac_settings/proxy",
        ),
        (
            {"connection_name": "c", "external_uac_settings": {"proxy": "p", "transport": "SCTP"}},
            "/external_uac_settings/transport",
        ),
        ({"connection_name": "c", "webhook_api_version": "texml"}, "/webhook_api_version"),
        ({"connection_name": "c", "webhook_timeout_secs": 31}, "/webhook_timeout_secs"),
        ({"connection_name": "c", "webhook_event_url": "not a url"}, "/webhook_event_url"),
        (
            {"connection_name": "c", "outbound": {"outbound_voice_profile_id": "abc"}},
            "/outbound/outbound_voice_profile_id",
        ),
    ],
)
def test_validation_answers_422_with_a_pointer_per_problem(
    api: httpx.Client, body: dict[str, Any], pointer: str
) -> None:
    r = api.post("uac_connections", json=body)
    assert r.status_code == 422, r.text
    pointers = [e["source"]["pointer"] for e in r.json()["errors"]]
    assert pointer in pointers
    assert api.get("uac_connections").json()["meta"]["total_results"] == 0


def test_one_error_per_problem(api: httpx.Client) -> None:
    r = api.post(
        "uac_connections",
        json={"dtmf_type": "x", "password": "1", "inbound": {"timeout_2xx_secs": 0}},
    )
    pointers = sorted(e["source"]["pointer"] for e in r.json()["errors"])
    assert pointers == ["/connection_name", "/dtmf_type", "/inbound/timeout_2xx_secs", "/password"]
    assert any(e["code"] == "10004" for e in r.json()["errors"])


def test_update_validation_and_texml_is_create_only(api: httpx.Client) -> None:
    c = create(api)
    r = api.patch(f"uac_connections/{c['id']}", json={"webhook_api_version": "texml"})
    assert r.status_code == 422
    r = api.patch(
        f"uac_connections/{c['id']}", json={"external_uac_settings": {"username": "abcd"}}
    )
    assert r.status_code == 422  # no proxy stored yet, none given


# -------------------- list


def test_list_pagination_sorting_and_filters(api: httpx.Client) -> None:
    names = ["delta", "alpha", "charlie", "bravo", "echo"]
    made = []
    for n in names:
        made.append(
            create(
                api,
                connection_name=n,
                outbound={"outbound_voice_profile_id": "42" if n in "alpha echo" else "7"},
            )
        )
    page1 = api.get("uac_connections", params={"page[size]": 2}).json()
    assert page1["meta"] == {"page_number": 1, "page_size": 2, "total_pages": 3, "total_results": 5}
    assert [c["connection_name"] for c in page1["data"]] == ["echo", "bravo"]  # newest first
    everything = []
    for n in (1, 2, 3):
        everything += api.get(
            "uac_connections", params={"page[size]": 2, "page[number]": n}
        ).json()["data"]
    assert [c["id"] for c in everything] == [c["id"] for c in reversed(made)]
    assert api.get("uac_connections", params={"page[number]": 9}).json()["data"] == []
    by_name = api.get("uac_connections", params={"sort": "connection_name"}).json()["data"]
    assert [c["connection_name"] for c in by_name] == sorted(names)
    desc = api.get("uac_connections", params={"sort": "-connection_name"}).json()["data"]
    assert [c["connection_name"] for c in desc] == sorted(names, reverse=True)
    asc = api.get("uac_connections", params={"sort": "created_at"}).json()["data"]
    assert [c["connection_name"] for c in asc] == names
    f = api.get("uac_connections", params={"filter[connection_name][contains]": "HAR"}).json()[
        "data"
    ]
    assert [c["connection_name"] for c in f] == ["charlie"]
    fq = api.get("uac_connections", params={"filter[fqdn]": made[0]["fqdn"]}).json()["data"]
    assert [c["id"] for c in fq] == [made[0]["id"]]
    for key in ("filter[outbound_voice_profile_id]", "filter[outbound.outbound_voice_profile_id]"):
        p = api.get("uac_connections", params={key: "42"}).json()["data"]
        assert sorted(c["connection_name"] for c in p) == ["alpha", "echo"]


@pytest.mark.parametrize(
    "params",
    [
        {"page[size]": 0},
        {"page[size]": 251},
        {"page[number]": 0},
        {"page[size]": "x"},
        {"sort": "fqdn"},
        {"filter[connection_name][contains]": "ab"},
    ],
)
def test_list_rejects_bad_parameters(api: httpx.Client, params: dict[str, Any]) -> None:
    r = api.get("uac_connections", params=params)
    assert r.status_code == 400
    assert r.json()["errors"][0]["source"]["parameter"]


# -------------------- masking & registration


def test_masking_off_returns_passwords(api: httpx.Client, admin: httpx.Client) -> None:
    admin.patch("config", json={"masking": False})
    c = api.post("uac_connections", json=FULL).json()["data"]
    got = api.get(f"uac_connections/{c['id']}").json()["data"]
    assert (
        got["password"] == c["password"]
        and got["external_uac_settings"]["password"] == "s3cret-pbx"
    )


def test_registration_goes_from_not_registered_to_registered(
    api: httpx.Client, admin: httpx.Client
) -> None:
    admin.patch("config", json={"registration_delay": 0.3})
    c = api.post("uac_connections", json=FULL).json()["data"]
    status = api.post(f"uac_connections/{c['id']}/actions/check_registration_status").json()["data"]
    assert status["status"] == "Not Registered" and status["record_type"] == "registration_status"
    time.sleep(0.35)
    status = api.post(f"uac_connections/{c['id']}/actions/check_registration_status").json()["data"]
    assert status["status"] == "Registered"
    assert (status["sip_username"], status["port"], status["transport"]) == (
        "telnyx-reg",
        5060,
        "TCP",
    )
    assert ipaddress.ip_address(status["ip_address"])  # an address, never a host name
    assert status["user_agent"] is None  # none configured: nothing invented
    assert status["last_registration"]
    got = api.get(f"uac_connections/{c['id']}").json()["data"]
    assert got["registration_status"] == "Registered"
    assert got["registration_status_updated_at"] == status["last_registration"]
    # Deactivating unregisters; incomplete settings never register.
    api.patch(f"uac_connections/{c['id']}", json={"active": False})
    time.sleep(0.35)
    gone = api.post(f"uac_connections/{c['id']}/actions/check_registration_status").json()["data"]
    assert gone["status"] == "Unregistered" and gone["ip_address"] is None
    bare = create(api, external_uac_settings={"proxy": "sip:pbx"})
    time.sleep(0.35)
    assert (
        api.get(f"uac_connections/{bare['id']}").json()["data"]["registration_status"]
        == "Not Registered"
    )
    ip = create(
        api,
        external_uac_settings={
            "proxy": "sip:192.0.2.7:5070",
            "username": "reg-ip",
            "password": "pw",
            "user_agent": "Acme/1",
        },
    )
    time.sleep(0.35)
    st = api.post(f"uac_connections/{ip['id']}/actions/check_registration_status").json()["data"]
    assert (st["ip_address"], st["port"], st["user_agent"]) == ("192.0.2.7", 5070, "Acme/1")


def test_failing_and_silent_proxies(api: httpx.Client, admin: httpx.Client) -> None:
    admin.patch(
        "config",
        json={
            "registration_delay": 0.05,
            "failing_proxies": ["*.reject.example*"],
            "silent_proxies": ["*.silent.example*"],
        },
    )
    bad = dict(
        FULL,
        external_uac_settings={**FULL["external_uac_settings"], "proxy": "sip:pbx.reject.example"},
    )
    mute = dict(
        FULL,
        external_uac_settings={**FULL["external_uac_settings"], "proxy": "sip:pbx.silent.example"},
    )
    b = api.post("uac_connections", json=bad).json()["data"]
    m = api.post("uac_connections", json=mute).json()["data"]
    time.sleep(0.1)
    check = "uac_connections/{}/actions/check_registration_status"
    assert api.post(check.format(b["id"])).json()["data"]["status"] == "Failed"
    assert api.post(check.format(m["id"])).json()["data"]["status"] == "Not Registered"


def test_an_expiring_pbx_goes_registered_then_expired(
    api: httpx.Client, admin: httpx.Client
) -> None:
    admin.patch("config", json={"registration_delay": 0.1, "expiring_proxies": ["*flaky*"]})
    flaky = dict(
        FULL, external_uac_settings={**FULL["external_uac_settings"], "proxy": "sip:flaky.example"}
    )
    c = api.post("uac_connections", json=flaky).json()["data"]
    check = f"uac_connections/{c['id']}/actions/check_registration_status"
    time.sleep(0.12)
    assert api.post(check).json()["data"]["status"] == "Registered"
    time.sleep(0.12)
    st = api.post(check).json()["data"]
    assert st["status"] == "Expired" and st["last_registration"]


# -------------------- faults


def test_fail_next_n_calls_to_a_route(api: httpx.Client, admin: httpx.Client) -> None:
    admin.post(
        "faults/fail-next", json={"route": "GET /v2/uac_connections", "status": 502, "count": 2}
    )
    assert [api.get("uac_connections").status_code for _ in range(3)] == [502, 502, 200]
    assert api.post("uac_connections", json={"connection_name": "x"}).status_code == 201


def test_rate_limit_burst_carries_retry_headers(api: httpx.Client, admin: httpx.Client) -> None:
    admin.put("faults", json={"rate_limit_burst": 2, "retry_after": 3})
    r = api.get("uac_connections")
    assert r.status_code == 429 and r.json()["errors"][0]["code"] == "10011"
    assert (
        r.headers["Retry-After"],
        r.headers["x-ratelimit-reset"],
        r.headers["x-ratelimit-remaining"],
    ) == ("3", "3", "0")
    assert r.headers["x-ratelimit-limit"]
    assert api.get("uac_connections").status_code == 429
    assert api.get("uac_connections").status_code == 200


def test_every_answer_carries_the_rate_limit_headers(
    api: httpx.Client, admin: httpx.Client
) -> None:
    first = api.get("uac_connections")
    second = api.post("uac_connections", json={"connection_name": "x"})
    bad = api.get("uac_connections/404")
    for r in (first, second, bad):
        assert int(r.headers["x-ratelimit-limit"]) == 10_000
        assert 0 < int(r.headers["x-ratelimit-reset"]) <= 60
    assert (
        int(second.headers["x-ratelimit-remaining"])
        == int(first.headers["x-ratelimit-remaining"]) - 1
    )
    # A real limit: when the window is spent, 429 with the reset and no Retry-After (which
    # Telnyx does not document).
    admin.patch("config", json={"rate_limit": 3, "rate_window": 30})
    statuses = [api.get("uac_connections") for _ in range(5)]
    spent = statuses[-1]
    assert spent.status_code == 429 and "Retry-After" not in spent.headers
    assert spent.headers["x-ratelimit-remaining"] == "0"
    assert int(spent.headers["x-ratelimit-reset"]) >= 1


def test_injected_429s_can_carry_only_the_reset_header(
    api: httpx.Client, admin: httpx.Client
) -> None:
    admin.put("faults", json={"rate_limit_burst": 1, "retry_after": 2, "retry_after_share": 0})
    r = api.get("uac_connections")
    assert r.status_code == 429 and "Retry-After" not in r.headers
    assert r.headers["x-ratelimit-reset"] == "2"


def test_ill_typed_admin_values_are_refused_and_change_nothing(
    api: httpx.Client, admin: httpx.Client
) -> None:
    assert admin.put("faults", json={"error_rate": "0.5"}).status_code == 400
    assert admin.put("faults", json={"nonsense": 1}).status_code == 400
    assert admin.patch("config", json={"registration_delay": "1"}).status_code == 400
    assert admin.patch("config", json={"nested_patch": "both"}).status_code == 400
    assert admin.patch("config", json={"failing_proxies": "*"}).status_code == 400
    assert admin.get("faults").json()["error_rate"] == 0.0
    assert api.get("uac_connections").status_code == 200


@pytest.mark.parametrize(
    ("route", "body", "needle"),
    [
        ("faults", {"latency_ms": -5}, "latency_ms"),
        ("faults", {"error_rate": 1.5}, "probability"),
        ("faults", {"retry_after": float("inf")}, "retry_after"),
        ("faults", {"storm_seconds": float("nan")}, "storm_seconds"),
        ("faults", {"rate_limit_burst": -1}, "rate_limit_burst"),
        ("faults", {"fail_next": [{"route": "*", "count": 0}]}, "count"),
        ("faults/fail-next", {"route": "", "status": 503}, "route"),
        ("faults/fail-next", {"route": "*", "status": 42}, "status"),
        ("faults/fail-next", {"route": "*", "status": "503"}, "status"),
        ("faults/fail-next", {"route": "*", "count": 1.5}, "count"),
        ("faults/fail-next", {"route": "*", "drop": "yes"}, "drop"),
        ("faults/fail-next", {"route": "*", "statsu": 500}, "statsu"),
        ("faults/fail-next", ["*"], "object"),
        ("config", {"registration_delay": -1}, "registration_delay"),
        ("config", {"registration_delay": float("nan")}, "registration_delay"),
        ("config", {"rate_window": 0}, "rate_window"),
        ("config", {"rate_limit": -3}, "rate_limit"),
        ("config", {"api_key": ""}, "api_key"),
    ],
)
def test_out_of_range_admin_values_are_refused_by_name(
    api: httpx.Client, admin: httpx.Client, route: str, body: object, needle: str
) -> None:
    """A value no fault could mean (NaN, a negative delay, a rule that can never fire) is a 400
    naming the setting; nothing changes and the API keeps answering."""
    before = (admin.get("faults").json(), admin.get("config").json())
    content = json.dumps(body)  # allow_nan: Python's JSON writes NaN and Infinity
    method = "POST" if route.endswith("fail-next") else ("PATCH" if route == "config" else "PUT")
    r = admin.request(method, route, content=content, headers={"content-type": "application/json"})
    assert r.status_code == 400, r.text
    assert needle in r.text
    assert (admin.get("faults").json(), admin.get("config").json()) == before
    assert api.get("uac_connections").status_code == 200


def test_dropped_connection_and_after_commit_faults(api: httpx.Client, admin: httpx.Client) -> None:
    admin.post(
        "faults/fail-next",
        json={"route": "POST /v2/uac_connections", "drop": True, "after_commit": True},
    )
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("uac_connections", json={"connection_name": "lost-reply"})
    # The change was made even though the reply was lost.
    assert api.get("uac_connections").json()["meta"]["total_results"] == 1
    admin.post("faults/fail-next", json={"route": "* /v2/uac_connections/*", "status": 500})
    assert api.get("uac_connections/1").status_code == 500


def test_latency_is_added(api: httpx.Client, admin: httpx.Client) -> None:
    admin.put("faults", json={"latency_ms": 150})
    started = time.monotonic()
    api.get("uac_connections")
    assert time.monotonic() - started >= 0.15


def test_random_faults_are_reproducible_with_a_seed(api: httpx.Client, admin: httpx.Client) -> None:
    def run() -> list[int]:
        admin.delete("faults")
        admin.put("faults", json={"seed": 1234, "error_rate": 0.5})
        return [api.get("uac_connections").status_code for _ in range(20)]

    first, second = run(), run()
    assert first == second and 503 in first and 200 in first


@pytest.mark.parametrize("strict", [False, True])
def test_unknown_fields_are_ignored_and_logged_or_refused_when_strict(
    api: httpx.Client, admin: httpx.Client, strict: bool
) -> None:
    admin.patch("config", json={"strict_fields": strict})
    body = {
        "connection_name": "x",
        "colour": "blue",
        "inbound": {"codecs": ["G722"], "sip_subdomain": "mine", "volume": 11},
    }
    r = api.post("uac_connections", json=body)
    if strict:
        assert r.status_code == 422
        pointers = sorted(e["source"]["pointer"] for e in r.json()["errors"])
        assert pointers == ["/colour", "/inbound/sip_subdomain", "/inbound/volume"]
        return
    assert r.status_code == 201
    c = r.json()["data"]
    assert "colour" not in c and c["inbound"]["codecs"] == ["G722"]
    assert c["inbound"]["sip_subdomain"] != "mine"  # Telnyx's own, never the request's
    entry = admin.get("requests").json()["requests"][-1]
    assert entry["ignored_fields"] == ["colour", "inbound.sip_subdomain", "inbound.volume"]


@pytest.mark.parametrize(
    "body",
    [
        {"active": None},
        {"call_cost_in_webhooks": None},
        {"dtmf_type": None},
        {"tags": None},
        {"inbound": {"prack_enabled": None}},
        {"outbound": {"channel_limit": None}},
        {"external_uac_settings": {"proxy": "sip:p", "username": None}},
        {"connection_name": None},
    ],
)
def test_null_where_the_sdk_forbids_it_is_refused_by_name(
    api: httpx.Client, body: dict[str, Any]
) -> None:
    c = create(api)
    r = api.patch(f"uac_connections/{c['id']}", json=body)
    assert r.status_code == 422, r.text
    (err,) = r.json()["errors"]
    assert "null" in err["detail"] and err["meta"]["url"].endswith("/10015")
    assert api.get(f"uac_connections/{c['id']}").json()["data"]["active"] is True


def test_null_and_blank_where_telnyx_allows_them(api: httpx.Client) -> None:
    c = create(api, webhook_event_failover_url="https://example.com/f", encrypted_media="SRTP")
    r = api.patch(
        f"uac_connections/{c['id']}",
        json={
            "webhook_event_failover_url": "",
            "encrypted_media": None,
            "webhook_timeout_secs": None,
            "outbound": {"localization": "", "call_parking_enabled": None},
        },
    )
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["webhook_event_failover_url"] == "" and data["outbound"]["localization"] == ""


def test_a_get_then_patch_of_the_same_values_round_trips(api: httpx.Client) -> None:
    """What the emulator answers can be written back: every connection it can hold. A null is
    written back where the SDK's request types allow one; elsewhere null means "unset" and a
    typed client leaves the field out."""
    from pulumi_uac.models import UAC_CONNECTION

    specs = {s.name: s for s in UAC_CONNECTION.fields.request}
    shapes = [
        {},
        FULL,
        {"external_uac_settings": {"proxy": "sip:only-a-proxy"}},
        {
            "inbound": {"codecs": ["G722"], "channel_limit": 4},
            "outbound": {"localization": "", "outbound_voice_profile_id": "42"},
            "noise_suppression_details": {"engine": "krisp_viva_tel"},
            "webhook_event_url": "https://example.com/w",
            "webhook_timeout_secs": 5,
            "tags": ["a"],
            "active": False,
        },
    ]
    for shape in shapes:
        c = create(api, **shape)
        got = api.get(f"uac_connections/{c['id']}").json()["data"]
        body: dict[str, Any] = {}
        for name, value in got.items():
            spec = specs.get(name)
            if spec is None:
                continue
            if isinstance(value, dict):
                nested = {f.name: f for f in spec.fields}
                value = {
                    k: v
                    for k, v in value.items()
                    if k in nested and (v is not None or nested[k].nullable)
                }
            if value is not None or spec.nullable:
                body[name] = value
        r = api.patch(f"uac_connections/{c['id']}", json=body)
        assert r.status_code == 200, (shape, r.text)


def test_request_log_counts_per_method_and_route(api: httpx.Client, admin: httpx.Client) -> None:
    c = create(api)
    api.get(f"uac_connections/{c['id']}")
    api.get(f"uac_connections/{c['id']}")
    counts = request_counts(admin)
    assert counts == {"POST /v2/uac_connections": 1, "GET /v2/uac_connections/{id}": 2}
    log = admin.get("requests").json()
    assert log["total"] == 3 and log["requests"][-1]["path"] == f"/v2/uac_connections/{c['id']}"
    admin.post("reset")
    assert (
        admin.get("requests").json()["total"] == 0
        and admin.get("state").json()["connections"] == []
    )


def test_state_dump_masks_unless_asked(api: httpx.Client, admin: httpx.Client) -> None:
    api.post("uac_connections", json=FULL)
    assert (
        admin.get("state").json()["connections"][0]["external_uac_settings"]["password"]
        == "********"
    )
    revealed = admin.get("state", params={"reveal": "true"}).json()["connections"][0]
    assert revealed["external_uac_settings"]["password"] == "s3cret-pbx"


def test_admin_refuses_non_loopback_clients() -> None:
    from pulumi_uac.emulator import EmulatorApp, Request

    app = EmulatorApp(api_key="k")
    assert app.handle(Request("GET", "/_emulator/state", client_ip="10.1.2.3")).status == 403
    assert app.handle(Request("GET", "/_emulator/state", client_ip="::1")).status == 200


# -------------------- concurrency


def test_100_parallel_creates_give_100_distinct_ids(emulator: EmulatorServer) -> None:
    def one(i: int) -> str:
        r = httpx.post(
            f"{emulator.base_url}/uac_connections",
            headers=AUTH,
            json={"connection_name": f"parallel-{i}"},
            timeout=30,
        )
        assert r.status_code == 201
        return str(r.json()["data"]["id"])

    with ThreadPoolExecutor(max_workers=50) as pool:
        ids = list(pool.map(one, range(100)))
    assert len(set(ids)) == 100
    listed = httpx.get(f"{emulator.base_url}/uac_connections", headers=AUTH).json()
    assert listed["meta"]["total_results"] == 100
    assert {c["id"] for c in listed["data"]} == set(ids)


# -------------------- the CLI process


def start_cli(*args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pulumi_uac.emulator", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    return proc, url


def test_cli_prints_the_base_url_first_and_stops_on_sigterm_and_sigint(tmp_path: Path) -> None:
    for sig in (signal.SIGTERM, signal.SIGINT):
        proc, url = start_cli("--api-key", "cli-key")
        try:
            assert url.startswith("http://127.0.0.1:") and url.endswith("/v2")
            r = httpx.get(f"{url}/uac_connections", headers={"Authorization": "Bearer cli-key"})
            assert r.status_code == 200
        finally:
            proc.send_signal(sig)
            assert proc.wait(timeout=10) == 0


def test_cli_reads_the_key_from_the_environment() -> None:
    env = {**os.environ, "TELNYX_API_KEY": "from-env"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pulumi_uac.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert (
            httpx.get(
                f"{url}/uac_connections", headers={"Authorization": "Bearer from-env"}
            ).status_code
            == 200
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "pulumi-uac-emulator"
    out = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True).stdout
    assert "--fail-next" in out and "--state" in out


def test_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    proc, url = start_cli("--api-key", "k", "--state", str(state), "--registration-delay", "0")
    headers = {"Authorization": "Bearer k"}
    try:
        for i in range(3):
            httpx.post(
                f"{url}/uac_connections",
                headers=headers,
                json={**FULL, "connection_name": f"keep-{i}"},
            )
        # The companions persist too (with the profile's users).
        profile = httpx.post(
            f"{url}/outbound_voice_profiles", headers=headers, json={"name": "keep-profile"}
        ).json()["data"]
        httpx.post(
            f"{url}/call_control_applications",
            headers=headers,
            json={
                "application_name": "keep-app",
                "webhook_event_url": "https://x.example.com/hook",
                "outbound": {"outbound_voice_profile_id": profile["id"]},
            },
        )
        companions = ("call_control_applications", "outbound_voice_profiles")
        before = httpx.get(f"{url}/uac_connections", headers=headers).json()
        kept = {c: httpx.get(f"{url}/{c}", headers=headers).json() for c in companions}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert json.loads(state.read_text())["connections"]
    proc, url = start_cli("--api-key", "k", "--state", str(state))
    try:
        after = httpx.get(f"{url}/uac_connections", headers=headers).json()
        assert after == before
        assert {c: httpx.get(f"{url}/{c}", headers=headers).json() for c in companions} == kept
        in_use = httpx.delete(f"{url}/outbound_voice_profiles/{profile['id']}", headers=headers)
        assert in_use.status_code == 422
        new = httpx.post(
            f"{url}/uac_connections", headers=headers, json={"connection_name": "next"}
        ).json()["data"]
        assert new["id"] not in {c["id"] for c in before["data"]}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_cli_fault_flags(tmp_path: Path) -> None:
    proc, url = start_cli(
        "--api-key",
        "k",
        "--fail-next",
        "POST /v2/uac_connections=503x1",
        "--rate-limit-burst",
        "1",
        "--retry-after",
        "2",
    )
    headers = {"Authorization": "Bearer k"}
    try:
        assert httpx.get(f"{url}/uac_connections", headers=headers).status_code == 429
        assert (
            httpx.post(
                f"{url}/uac_connections", headers=headers, json={"connection_name": "x"}
            ).status_code
            == 503
        )
        assert (
            httpx.post(
                f"{url}/uac_connections", headers=headers, json={"connection_name": "x"}
            ).status_code
            == 201
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_proxy_globs_match_the_host_as_the_help_writes_them() -> None:
    """`--fail-proxy '*.reject.example'` (the help's own example) matches a proxy written with
    its scheme and port; a glob over the whole proxy string still works."""
    from pulumi_uac.emulator.registration import RegistrationSettings

    reg = RegistrationSettings(failing_proxies=["*.reject.example"], silent_proxies=["sip:quiet*"])
    assert reg.outcome("sip:pbx.reject.example:5060") == "Failed"
    assert reg.outcome("sips:pbx.reject.example;transport=tls") == "Failed"
    assert reg.outcome("sip:quiet.example.com") == "Not Registered"
    assert reg.outcome("sip:pbx.reject.example.org") == "Registered"
