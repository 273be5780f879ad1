"""The probe for real accounts, run against the emulator in each of its modes: it must report
the mode the emulator runs in, and leave nothing behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from pulumi_uac.emulator import EmulatorServer

from .conftest import API_KEY


def probe(
    emulator: EmulatorServer, *args: str, key: str | None = API_KEY
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELNYX_")}
    if key:
        env["TELNYX_API_KEY"] = key
    env["TELNYX_BASE_URL"] = emulator.base_url
    return subprocess.run(
        [sys.executable, "-m", "pulumi_uac.probe", "--idempotency-wait", "0.2", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("nested_patch", ["replace", "merge"])
@pytest.mark.parametrize("strict", [False, True])
def test_the_probe_reports_the_mode_the_emulator_runs_in(
    emulator: EmulatorServer, admin: httpx.Client, nested_patch: str, strict: bool
) -> None:
    admin.patch("config", json={"strict_fields": strict})
    proc = probe(emulator, "--json")
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["nested_patch"] == nested_patch
    assert found["unknown_fields"] == ("rejected" if strict else "ignored")
    assert found["blank_accepted"] is True and found["null_on_active"] == "refused"
    assert found["initial_registration_status"] == "Not Registered"
    assert found["rate_limit_headers_on_success"] is True
    assert found["password_revealed_on_changing_update"] is True
    assert found["password_revealed_on_unrelated_update"] is False
    assert f"--nested-patch {nested_patch}" in found["emulator_flags"]
    assert ("--strict-fields" in found["emulator_flags"]) is strict
    # The companions, asked the same way.
    assert found["call_control_create_tags"] == ("refused (422)" if strict else "ignored")
    assert found["call_control_nested_patch"] == nested_patch
    assert found["outbound_profile_nested_patch"] == nested_patch
    # The assistant: idempotent creates, versions, nested updates.
    assert found["assistant_idempotency_at_once"] == "replayed"
    assert found["assistant_idempotency_after_0.2s"] == "replayed"
    assert found["assistant_tags_update_mints_version"] is True
    assert found["assistant_tag_endpoint_mints_version"] is False
    assert found["assistant_nested_update"] == nested_patch
    assert found["not_reproduced"] == []
    state = admin.get("state").json()
    assert state["connections"] == []  # cleaned up
    assert all(v == [] for v in state["objects"].values())


def test_the_probe_prints_a_report_and_cleans_up_after_a_failure(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    text = probe(emulator)
    assert (
        text.returncode == 0 and "Emulator flags that match: --nested-patch replace" in text.stdout
    )
    admin.post("faults/fail-next", json={"route": "PATCH /v2/uac_connections/*", "status": 500})
    failed = probe(emulator, "--json")
    assert failed.returncode == 1 and "stopped" in failed.stderr
    assert admin.get("state").json()["connections"] == []


def test_the_probe_refuses_to_run_without_a_key(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    proc = probe(emulator, key=None)
    assert proc.returncode == 2 and "TELNYX_API_KEY" in proc.stderr
    assert admin.get("requests").json()["total"] == 0


def test_the_probe_finds_and_deletes_a_create_whose_answer_was_lost(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """The create lands but its answer is lost: the probe has no id, so it looks its own name
    up and deletes it; a rate-limited or failing delete is retried, not given up on."""
    rule = {"route": "POST /v2/uac_connections", "drop": True, "after_commit": True}
    admin.post("faults/fail-next", json=rule)
    admin.post("faults/fail-next", json={"route": "GET /v2/uac_connections", "status": 503})
    admin.post("faults/fail-next", json={"route": "DELETE *", "status": 429, "count": 2})
    admin.put("faults", json={"retry_after": 0.2})
    proc = probe(emulator, "--json")
    assert proc.returncode == 1 and "stopped" in proc.stderr, proc.stderr
    assert "delete it by hand" not in proc.stderr
    assert admin.get("state").json()["connections"] == []
    deletes = [r for r in admin.get("requests").json()["requests"] if r["method"] == "DELETE"]
    assert len(deletes) == 3


def test_a_companion_whose_create_answer_was_lost_is_found_and_deleted_too(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """The probe's Call Control application lands but its answer is lost: the probe stops, and
    its cleanup finds the application by name and deletes it, then the connection."""
    rule = {"route": "POST /v2/call_control_applications", "drop": True, "after_commit": True}
    admin.post("faults/fail-next", json=rule)
    proc = probe(emulator, "--json")
    assert proc.returncode == 1 and "stopped" in proc.stderr, proc.stderr
    assert "delete it by hand" not in proc.stderr
    state = admin.get("state").json()
    assert state["connections"] == [] and all(v == [] for v in state["objects"].values())


def test_a_tagged_create_that_failed_after_landing_is_not_taken_for_a_refusal(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """Review finding: a 503 after Telnyx made the application was read as "tags refused": the
    probe reported a false finding, forgot the application and left it on the account. Only a
    validation answer about the tags is a refusal; anything else stops the probe, whose cleanup
    finds the application by name."""
    rule = {"route": "POST /v2/call_control_applications", "status": 503, "after_commit": True}
    admin.post("faults/fail-next", json=rule)
    proc = probe(emulator, "--json")
    assert proc.returncode == 1 and "answered 503" in proc.stderr, proc.stderr
    assert "delete it by hand" not in proc.stderr and proc.stdout == ""
    state = admin.get("state").json()
    assert state["connections"] == [] and all(v == [] for v in state["objects"].values())


def test_findings_no_emulator_flag_reproduces_are_reported() -> None:
    from pulumi_uac.probe import report, unmatched

    usual = {"nested_patch": "replace", "partial_external_settings": "replaced"}
    assert unmatched({**usual, "null_on_active": "refused", "blank_accepted": True}) == []
    odd = {
        "nested_patch": "merge",
        "partial_external_settings": "replaced",
        "null_on_active": "accepted",
        "blank_accepted": False,
        "initial_registration_status": "Registering",
    }
    gaps = unmatched(odd)
    assert len(gaps) == 4 and any("inbound: merge" in g for g in gaps)
    text = report({**odd, "emulator_flags": ["--nested-patch merge"], "not_reproduced": gaps})
    assert text.count("not reproduced by any flag") == 4
    # The companions' answers: tags stored at create, or nested objects that disagree.
    companions = {
        **usual,
        "null_on_active": "refused",
        "blank_accepted": True,
        "unknown_fields": "ignored",
        "call_control_create_tags": "stored",
        "call_control_nested_patch": "merge",
        "outbound_profile_nested_patch": "replace",
    }
    gaps = unmatched(companions)
    assert len(gaps) == 2 and any("Call Control applications merge" in g for g in gaps), gaps
    refused = {**companions, "call_control_create_tags": "refused (422)"}
    assert any("refused (422) while unknown fields are ignored" in g for g in unmatched(refused))
    # The assistant's answers: a key not kept, versions otherwise than the emulator's.
    assistant = {
        **usual,
        "null_on_active": "refused",
        "blank_accepted": True,
        "assistant_idempotency_at_once": "replayed",
        "assistant_idempotency_after_30s": "second assistant made",
        "assistant_tags_update_mints_version": False,
        "assistant_tag_endpoint_mints_version": True,
        "assistant_nested_update": "merge",
    }
    gaps = unmatched(assistant)
    assert len(gaps) == 4, gaps
    assert any("after_30s: second assistant made" in g for g in gaps)


def test_a_default_emulator_reproduces_everything_the_probe_finds_on_it() -> None:
    """The probe run against the emulator as it starts by default finds nothing the emulator
    does not reproduce (it once reported the emulator's own refusal as a difference)."""
    from pulumi_uac.emulator import EmulatorApp, running
    from pulumi_uac.probe import Probe

    with running(EmulatorApp(api_key=API_KEY)) as default:
        headers = {"Authorization": f"Bearer {API_KEY}"}
        with httpx.Client(base_url=default.base_url + "/", headers=headers) as http:
            probe = Probe(http, idempotency_wait=0.2)
            try:
                findings = probe.run()
            finally:
                assert probe.clean_up() is None
    assert findings["nested_patch"] == "replace"
    assert findings["not_reproduced"] == [], findings
