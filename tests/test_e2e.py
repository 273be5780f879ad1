"""End to end: the real `pulumi` CLI (preview, up, refresh, destroy) drives the UacConnection
provider against the emulator over a loopback socket."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import httpx
import pytest

from pulumi_uac.emulator import EmulatorServer

from .conftest import (
    API_KEY,
    MODES,
    PulumiProject,
    as_shown,
    assert_declared_at_the_programs_lines,
    in_api_names,
    request_counts,
    resources_of,
)

pytestmark = pytest.mark.e2e

CONN_PASSWORD = "conn-pass-7Qw9zX"
PBX_PASSWORD = "pbx-pass-K3m8vR"
PLAIN_PBX_PASSWORD = "plain-text-pbx-pass"

LIFECYCLE = """
import pulumi
from pulumi_uac import (ExternalUacSettingsArgs, InboundArgs, InternalUacSettingsArgs,
                        UacConnection, destinations)

cfg = pulumi.Config()
main = UacConnection(
    "office-pbx",
    connection_name="Office PBX",
    password=cfg.require_secret("connPassword"),
    external_uac_settings=ExternalUacSettingsArgs(
        proxy="sip:pbx.example.com:5060", username="telnyx-reg",
        password=cfg.require_secret("pbxPassword"), transport="TCP"),
    internal_uac_settings=InternalUacSettingsArgs(
        destination_uri=destinations.ai_assistant("1006", cfg.require("assistantId"))),
    inbound=InboundArgs(timeout_1xx_secs=cfg.get_int("timeout1xx") or 3, codecs=["G722", "G711U"]),
    tags=["b", "a"],
)
generated = UacConnection(
    "generated",
    connection_name="Generated credentials",
    external_uac_settings={"proxy": "sip:pbx2.example.com", "username": "reg-two",
                           "password": "plain-text-pbx-pass"},
)
pulumi.export("id", main.id)
pulumi.export("fqdn", main.fqdn)
pulumi.export("timeout", main.inbound.apply(lambda i: i["timeout_1xx_secs"]))
pulumi.export("generated_password", generated.password)
pulumi.export("generated_user", generated.user_name)
"""

SECRET_MARKER = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"


def is_secret(value: Any) -> bool:
    return isinstance(value, dict) and SECRET_MARKER in value and "ciphertext" in value


def summary(proc_output: str) -> str:
    return proc_output[proc_output.rfind("Resources:") :]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("nested_patch", ["replace", "merge"])
def test_full_lifecycle_with_the_real_engine(
    project_factory: Any,
    emulator: EmulatorServer,
    api: httpx.Client,
    admin: httpx.Client,
    mode: str,
    nested_patch: str,
) -> None:
    """The whole lifecycle under the strict reading of Telnyx's nested PATCH (it replaces the
    object); under the lenient one (it merges), only the steps that send nested updates (a
    change, drift restored), since nothing else depends on it."""
    every_step = nested_patch == "replace"
    # Credentials through stack config only (no TELNYX_* in the environment): proves configure().
    proj: PulumiProject = project_factory(LIFECYCLE, base_url=None, api_key=None, mode=mode)
    proj.init()
    proj.config("telnyx:apiKey", API_KEY, secret=True)
    proj.config("telnyx:baseUrl", emulator.base_url)
    proj.config("connPassword", CONN_PASSWORD, secret=True)
    proj.config("pbxPassword", PBX_PASSWORD, secret=True)
    proj.config("assistantId", "abc123")

    up = proj.up()
    assert "+ 3 created" in summary(up.stdout), up.stdout
    outputs = proj.stack_outputs(show_secrets=True)
    conn_id = outputs["id"]
    stored = api.get(f"uac_connections/{conn_id}").json()["data"]
    assert (
        stored["internal_uac_settings"]["destination_uri"] == "1006@assistant-abc123.sip.telnyx.com"
    )
    assert stored["inbound"]["codecs"] == ["G722", "G711U"]

    if every_step:
        # A no-change preview and a no-change up make zero API calls; a refresh shows no
        # change.
        admin.delete("requests")
        proj.preview("--expect-no-changes")
        up_again = proj.run("up", "--yes", "--expect-no-changes")
        assert "3 unchanged" in summary(up_again.stdout)
        assert request_counts(admin) == {}
        proj.refresh("--expect-no-changes")
        assert request_counts(admin) == {"GET /v2/uac_connections/{id}": 2}
        proj.preview("--expect-no-changes")

        # The secrets audit, on what a user (or an attacker with the state) would read.
        audit_secrets(proj, outputs["generated_password"])

    # Change a field: updated in place, not replaced.
    proj.config("timeout1xx", "7")
    changed = proj.up()
    assert "~ 1 updated" in summary(changed.stdout) and "replaced" not in changed.stdout
    assert proj.stack_outputs()["id"] == conn_id
    assert api.get(f"uac_connections/{conn_id}").json()["data"]["inbound"]["timeout_1xx_secs"] == 7
    proj.preview("--expect-no-changes")

    # Drift made outside Pulumi: a refresh shows it, an up restores the program's values.
    api.patch(
        f"uac_connections/{conn_id}",
        json={"connection_name": "Renamed by hand", "inbound": {"timeout_1xx_secs": 9}},
    )
    drift = proj.preview("--refresh", "--expect-no-changes", check=False)
    assert drift.returncode != 0
    refreshed = proj.refresh()
    assert "~ 1 updated" in summary(refreshed.stdout), refreshed.stdout
    state = resources_of(proj.export())
    main_state = next(r for r in state if r["urn"].endswith("office-pbx"))
    assert in_api_names(main_state["outputs"])["connection_name"] == "Renamed by hand"
    restored = proj.up()
    assert "~ 1 updated" in summary(restored.stdout)
    data = api.get(f"uac_connections/{conn_id}").json()["data"]
    assert (data["connection_name"], data["inbound"]["timeout_1xx_secs"]) == ("Office PBX", 7)
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")

    if every_step:
        # Deleted outside Pulumi: a refresh drops it from the state, an up recreates it.
        assert api.delete(f"uac_connections/{conn_id}").status_code == 200
        gone = proj.refresh()
        assert "- 1 deleted" in summary(gone.stdout), gone.stdout
        assert len(resources_of(proj.export())) == 1
        back = proj.up()
        assert "+ 1 created" in summary(back.stdout)
        new_id = proj.stack_outputs()["id"]
        assert new_id != conn_id and api.get(f"uac_connections/{new_id}").status_code == 200
        proj.preview("--expect-no-changes")

    proj.destroy()
    assert admin.get("state").json()["connections"] == []
    assert resources_of(proj.export()) == []

    everything = "\n".join(proj.outputs)
    for secret in (
        API_KEY,
        CONN_PASSWORD,
        PBX_PASSWORD,
        PLAIN_PBX_PASSWORD,
        outputs["generated_password"],
    ):
        assert secret not in everything


TYPES = {
    "dynamic": "pulumi-python:dynamic/telnyx:UacConnection",
    "native": "telnyx:index:UacConnection",
}


def audit_secrets(proj: PulumiProject, generated_password: str) -> None:
    exported = proj.export()
    assert_declared_at_the_programs_lines(proj, exported)
    conns = resources_of(exported)
    assert len(conns) == 2
    for r in conns:
        assert r["type"] == TYPES[proj.mode]
        for side in ("inputs", "outputs"):
            if proj.mode == "dynamic":
                # A by-reference pickle with no credential in it: plain, so anyone can check.
                blob = base64.b64decode(r[side]["__provider"])
                assert blob.count(b"Provider") == 1 and len(blob) < 200, blob
                assert API_KEY.encode() not in blob
            else:
                assert "__provider" not in r[side]
            recorded = in_api_names(r[side])
            assert is_secret(recorded["external_uac_settings"]["password"]), (r["urn"], side)
        assert is_secret(r["outputs"]["password"])  # given by the program, or generated
    main = next(r for r in conns if r["urn"].endswith("office-pbx"))
    assert is_secret(main["inputs"]["password"])
    generated = next(r for r in conns if r["urn"].endswith("generated"))
    assert "password" not in generated["inputs"]  # generated by Telnyx, only an output

    plaintexts = [API_KEY, CONN_PASSWORD, PBX_PASSWORD, PLAIN_PBX_PASSWORD, generated_password]
    blobs = [json.dumps(exported)] + [p.read_text(errors="replace") for p in proj.state_files()]
    for blob in blobs:
        for secret in plaintexts:
            assert secret not in blob


INVALID_CASES: list[tuple[dict[str, Any], str]] = [
    ({"dtmf_type": "Morse"}, "dtmf_type"),
    ({"password": "Zq7-xY1"}, "password"),
    (
        {"external_uac_settings": {"proxy": "sip:p", "password": "Kp9-wT4", "bogus": 1}},
        "external_uac_settings.bogus",
    ),
    ({"user_name": "ab"}, "user_name"),
    ({"anchorsite_override": "Mars"}, "anchorsite_override"),
    ({"active": "yes"}, "active"),
    ({"encrypted_media": "ZRTP"}, "encrypted_media"),
    ({"noise_suppression": "loud"}, "noise_suppression"),
    (
        {"noise_suppression_details": {"attenuation_limit": 15}},
        "noise_suppression_details.attenuation_limit",
    ),
    ({"jitter_buffer": {"jitterbuffer_msec_max": 500}}, "jitter_buffer.jitterbuffer_msec_max"),
    ({"rtcp_settings": {"report_frequency_secs": 1}}, "rtcp_settings.report_frequency_secs"),
    ({"inbound": {"timeout_1xx_secs": 121}}, "inbound.timeout_1xx_secs"),
    ({"inbound": {"dnis_number_format": "test"}}, "inbound.dnis_number_format"),
    ({"outbound": {"localization": "usa"}}, "outbound.localization"),
    ({"outbound": {"outbound_voice_profile_id": "p-1"}}, "outbound.outbound_voice_profile_id"),
    ({"external_uac_settings": {"username": "telnyx-reg"}}, "external_uac_settings.proxy"),
    (
        {"external_uac_settings": {"proxy": "sip:p", "transport": "SCTP"}},
        "external_uac_settings.transport",
    ),
    (
        {"internal_uac_settings": {"destination_uri": "sip:1006@a.sip.telnyx.com"}},
        "internal_uac_settings.destination_uri",
    ),
    ({"webhook_api_version": "texml"}, "webhook_api_version"),
    ({"webhook_event_url": "example.com/hook"}, "webhook_event_url"),
    ({"webhook_timeout_secs": 60}, "webhook_timeout_secs"),
    ({"wait_for_registration": 30}, "wait_for_registration"),
    ({"adopt_existing_id": "1", "adopt_existing_by_name": True}, "adopt_existing_id"),
]


# Rules that tie fields together (or steer the provider) are judged only on otherwise valid
# inputs, so they share their own previews; the others fail together.
CROSS_FIELD = {
    "external_uac_settings.proxy",
    "webhook_api_version",
    "wait_for_registration",
    "adopt_existing_id",
}


def _groups() -> list[list[tuple[dict[str, Any], str]]]:
    """The cases, a few per preview: a resource's check reports every failure at once (a
    preview stops at the first failing resource, so one resource carries them). Cases that set
    the same top-level property, or mix field rules with cross-field rules, go apart."""
    groups: list[list[tuple[dict[str, Any], str]]] = []
    for case in INVALID_CASES:
        for group in groups:
            keys = {k for change, _ in group for k in change}
            cross = {field in CROSS_FIELD for _, field in group}
            if not keys & set(case[0]) and cross == {case[1] in CROSS_FIELD} and len(group) < 6:
                group.append(case)
                break
        else:
            groups.append([case])
    return groups


GROUPS = _groups()


@pytest.mark.parametrize("cases", GROUPS, ids=["+".join(f for _, f in group) for group in GROUPS])
@pytest.mark.parametrize("mode", MODES)
def test_invalid_configurations_fail_at_preview_without_api_calls(
    project_factory: Any, admin: httpx.Client, mode: str, cases: list[tuple[dict[str, Any], str]]
) -> None:
    program = """
import pulumi
from pulumi_uac import UacConnection
props = pulumi.Config().require_object("props")
UacConnection("bad", **props)
"""
    proj: PulumiProject = project_factory(program, mode=mode)
    proj.init()
    props: dict[str, Any] = {"connection_name": "Bad config"}
    for change, _ in cases:
        props.update(change)
    proc = proj.preview("--config", f"props={json.dumps(props)}", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, f"{cases}: preview passed\n{out}"
    for _, field in cases:
        named = re.search(rf"(?<![\w.\[]){re.escape(as_shown(field, mode))}\b", out)
        assert named, f"{field} not named in:\n{out}"
    # The engine prints values of named properties; passwords must never be among them.
    assert "Zq7-xY1" not in out and "Kp9-wT4" not in out, out
    assert request_counts(admin) == {}


@pytest.mark.e2e
def test_a_state_holding_the_serialized_provider_encrypted_keeps_working(
    project_factory: Any, admin: httpx.Client
) -> None:
    """Earlier releases kept ``__provider`` as a secret. Such a state (made here by rewriting an
    export as they wrote it) previews no change, refreshes, updates and destroys."""
    program = """
import pulumi
from pulumi_uac import UacConnection
UacConnection("pbx", connection_name=pulumi.Config().get("name") or "Encrypted provider")
"""
    proj: PulumiProject = project_factory(program)
    proj.init()
    proj.up()
    export = proj.export()
    for res in resources_of(export):
        for side in ("inputs", "outputs"):
            plain = res[side]["__provider"]
            assert isinstance(plain, str)
            res[side]["__provider"] = {SECRET_MARKER: SECRET_SIG, "plaintext": json.dumps(plain)}
    path = proj.root / "encrypted-provider.json"
    path.write_text(json.dumps(export))
    proj.run("stack", "import", "--file", str(path))
    (conn,) = resources_of(proj.export())
    assert is_secret(conn["inputs"]["__provider"]) and is_secret(conn["outputs"]["__provider"])
    admin.delete("requests")
    proj.preview("--expect-no-changes")
    assert request_counts(admin) == {}
    proj.refresh("--expect-no-changes")
    proj.config("name", "Renamed")
    proj.up()
    assert [c["connection_name"] for c in admin.get("state").json()["connections"]] == ["Renamed"]
    proj.preview("--expect-no-changes")
    proj.destroy()
    assert admin.get("state").json()["connections"] == []


def test_missing_api_key_fails_with_one_clear_error(
    project_factory: Any, admin: httpx.Client
) -> None:
    proj: PulumiProject = project_factory(
        'from pulumi_uac import UacConnection\nUacConnection("c", connection_name="No key")\n',
        api_key=None,
    )
    proj.init()
    proj.preview()  # a preview needs no key: check and diff never call the API
    proc = proj.run("up", "--yes", "--skip-preview", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "pulumi config set --secret telnyx:apiKey" in out and "TELNYX_API_KEY" in out
    assert request_counts(admin) == {}


def test_registration_wait_and_adoption_through_the_cli(
    project_factory: Any, api: httpx.Client, admin: httpx.Client
) -> None:
    existing = api.post("uac_connections", json={"connection_name": "Legacy PBX"}).json()["data"]
    program = """
import pulumi
from pulumi_uac import UacConnection
cfg = pulumi.Config()
waited = UacConnection("waited", connection_name="Waited", wait_for_registration=20,
    external_uac_settings={"proxy": cfg.require("proxy"), "username": "reg-user",
                           "password": "pw-123456"})
by_name = UacConnection("legacy", connection_name="Legacy PBX", adopt_existing_by_name=True,
    tags=["adopted"])
pulumi.export("status", waited.registration_status)
pulumi.export("legacy_id", by_name.id)
"""
    proj: PulumiProject = project_factory(program)
    proj.init()
    proj.config("proxy", "sip:good.example.com")
    proj.up()
    outs = proj.stack_outputs()
    assert outs["status"] == "Registered" and outs["legacy_id"] == existing["id"]
    assert len(admin.get("state").json()["connections"]) == 2
    proj.preview("--expect-no-changes")

    admin.patch("config", json={"failing_proxies": ["*reject*"]})
    proj.config("proxy", "sip:reject.example.com")
    proc = proj.run("up", "--yes", "--skip-preview", check=False)
    assert proc.returncode != 0
    # The dynamic host cannot tell whether the proxy was secret: the message names the field.
    out = proc.stdout + proc.stderr
    assert "[external_uac_settings.proxy]" in out and "sip:reject.example.com" not in out
    proj.destroy()
    assert admin.get("state").json()["connections"] == []


@pytest.mark.parametrize("mode", MODES)
def test_a_value_telnyx_did_not_store_is_a_warning_in_the_cli(
    project_factory: Any, admin: httpx.Client, mode: str
) -> None:
    program = """
from pulumi_uac import UacConnection
UacConnection("c", connection_name="Ignored", inbound={"prack_enabled": True})
"""
    proj: PulumiProject = project_factory(program, mode=mode)
    proj.init()
    admin.put("faults", json={"ignore_fields": ["inbound.prack_enabled"]})
    out = proj.up().stdout
    assert "warning:" in out
    # Natively, values that did not arrive secret are shown; the dynamic host cannot tell.
    shown = "as False, not True as sent" if mode == "native" else "differently from what was sent"
    assert f"Telnyx stored {as_shown('inbound.prack_enabled', mode)} {shown}" in out
    # As the warning says: the next refresh shows it.
    assert proj.preview("--refresh", "--expect-no-changes", check=False).returncode != 0
    proj.destroy()


@pytest.mark.parametrize("mode", MODES)
def test_the_registration_wait_shows_its_status_on_the_resource_line(
    project_factory: Any, admin: httpx.Client, mode: str
) -> None:
    program = """
from pulumi_uac import UacConnection
UacConnection("waiting", connection_name="Waiting", wait_for_registration=30,
    external_uac_settings={"proxy": "sip:pbx.example.com", "username": "reg-user",
                           "password": "pw-1234567"})
"""
    admin.patch("config", json={"registration_delay": 3})
    proj: PulumiProject = project_factory(program, mode=mode)
    proj.init()
    lines = proj.up().stdout.splitlines()
    waiting = [line for line in lines if " waiting creating " in line and "registration:" in line]
    assert any("registration: Not Registered (" in line for line in waiting), lines
    assert any("registration: Registered (" in line for line in lines), lines
