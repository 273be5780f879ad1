"""Call Control applications and outbound voice profiles: the same lifecycle as UAC connections,
through their specs, in both modes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import typing_extensions

from pulumi_uac.client import ClientConfig, TelnyxClient
from pulumi_uac.core import ResourceLifecycle, check, compute_diff
from pulumi_uac.emulator import EmulatorServer
from pulumi_uac.models import (
    CALL_CONTROL_APPLICATION,
    OUTBOUND_VOICE_PROFILE,
    SPECS,
    UAC_CONNECTION,
    Reference,
    ResourceSpec,
    by_name,
)
from pulumi_uac.models.fields import request_fields
from pulumi_uac.resource import codegen

from .conftest import (
    API_KEY,
    MODES,
    VENV_BIN,
    PulumiProject,
    as_shown,
    assert_declared_at_the_programs_lines,
    request_counts,
    resources_of,
)
from .registry import (
    every_resource_program,
    every_resource_yaml,
    example,
    ordered,
    set_path,
    wired,
)
from .test_processes import project_processes

URN = "urn:pulumi:dev::proj::telnyx:index:{}::r"
PROFILE = {
    "name": "PBX outbound",
    "tags": ["team-voice"],
    "max_destination_rate": 0.5,
    "whitelisted_destinations": ["US", "GB"],
    "calling_window": {"start_time": "08:00", "end_time": "20:00"},
}
APP = {
    "application_name": "PBX IVR",
    "webhook_event_url": "https://ivr.example.com/telnyx",
    "tags": ["ivr"],
    "inbound": {"channel_limit": 10},
}


@pytest.fixture
def transport(emulator: EmulatorServer) -> Iterator[TelnyxClient]:
    with TelnyxClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=5.0)
    ) as t:
        yield t


def lifecycle(spec: ResourceSpec, transport: TelnyxClient, **kw: Any) -> ResourceLifecycle:
    return ResourceLifecycle(spec, transport, urn=URN.format(spec.name), **kw)


def made_by(transport: TelnyxClient) -> Callable[[ResourceSpec], str]:
    """Makes an object of a resource from its minimal example, by the lifecycle: its id."""

    def make(spec: ResourceSpec) -> str:
        values = wired(spec, example(spec, "minimal", " (referenced)"), make)
        return lifecycle(spec, transport).create(check(spec, {}, values).inputs).id

    return make


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_create_read_update_import_and_delete_without_a_perpetual_diff(
    spec: ResourceSpec, transport: TelnyxClient
) -> None:
    """Every registered resource, from its spec's full example (every field the models type),
    its references wired to objects made for them."""
    program = wired(spec, example(spec), made_by(transport))
    life = lifecycle(spec, transport)
    inputs = check(spec, {}, program).inputs
    created = life.create(inputs)
    live = transport.resource(spec).get(created.id)
    tags = live.tags
    assert [t for t in tags if not t.startswith("pulumi-uac")] == program["tags"]
    assert created.outputs["ownership_tag"] in tags
    assert any(t.startswith("pulumi-uac-stack:") for t in tags)
    read = life.read(created.id, created.outputs)
    assert read is not None and not compute_diff(spec, read.outputs, inputs).any
    changed = check(spec, inputs, {**program, "tags": ["other"]}).inputs
    assert [c.path for c in compute_diff(spec, read.outputs, changed).changes] == ["tags"]
    outs = life.update(created.id, read.outputs, changed)
    assert created.outputs["ownership_tag"] in transport.resource(spec).get(created.id).tags
    # Drift made outside Pulumi shows on the next read, and only there.
    name = spec.name_field
    current = transport.resource(spec).get(created.id)
    body = {**transport.resource(spec).required_for_update(current), name: "Renamed by hand"}
    transport.resource(spec).update(created.id, spec.update_model.model_validate(body))
    drifted = life.read(created.id, outs)
    assert drifted is not None and drifted.inputs[name] == "Renamed by hand"
    assert [c.path for c in compute_diff(spec, drifted.outputs, changed).changes] == [name]
    imported = life.read(created.id, {})
    assert imported is not None and imported.inputs[name] == "Renamed by hand"
    life.delete(created.id, outs)
    assert life.read(created.id, outs) is None


def test_a_call_control_create_never_sends_tags_and_marks_itself_in_the_same_create(
    transport: TelnyxClient, admin: httpx.Client
) -> None:
    """The SDK's create has no tags (the emulator refuses them, strict): the POST goes without,
    the marks follow in one update of the same create."""
    created = lifecycle(CALL_CONTROL_APPLICATION, transport).create(
        check(CALL_CONTROL_APPLICATION, {}, APP).inputs
    )
    counts = admin.get("requests").json()["counts"]
    assert counts == {
        "POST /v2/call_control_applications": 1,
        "PATCH /v2/call_control_applications/{id}": 1,
    }
    assert created.outputs["ownership_tag"].startswith("pulumi-uac:")


@pytest.mark.parametrize("skew", [0.0, 120.0, -120.0], ids=["same", "ahead", "behind"])
def test_a_lost_call_control_create_stops_with_what_it_made_listed(
    emulator: EmulatorServer, admin: httpx.Client, api: httpx.Client, skew: float
) -> None:
    """The answer is lost after Telnyx acted. Without a mark nothing proves the application is
    this create's (another stack's identical create looks the same), so the create stops,
    listing it as matching every field sent, whichever way Telnyx's clock is off ours (read
    off its Date header): nothing taken, nothing sent twice."""
    emulator.app.store.clock = lambda: time.time() + skew
    admin.post(
        "faults/fail-next",
        json={"route": "POST /v2/call_control_applications", "drop": True, "after_commit": True},
    )
    with TelnyxClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=5.0)
    ) as transport:
        life = lifecycle(CALL_CONTROL_APPLICATION, transport)
        with pytest.raises(Exception, match="nothing taken") as failed:
            life.create(check(CALL_CONTROL_APPLICATION, {}, APP).inputs)
    (made,) = api.get("call_control_applications").json()["data"]  # no duplicate
    assert f"{made['id']} (created {made['created_at']}: every field sent is equal)" in str(
        failed.value
    )
    assert not made.get("tags")


def _post_by_hand(api: httpx.Client, **fields: Any) -> str:
    """An application made outside Pulumi (the portal, another tool): no tags."""
    body = {"application_name": APP["application_name"], **fields}
    answer = api.post("call_control_applications", json=body)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["data"]["id"])


def _untouched(api: httpx.Client, app_id: str, webhook: str) -> None:
    held = api.get(f"call_control_applications/{app_id}").json()["data"]
    assert held["webhook_event_url"] == webhook and not held.get("tags")


@pytest.mark.parametrize("skew", [0.0, 120.0], ids=["same", "ahead"])
def test_a_foreign_application_is_never_taken_by_a_failed_create(
    emulator: EmulatorServer, admin: httpx.Client, api: httpx.Client, skew: float
) -> None:
    """Issue 26, finding 2: someone made "PBX IVR" by hand shortly before our create of it,
    whose POST then got a 503 before Telnyx acted. It is never taken (nor marked, nor given
    our webhook): made 5 s before, it stops the create as a candidate; made 10 minutes before
    (by Telnyx's clock, however far off ours), it does not count and the POST goes again."""
    now = time.time() + skew
    emulator.app.store.clock = lambda: now - 600
    old = _post_by_hand(api, webhook_event_url="https://old.example.com/hook")
    emulator.app.store.clock = lambda: time.time() + skew
    admin.post("faults/fail-next", json={"route": "POST /v2/call_control_applications"})
    with TelnyxClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=5.0)
    ) as transport:
        created = lifecycle(CALL_CONTROL_APPLICATION, transport).create(
            check(CALL_CONTROL_APPLICATION, {}, APP).inputs
        )
        assert created.id != old
        lifecycle(CALL_CONTROL_APPLICATION, transport).delete(created.id, created.outputs)
    _untouched(api, old, "https://old.example.com/hook")
    emulator.app.store.clock = lambda: time.time() + skew - 5
    recent = _post_by_hand(api, webhook_event_url="https://someone-else.example.com/hook")
    emulator.app.store.clock = lambda: time.time() + skew
    admin.post("faults/fail-next", json={"route": "POST /v2/call_control_applications"})
    with (
        TelnyxClient(
            ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=5.0)
        ) as transport,
        pytest.raises(Exception, match="nothing taken") as failed,
    ):
        lifecycle(CALL_CONTROL_APPLICATION, transport).create(
            check(CALL_CONTROL_APPLICATION, {}, APP).inputs
        )
    assert recent in str(failed.value) and old not in str(failed.value)
    _untouched(api, recent, "https://someone-else.example.com/hook")
    assert {a["id"] for a in api.get("call_control_applications").json()["data"]} == {
        old,
        recent,
    }


@pytest.mark.parametrize("webhook", ["https://b.example.com/hook", APP["webhook_event_url"]])
def test_a_same_named_application_another_stack_made_meanwhile_stops_the_create(
    emulator: EmulatorServer, admin: httpx.Client, api: httpx.Client, webhook: str
) -> None:
    """Issue 26, finding 1 (two fleet stacks, one application name), in the interleaving the
    fleet produced: stack a's POST gets a 503 before Telnyx acted; before a looks, stack b's
    application lands and is not marked yet (b's marking update is still to come). Whether
    its fields differ from a's or match them all (the review's case), nothing proves whose it
    is: a takes nothing and sends nothing more, and says which to check."""
    admin.post("faults/fail-next", json={"route": "POST /v2/call_control_applications"})
    theirs: list[str] = []

    def meanwhile(seconds: float) -> None:
        if not theirs:  # b's create lands while a waits to retry
            same = {k: v for k, v in APP.items() if k != "tags"}
            theirs.append(_post_by_hand(api, **{**same, "webhook_event_url": webhook}))

    with TelnyxClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=5.0),
        sleep=meanwhile,
    ) as transport:
        life = lifecycle(CALL_CONTROL_APPLICATION, transport)
        with pytest.raises(Exception, match="nothing taken") as failed:
            life.create(check(CALL_CONTROL_APPLICATION, {}, APP).inputs)
    message = str(failed.value)
    same = webhook == APP["webhook_event_url"]
    assert theirs[0] in message and ("every field sent is equal" if same else "webhook") in message
    assert "--name 'PBX IVR' --delete --confirm-id ID" in message
    listed = api.get("call_control_applications").json()["data"]
    assert [o["id"] for o in listed] == [theirs[0]]  # nothing taken, nothing duplicated
    _untouched(api, theirs[0], webhook)


def test_marks_lost_to_another_owner_are_never_fought_over(
    transport: TelnyxClient, api: httpx.Client
) -> None:
    """Review finding: the tags replaced by hand, another project adopted the connection by
    name meanwhile. Putting our marks back would drop theirs, and theirs ours, for ever: this
    resource's read says who holds it now, and its update and delete refuse, leaving theirs."""
    from pulumi_uac.core.errors import OwnedElsewhereError
    from pulumi_uac.models import UAC_CONNECTION

    warnings: list[str] = []
    ours = lifecycle(UAC_CONNECTION, transport, warn=warnings.append)
    inputs = check(UAC_CONNECTION, {}, {"connection_name": "Shared PBX"}).inputs
    created = ours.create(inputs)
    api.patch(f"uac_connections/{created.id}", json={"tags": ["portal"]})
    theirs = ResourceLifecycle(
        UAC_CONNECTION, transport, urn="urn:pulumi:prod::other::telnyx:index:UacConnection::c"
    )
    adopted = theirs.create(
        check(
            UAC_CONNECTION, {}, {"connection_name": "Shared PBX", "adopt_existing_by_name": True}
        ).inputs
    )
    assert adopted.id == created.id
    read = ours.read(created.id, created.outputs)
    assert read is not None and read.outputs["missing_marks"]
    assert "another resource's" in warnings[-1] and adopted.outputs["ownership_tag"] in warnings[-1]
    assert compute_diff(UAC_CONNECTION, read.outputs, inputs).any
    with pytest.raises(OwnedElsewhereError, match="another Pulumi resource's is on it"):
        ours.update(created.id, read.outputs, inputs)
    with pytest.raises(OwnedElsewhereError):
        ours.delete(created.id, read.outputs)
    tags = api.get(f"uac_connections/{created.id}").json()["data"]["tags"]
    assert adopted.outputs["ownership_tag"] in tags and created.outputs["ownership_tag"] not in tags


def test_an_adopted_object_reads_back_with_no_mark_missing(
    transport: TelnyxClient, api: httpx.Client
) -> None:
    """Review finding: an adoption writes the resource's mark but no stack mark, and the next
    refresh said the marks were gone. A stack mark alone is no reason for a change."""
    made = api.post(
        "call_control_applications",
        json={k: v for k, v in APP.items() if k != "tags"},
    ).json()["data"]
    warnings: list[str] = []
    life = lifecycle(CALL_CONTROL_APPLICATION, transport, warn=warnings.append)
    adopted = life.create(
        check(CALL_CONTROL_APPLICATION, {}, {**APP, "adopt_existing_id": made["id"]}).inputs
    )
    read = life.read(adopted.id, adopted.outputs)
    assert read is not None and "missing_marks" not in read.outputs and warnings == []


def test_a_call_control_application_whose_marking_fails_is_deleted_again(
    transport: TelnyxClient, admin: httpx.Client
) -> None:
    admin.post(
        "faults/fail-next",
        json={"route": "PATCH /v2/call_control_applications/*", "status": 422, "count": 1},
    )
    with pytest.raises(Exception, match="was deleted again"):
        lifecycle(CALL_CONTROL_APPLICATION, transport).create(
            check(CALL_CONTROL_APPLICATION, {}, APP).inputs
        )
    assert list(transport.resource(CALL_CONTROL_APPLICATION).list()) == []


def test_every_outbound_voice_profile_update_carries_its_name(
    transport: TelnyxClient, admin: httpx.Client
) -> None:
    """The SDK requires ``name`` in every update (the emulator refuses one without)."""
    life = lifecycle(OUTBOUND_VOICE_PROFILE, transport)
    inputs = check(OUTBOUND_VOICE_PROFILE, {}, PROFILE).inputs
    created = life.create(inputs)
    news = check(OUTBOUND_VOICE_PROFILE, inputs, {**PROFILE, "enabled": False}).inputs
    outs = life.update(created.id, created.outputs, news)
    assert outs["enabled"] is False
    assert admin.get("requests").json()["counts"]["PATCH /v2/outbound_voice_profiles/{id}"] == 1


@pytest.mark.parametrize(
    ("spec", "program", "path"),
    [
        (CALL_CONTROL_APPLICATION, {"application_name": "x"}, "webhook_event_url"),
        (CALL_CONTROL_APPLICATION, {**APP, "webhook_timeout_secs": 31}, "webhook_timeout_secs"),
        (
            OUTBOUND_VOICE_PROFILE,
            {"name": "p", "calling_window": {"start_time": "8am"}},
            "calling_window.start_time",
        ),
        (
            OUTBOUND_VOICE_PROFILE,
            {"name": "p", "whitelisted_destinations": ["usa"]},
            "whitelisted_destinations[0]",
        ),
        (OUTBOUND_VOICE_PROFILE, {"name": "p", "tags": ["pulumi-uac:x"]}, "tags[0]"),
    ],
)
def test_bad_input_is_named_by_check(
    spec: ResourceSpec, program: dict[str, Any], path: str
) -> None:
    failures = check(spec, {}, program).failures
    assert [f.path for f in failures] == [path]


FLOAT_FIELDS = [
    (spec, f.path) for spec in SPECS for f in spec.fields.walk() if "number" in (f.kind, f.items)
]
NOT_FINITE = [float("inf"), float("-inf"), float("nan")]


def _nested(path: str, value: Any) -> dict[str, Any]:
    *parents, leaf = path.split(".")
    body: dict[str, Any] = {leaf: value}
    for part in reversed(parents):
        body = {part: body}
    return body


@pytest.mark.parametrize(
    ("spec", "path"), FLOAT_FIELDS, ids=[f"{s.name}.{p}" for s, p in FLOAT_FIELDS]
)
@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
def test_no_float_input_takes_inf_or_nan(spec: ResourceSpec, path: str, value: float) -> None:
    """Review finding: `max_destination_rate=float("inf")` passed check (so preview) and then
    crashed `up` (no JSON spelling); NaN failed with the rule `>= 0`, which it does not break."""
    reasons = [f.reason for f in check(spec, {}, _nested(path, value)).failures]
    assert f"{path} must be a finite number (not inf or NaN)" in reasons, reasons


@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
def test_the_registration_wait_takes_no_inf_or_nan(value: float) -> None:
    """The one float input that is the provider's own, not a model's."""
    reasons = [
        f.reason for f in check(UAC_CONNECTION, {}, {"wait_for_registration": value}).failures
    ]
    assert "wait_for_registration must be a finite number (not inf or NaN)" in reasons, reasons


def test_inf_and_nan_fail_check_in_both_modes() -> None:
    """Through each mode's own check (the engine's wire values in, check failures out)."""
    import asyncio

    from pulumi.provider.experimental.provider import CheckRequest

    from pulumi_uac.provider.engine import EngineLog, EngineWatch
    from pulumi_uac.provider.outbound_voice_profile import OutboundVoiceProfileProvider
    from pulumi_uac.provider.plugin.adapter import TelnyxProvider
    from pulumi_uac.provider.plugin.values import value_map

    from .wire import for_check

    assert ("OutboundVoiceProfile", "max_destination_rate") in [
        (s.name, p) for s, p in FLOAT_FIELDS
    ]
    native = TelnyxProvider(EngineLog(None), EngineWatch(None))
    loop = asyncio.new_event_loop()
    for value in NOT_FINITE:
        program = {"name": "p", "max_destination_rate": value}
        dynamic = OutboundVoiceProfileProvider().check({}, for_check(program)).failures
        request = CheckRequest(URN.format("OutboundVoiceProfile"), {}, value_map(program), b"")
        answer = loop.run_until_complete(native.check(request))
        rule = "must be a finite number (not inf or NaN)"
        # Each mode names the field as its programs spell it.
        assert [f.reason for f in dynamic] == [f"max_destination_rate {rule}"]
        assert [f.reason for f in answer.failures] == [f"maxDestinationRate {rule}"]
    loop.close()


def test_the_generated_python_surface_is_up_to_date() -> None:
    """One source per field: the Args, outputs and lookup results are generated from the
    models; a model change without `python -m pulumi_uac.resource.codegen` fails here."""
    files = codegen.generated_files()
    for path, text in files.items():
        assert path.exists() and path.read_text() == text, f"stale: {path}; run codegen"
    # Nothing generated for a resource that is gone lingers.
    for folder in {p.parent for p in files if p.parent.name == "generated"}:
        assert set(folder.glob("*.py")) <= set(files), folder


def test_the_readme_tables_are_up_to_date() -> None:
    text = codegen.README.read_text()
    assert codegen.readme_with_tables(text) == text, "stale README table; run codegen"
    for spec in SPECS:
        # In the resource's own section, or in the one generated for it.
        assert codegen.readme_table(spec) in text, spec.name


def test_every_spec_is_served_by_the_emulator() -> None:
    """A registered resource without its emulator behaviour would fail the registry-wide tests
    with bare 404s: said here, with the file that is missing."""
    from pulumi_uac.emulator import EmulatorStore
    from pulumi_uac.emulator.behaviours import BEHAVIOURS

    served = {b.spec.name for b in BEHAVIOURS} | {EmulatorStore._records_spec.name}
    for spec in SPECS:
        assert spec.name in served, (
            f"{spec.name} has no emulator behaviour: write "
            f"pulumi_uac/emulator/behaviours/{codegen.snake(spec.name)}.py (BEHAVIOUR)"
        )


def test_every_spec_is_served_by_both_modes_and_the_schema() -> None:
    import pulumi_uac
    import pulumi_uac.native as native
    from pulumi_uac.provider.plugin.schema import package_schema

    schema = package_schema()
    for spec in SPECS:
        assert spec.native_type in schema["resources"]
        assert f"telnyx:index:{spec.lookup_name}" in schema["functions"]
        assert getattr(pulumi_uac, spec.name)._spec is spec
        assert getattr(native, spec.name)._spec is spec


APP_KEYS = ("application_name", "webhook_event_url")
WIRED = """
import pulumi
from pulumi_uac import CallControlApplication, OutboundVoiceProfile, UacConnection, destinations
cfg = pulumi.Config()
profile = OutboundVoiceProfile("profile", name="PBX outbound", tags=["voice"],
    whitelisted_destinations=["US", "CA"], max_destination_rate=cfg.get_float("rate") or 0.25)
app = CallControlApplication("app", application_name="PBX IVR",
    webhook_event_url="https://ivr.example.com/telnyx", tags=["ivr"],
    outbound={"outbound_voice_profile_id": profile.id})
conn = UacConnection("pbx", connection_name="PBX",
    internal_uac_settings={"destination_uri": destinations.call_control("1006", app.id)},
    outbound={"outbound_voice_profile_id": profile.id})
pulumi.export("app", app.id)
pulumi.export("profile", profile.id)
pulumi.export("destination", conn.internal_uac_settings)
"""


@pytest.mark.e2e
@pytest.mark.parametrize("mode", MODES)
def test_a_stack_wires_profile_application_and_connection_by_outputs(
    project_factory: Any, admin: httpx.Client, api: httpx.Client, mode: str
) -> None:
    proj: PulumiProject = project_factory(WIRED, mode=mode)
    proj.init()
    proj.up()
    out = proj.stack_outputs()
    state = admin.get("state").json()
    (conn,) = state["connections"]
    assert (
        conn["internal_uac_settings"]["destination_uri"]
        == f"1006@cc-app-{out['app']}.sip.telnyx.com"
    )
    assert conn["outbound"]["outbound_voice_profile_id"] == out["profile"]
    (app,) = state["objects"]["CallControlApplication"]
    assert app["outbound"]["outbound_voice_profile_id"] == out["profile"]
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    # Drift of a managed field shows on refresh; the next up puts the program's value back.
    profile = f"outbound_voice_profiles/{out['profile']}"
    api.patch(profile, json={"name": "PBX outbound", "max_destination_rate": 9.0})
    assert as_shown("max_destination_rate", mode) in proj.refresh().stdout
    proj.up()
    assert api.get(profile).json()["data"]["max_destination_rate"] == 0.25
    # Issue 26, finding 3: a portal-style edit of the tags drops the ownership marks. The
    # marks are desired state: refresh says so, preview shows the tags changing, and up puts
    # them back (keeping the tags the program does not manage), after which all is quiet.
    held = f"uac_connections/{conn['id']}"
    application = f"call_control_applications/{out['app']}"
    api.patch(held, json={"tags": ["portal"]})
    api.patch(application, json={**{k: app[k] for k in APP_KEYS}, "tags": ["ivr"]})
    refreshed = proj.refresh()
    assert refreshed.stdout.count("ownership marks") >= 2, refreshed.stdout
    assert proj.preview("--expect-no-changes", check=False).returncode != 0
    proj.up()
    for path, kept in ((held, "portal"), (application, "ivr")):
        tags = api.get(path).json()["data"]["tags"]
        assert kept in tags and any(t.startswith("pulumi-uac:") for t in tags), tags
        assert any(t.startswith("pulumi-uac-stack:") for t in tags), tags
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    proj.config("rate", "0.5")
    diff = proj.preview("--diff").stdout
    assert as_shown("max_destination_rate", mode) in diff and "replace" not in diff
    proj.up()
    proj.preview("--expect-no-changes")
    export = proj.export()
    assert_declared_at_the_programs_lines(proj, export)
    types = {r["type"] for r in export["deployment"]["resources"]}
    prefix = "telnyx:index:" if mode == "native" else "pulumi-python:dynamic/telnyx:"
    used = ("UacConnection", "CallControlApplication", "OutboundVoiceProfile")
    assert {f"{prefix}{name}" for name in used} <= types
    proj.destroy()
    after = admin.get("state").json()
    assert after["connections"] == [] and all(v == [] for v in after["objects"].values())


@pytest.mark.e2e
def test_bad_companion_input_fails_the_preview_before_any_api_call(
    project_factory: Any, admin: httpx.Client
) -> None:
    program = """
from pulumi_uac import CallControlApplication, OutboundVoiceProfile
OutboundVoiceProfile("p", name="P", calling_window={"start_time": "25:00"})
CallControlApplication("a", application_name="A", webhook_event_url="not a url")
"""
    proj: PulumiProject = project_factory(program)
    proj.init()
    shown = proj.preview(check=False)
    text = shown.stdout + shown.stderr
    assert shown.returncode != 0
    assert "calling_window.start_time" in text or "webhook_event_url" in text
    assert admin.get("requests").json()["counts"] == {}


@pytest.mark.e2e
def test_native_lookups_import_and_orphans_cover_the_companions(
    project_factory: Any, admin: httpx.Client, transport: TelnyxClient
) -> None:
    made = lifecycle(OUTBOUND_VOICE_PROFILE, transport).create(
        check(OUTBOUND_VOICE_PROFILE, {}, {"name": "Made elsewhere"}).inputs
    )
    program = """
import pulumi
from pulumi_uac import OutboundVoiceProfile
from pulumi_uac.native import get_outbound_voice_profile
found = get_outbound_voice_profile(name="Made elsewhere")
pulumi.export("found", found.id)
pulumi.export("whole", found)
seen = OutboundVoiceProfile.get("seen", found.id)  # read, never managed
pulumi.export("seen", seen.name)
OutboundVoiceProfile("mine", name="Mine")
"""
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    proj.up()
    outs = proj.stack_outputs()
    assert outs["found"] == made.id and outs["whole"]["name"] == "Made elsewhere"
    assert outs["seen"] == "Made elsewhere"
    (mine,) = [
        r for r in resources_of(proj.export(), "OutboundVoiceProfile") if not r.get("external")
    ]
    # An orphan of this stack is listed, with its type.
    proj.run("state", "delete", mine["urn"], "--yes", "--force")
    listed = json.loads(proj.recovery("orphans", "--json").stdout)
    assert [(o["id"], o["kind"]) for o in listed] == [(mine["id"], "OutboundVoiceProfile")]
    proj.recovery("orphans", "--delete", "--confirm-id", mine["id"])
    assert {p.id for p in transport.resource(OUTBOUND_VOICE_PROFILE).list()} == {made.id}
    # A create whose answer was lost left an unmarked application: its failure named
    # `orphans --name`, which lists it (by name only, so deleting it takes --confirm-id).
    lost = transport.resource(CALL_CONTROL_APPLICATION).create(
        CALL_CONTROL_APPLICATION.create_model.model_validate(
            {"application_name": "Lost app", "webhook_event_url": "https://x.example"}
        )
    )
    listed = json.loads(proj.recovery("orphans", "--name", "Lost app", "--json").stdout)
    assert [(o["id"], o["kind"], o["linked"]) for o in listed] == [
        (lost.id, "CallControlApplication", False)
    ]
    refused = proj.recovery("orphans", "--name", "Lost app", "--delete", check=False)
    assert refused.returncode == 1 and "--name 'Lost app' --delete --confirm-id" in refused.stderr
    proj.recovery("orphans", "--name", "Lost app", "--delete", "--confirm-id", lost.id)
    assert list(transport.resource(CALL_CONTROL_APPLICATION).list()) == []


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_adoption_takes_over_an_existing_one_with_one_update(
    spec: ResourceSpec, transport: TelnyxClient, admin: httpx.Client
) -> None:
    program = wired(spec, example(spec), made_by(transport))
    objects = transport.resource(spec)
    body = {k: v for k, v in program.items() if k not in spec.api.create_excludes}
    existing = objects.create(spec.create_model.model_validate(body))
    admin.delete("requests")
    inputs = check(spec, {}, {**program, "adopt_existing_by_name": True}).inputs
    adopted = lifecycle(spec, transport).create(inputs)
    counts = admin.get("requests").json()["counts"]
    item = f"/v2/{spec.api.path}/{{id}}"
    assert f"POST /v2/{spec.api.path}" not in counts  # nothing created
    if spec.api.tag_endpoint:
        # Already as the program wants it: only the mark is written, by the tag endpoint
        # (an update would mint a version).
        assert counts.get(f"POST {item}/tags") == 1 and f"POST {item}" not in counts, counts
    else:
        assert sum(counts.values()) == 2 and not any(k.startswith("POST") for k in counts)
    assert adopted.id == existing.id
    assert adopted.outputs["ownership_tag"] in objects.get(existing.id).tags
    # A second resource may not adopt what one already owns.
    with pytest.raises(Exception, match="already belongs to a Pulumi resource"):
        lifecycle(spec, transport).create(inputs)


def test_mypy_reports_a_misspelled_keyword_a_wrong_type_and_a_wrong_value_in_both_families(
    tmp_path: Path,
) -> None:
    """The keyword form spells out every keyword with its type (``Unpack`` of the generated
    ``XxxKwargs``): a type checker, and an IDE, know them."""
    program = tmp_path / "prog.py"
    program.write_text(
        "from pulumi_uac import OutboundVoiceProfile, UacConnection\n"
        "from pulumi_uac.native import CallControlApplication\n"
        'UacConnection("a", conection_name="typo")\n'
        'OutboundVoiceProfile("p", name="x", max_destination_rate="cheap")\n'
        'CallControlApplication("c", application_name="x", webhook_event_url="https://x.example")\n'
        'UacConnection("ok", connection_name="fine", active=True, tags=["x"])\n'
        # Enumerated values are Literals, in the keyword form and in every Args.
        'UacConnection("e", connection_name="x", webhook_api_version="4")\n'
        "from pulumi_uac import CallControlApplicationArgs, ExternalUacSettingsArgs\n"
        'ExternalUacSettingsArgs(proxy="sip:pbx.example.com", transport="SCTP")\n'
        'CallControlApplicationArgs(application_name="x", webhook_event_url="https://x.example",\n'
        '    dtmf_type="Tones")\n'
        'UacConnection("ok2", connection_name="y", webhook_api_version="texml",\n'
        '    dtmf_type="Inband")\n'
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", program.name],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        # An editable install is found through an import hook mypy does not follow; an
        # installed wheel (py.typed) is found without this.
        env={**os.environ, "MYPYPATH": str(codegen.README.parent)},
    )
    # Only the program's lines (the package itself is checked by `make typecheck`).
    lines = [line for line in proc.stdout.splitlines() if line.startswith(f"{program.name}:")]
    errors = {int(line.split(":")[1]) for line in lines if ": error:" in line}
    assert errors == {3, 4, 7, 9, 11}, proc.stdout
    assert 'did you mean "connection_name"' in proc.stdout
    assert "incompatible type \"Literal['SCTP']\"" in proc.stdout, proc.stdout


def unwrap(spec: ResourceSpec, answer: dict[str, Any]) -> dict[str, Any]:
    """A single answer's object, wrapped in ``data`` or not as the spec says."""
    inner: dict[str, Any] = answer["data"] if spec.api.enveloped else answer
    return inner


def sdk_names(spec: ResourceSpec) -> tuple[str, str]:
    """The official SDK's module path and type prefix of ``spec``'s types."""
    given = spec.extra.get("sdk")
    if isinstance(given, tuple):
        return str(given[0]), str(given[1])
    return codegen.snake(spec.name), spec.name


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_the_emulator_answers_every_field_of_the_model(
    spec: ResourceSpec, api: httpx.Client
) -> None:
    """One source per field: a field added to a model and not to the emulator's defaults (so
    absent from its answers) fails here."""
    body = example(spec, "minimal")
    assert {f.name for f in spec.fields.request if f.required} <= set(body)
    created = api.post(spec.api.path, json=body)
    assert created.status_code == 201, created.text
    answer = unwrap(spec, api.get(f"{spec.api.path}/{unwrap(spec, created.json())['id']}").json())
    for field in spec.fields.walk():
        parent, _, leaf = field.path.rpartition(".")
        holder = answer if not parent else answer.get(parent)
        if parent and holder is None:
            continue  # an object Telnyx leaves null until it is set
        assert isinstance(holder, dict) and leaf in holder, f"{spec.name}: {field.path}"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_update_carries_what_the_official_sdk_requires(spec: ResourceSpec) -> None:
    """Review finding: the SDK's update params require fields (a Call Control application's
    name and webhook URL) that a model marked optional; the emulator, validating with our own
    model, could not tell. The SDK's own TypedDicts are the reference here."""
    import importlib

    where, prefix = sdk_names(spec)
    module = importlib.import_module(f"telnyx.types.{where}_update_params")
    sdk = getattr(module, f"{prefix}UpdateParams")
    # The SDK's annotations are strings: resolve them to see which are Required.
    hints = typing_extensions.get_type_hints(sdk, include_extras=True)
    sdk_required = {
        k for k, v in hints.items() if typing_extensions.get_origin(v) is typing_extensions.Required
    }
    assert sdk_required == set(spec.api.update_requires)
    required = {f.name for f in spec.fields.request if f.required}
    assert set(spec.api.update_requires) <= required  # the program always knows them
    updated = {f.name for f in request_fields(spec.update_model) if f.required}
    assert updated == set(spec.api.update_requires)


def test_a_lost_call_control_create_names_the_command_that_finds_it(
    transport: TelnyxClient, admin: httpx.Client
) -> None:
    """Review finding: the POST carries no tag, so the failure must not send the user to
    `orphans --tag` (which cannot find it) but to `orphans --name`."""
    admin.post(
        "faults/fail-next",
        json={"route": "POST /v2/call_control_applications", "drop": True, "after_commit": True},
    )
    admin.post(
        "faults/fail-next",
        json={"route": "GET /v2/call_control_applications", "status": 503, "count": 500},
    )
    life = lifecycle(CALL_CONTROL_APPLICATION, transport)
    with transport.within(2), pytest.raises(Exception, match="orphans --name 'PBX IVR'") as err:
        life.create(check(CALL_CONTROL_APPLICATION, {}, APP).inputs)
    assert "--tag" not in str(err.value)


def test_an_interrupted_create_of_an_unmarkable_resource_is_found_by_its_pending_name() -> None:
    """Review finding: a run killed between the POST and the marking update leaves an unmarked
    application; the pending create's name is the trace `orphans` and `recover` report (never
    linked: deleting takes --confirm-id)."""
    from pulumi_uac.models import CallControlApplication as App
    from pulumi_uac.recovery.orphans import find_unmarked, pending_names
    from pulumi_uac.recovery.state import read_state

    urn = "urn:pulumi:dev::p::telnyx:index:CallControlApplication::ivr"
    export = {
        "deployment": {
            "resources": [],
            "pending_operations": [
                {
                    "type": "creating",
                    "resource": {
                        "urn": urn,
                        "type": "telnyx:index:CallControlApplication",
                        "inputs": {"application_name": "PBX IVR", "ownership_token": "a" * 20},
                    },
                }
            ],
        }
    }
    record = read_state(export)
    names = pending_names(CALL_CONTROL_APPLICATION, record)
    assert names == {"PBX IVR"}
    objects = [
        App(id="1", application_name="PBX IVR", tags=[]),
        App(id="2", application_name="PBX IVR", tags=["pulumi-uac:" + "b" * 20 + ".000000"]),
        App(id="3", application_name="Other", tags=[]),
    ]
    found = find_unmarked(CALL_CONTROL_APPLICATION, objects, record, names, "why")
    assert [(o.id, o.linked) for o in found] == [("1", False)]
    assert pending_names(OUTBOUND_VOICE_PROFILE, record) == set()


def _killed_between_create_and_marking(
    project_factory: Any, admin: httpx.Client, program: str
) -> PulumiProject:
    """A project whose `up` was killed between a Call Control create's POST and its marking
    update (the native plugin, so the pending record is camelCase)."""
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    marking = {"route": "PATCH /v2/call_control_applications/*", "status": 503, "count": 1000}
    admin.post("faults/fail-next", json=marking)
    proc = proj.start("up", "--yes", "--skip-preview")
    deadline = time.monotonic() + 60
    while not any(k.startswith("PATCH") for k in request_counts(admin)):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # The plugin ends itself within a second or two of its CLI; until then a retry of the
    # marking may still land (and mark it), so the fault stays until the plugin is gone.
    while project_processes(proj.dir):
        assert time.monotonic() < deadline + 15
        time.sleep(0.1)
    proj.after_kill()
    admin.delete("faults")
    return proj


@pytest.mark.e2e
def test_a_call_control_create_killed_before_its_marking_is_found_and_removed_as_printed(
    project_factory: Any, admin: httpx.Client, api: httpx.Client
) -> None:
    """Review finding: the CLI killed between a Call Control create's POST and its marking
    update (the native plugin, so the pending record is camelCase). `orphans` and `recover`
    report what has the pending create's name, with creation times (someone else's application
    of that name is listed too: names are no proof), and the command they print finds it again
    after `recover` has cleared the record; a confirmed id the listing does not show is refused
    out loud, never ignored."""
    program = """
from pulumi_uac.native import CallControlApplication
CallControlApplication("ivr", application_name="Shared IVR",
    webhook_event_url="https://ivr.example.com/hook")
"""
    proj = _killed_between_create_and_marking(project_factory, admin, program)
    (mine,) = api.get("call_control_applications").json()["data"]
    assert mine["tags"] == []  # made, never marked
    theirs = api.post(
        "call_control_applications",
        json={"application_name": "Shared IVR", "webhook_event_url": "https://other.example"},
    ).json()["data"]
    listing = proj.recovery("orphans").stdout
    assert mine["id"] in listing and theirs["id"] in listing, listing
    assert f"created {mine['created_at']}" in listing, listing
    assert "pulumi-uac orphans --name 'Shared IVR' --delete --confirm-id" in listing
    # Issue 26, finding 4: a name is no proof, so no printed command names either id.
    assert f"--confirm-id {theirs['id']}" not in listing
    assert f"--confirm-id {mine['id']}" not in listing
    proj.run("cancel", "--yes")
    recovered = proj.recovery("recover").stdout
    assert "cleared 1 pending" in recovered and "--name 'Shared IVR'" in recovered, recovered
    assert {a["id"] for a in api.get("call_control_applications").json()["data"]} == {
        mine["id"],
        theirs["id"],
    }
    # The record that named it is gone: a bare --confirm-id is refused, saying why.
    bare = proj.recovery("orphans", "--delete", "--confirm-id", mine["id"], check=False)
    assert bare.returncode == 1 and "not among the objects listed" in bare.stderr, bare.stderr
    proj.recovery("orphans", "--name", "Shared IVR", "--delete", "--confirm-id", mine["id"])
    assert [a["id"] for a in api.get("call_control_applications").json()["data"]] == [theirs["id"]]
    proj.up()
    proj.preview("--expect-no-changes")
    proj.destroy()
    assert [a["id"] for a in api.get("call_control_applications").json()["data"]] == [theirs["id"]]


@pytest.mark.e2e
def test_the_cli_s_own_hints_after_a_killed_call_control_create_leave_no_silent_duplicate(
    project_factory: Any, admin: httpx.Client, api: httpx.Client
) -> None:
    """Issue 26, finding 6: after a kill between the POST and the marking update, the CLI's
    own hints (`cancel`, `refresh --clear-pending-creates`, `up`) drop the pending record and
    make the application again. The unmarked first one shares its name with the one the state
    holds: a plain `orphans` lists it, as evidence (never named for deletion)."""
    program = """
from pulumi_uac.native import CallControlApplication
CallControlApplication("ivr", application_name="Hinted IVR",
    webhook_event_url="https://ivr.example.com/hook")
"""
    proj = _killed_between_create_and_marking(project_factory, admin, program)
    (first,) = api.get("call_control_applications").json()["data"]
    proj.run("cancel", "--yes")
    proj.run("refresh", "--clear-pending-creates", "--yes", "--skip-preview")
    proj.up()
    held = {r["id"] for r in resources_of(proj.export(), "CallControlApplication")}
    assert first["id"] not in held and len(held) == 1
    listing = proj.recovery("orphans").stdout
    assert first["id"] in listing and "this stack holds" in listing, listing
    assert f"--confirm-id {first['id']}" not in listing
    proj.recovery("orphans", "--name", "Hinted IVR", "--delete", "--confirm-id", first["id"])
    assert {a["id"] for a in api.get("call_control_applications").json()["data"]} == held
    assert "no orphaned" in proj.recovery("orphans").stdout
    proj.destroy()


REFERENCES = [(spec, ref) for spec in SPECS for ref in spec.references]


@pytest.mark.parametrize(
    ("spec", "ref"), REFERENCES, ids=[f"{s.name}.{r.path}" for s, r in REFERENCES]
)
def test_an_object_in_use_cannot_be_deleted_and_counts_its_users(
    spec: ResourceSpec, ref: Reference, api: httpx.Client
) -> None:
    """The emulator's "in use" rule reads the specs' references: whatever names an object by
    id counts as its user, whichever resource it is."""
    named = by_name(ref.resource)
    target = unwrap(named, api.post(named.api.path, json=example(named, "minimal")).json())
    body = {k: v for k, v in example(spec, "minimal").items() if k not in spec.api.create_excludes}
    set_path(body, ref.path, target["id"])
    user = unwrap(spec, api.post(spec.api.path, json=body).json())
    seen = unwrap(named, api.get(f"{named.api.path}/{target['id']}").json())
    assert seen["connections_count"] == 1
    refused = api.delete(f"{named.api.path}/{target['id']}")
    assert refused.status_code == 422 and user["id"] in refused.text
    assert api.delete(f"{spec.api.path}/{user['id']}").status_code == 200
    assert api.delete(f"{named.api.path}/{target['id']}").status_code == 200


def test_faults_rate_limits_and_error_envelopes_apply_to_the_companions(
    api: httpx.Client, admin: httpx.Client
) -> None:
    """The same fidelity bar as UAC connections: Telnyx's error envelope, injected faults by
    route, and the account's rate limit (one window for every resource)."""
    for path in ("call_control_applications", "outbound_voice_profiles"):
        missing = api.get(f"{path}/424242")
        assert missing.status_code == 404 and missing.json()["errors"][0]["code"]
        bad = api.get(path, params={"page[size]": "0"})
        assert bad.status_code == 400 and bad.json()["errors"][0]["source"]
        admin.post("faults/fail-next", json={"route": f"GET /v2/{path}", "status": 503})
        assert api.get(path).status_code == 503
        assert api.get(path).status_code == 200
    admin.put("faults", json={"storm_seconds": 5, "seed": 1})
    limited = [
        api.get(p).status_code for p in ("call_control_applications", "outbound_voice_profiles")
    ]
    assert limited == [429, 429]
    admin.delete("faults")


def test_the_companion_lists_sort_newest_first_and_refuse_filters_they_do_not_implement(
    api: httpx.Client,
) -> None:
    """Review findings: the SDK documents newest-first as the default order; a filter the
    emulator does not implement is refused (the strict reading), not ignored; page numbers are
    plain ASCII integers."""
    profile = api.post("outbound_voice_profiles", json={"name": "Listed profile"}).json()["data"]
    made = [
        api.post(
            "call_control_applications",
            json={
                "application_name": f"listed-{i}",
                "webhook_event_url": "https://x.example.com/hook",
                **({"outbound": {"outbound_voice_profile_id": profile["id"]}} if i else {}),
            },
        ).json()["data"]
        for i in range(2)
    ]
    listed = api.get("call_control_applications").json()["data"]
    assert [a["id"] for a in listed] == [made[1]["id"], made[0]["id"]]
    using = api.get(
        "call_control_applications",
        params={"filter[outbound.outbound_voice_profile_id]": profile["id"]},
    ).json()["data"]
    assert [a["id"] for a in using] == [made[1]["id"]]
    for path, key in (
        ("call_control_applications", "filter[product]"),
        ("outbound_voice_profiles", "filter[name]"),
        ("outbound_voice_profiles", "filter[bogus]"),
    ):
        refused = api.get(path, params={key: "x"})
        assert refused.status_code == 400 and key in refused.text, (path, key)
    for bad in (" 1", "\uff11", "1.0"):
        assert api.get("outbound_voice_profiles", params={"page[number]": bad}).status_code == 400


@pytest.mark.e2e
@pytest.mark.parametrize("mode", MODES)
def test_every_registered_resource_through_the_cli(
    project_factory: Any, admin: httpx.Client, mode: str
) -> None:
    """A resource is covered by being registered: one program holds one of each, from its
    spec's full example, references wired by output. Preview with unknowns, up, no change on
    preview and refresh, passwords secret in the state and absent from the output, an update
    in place, each found by its lookup (natively); then (natively) each dropped from the state
    released and imported back, or (dynamic) found and deleted as an orphan; nothing left
    behind."""
    lookups = mode == "native"
    proj: PulumiProject = project_factory(
        every_resource_program(SPECS, changed=False, lookups=lookups), mode=mode
    )
    proj.init()
    assert "+ " in proj.preview().stdout
    proj.up()
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    outs = proj.stack_outputs()
    export = proj.export()
    for spec in SPECS:
        (res,) = [r for r in resources_of(export, spec.name) if r["type"].endswith(f":{spec.name}")]
        assert res["id"] == outs[spec.name]
        if lookups:
            assert (
                outs[f"{spec.name}.found"]
                == example(spec, suffix=" (every field)")[spec.name_field]
            )
        for path in spec.fields.password_paths:
            root = as_shown(path.split(".")[0], mode)
            # A nested password is a secret inside its object (or makes the object one).
            assert SECRET_MARKER in json.dumps(res["outputs"][root]), (spec.name, path)
            secret = path_value(example(spec), path)
            assert all(secret not in text for text in proj.outputs), (spec.name, path)
    main = proj.dir / "__main__.py"
    main.write_text(
        main.read_text().split("import pulumi\n", 1)[0]
        + every_resource_program(SPECS, changed=True, lookups=lookups)
    )
    changed = proj.up().stdout
    assert "replaced" not in changed and f"{len(SPECS)} updated" in changed, changed
    proj.preview("--expect-no-changes")
    if mode == "native":
        # Import covers every resource: dropped from the state, all are imported back by id
        # (one `pulumi import --file`); the program then changes only what Telnyx never
        # returns (passwords: the first up after an import sends them).
        for spec in reversed(ordered(SPECS)):
            (res,) = [r for r in resources_of(proj.export(), f":{spec.name}")]
            proj.run("state", "delete", res["urn"], "--yes", "--force")
            # Its ownership tag stays on it: released, as the README says, before an import.
            proj.recovery("release", outs[spec.name], "--confirm-id", outs[spec.name])
        listing = [
            {"type": spec.native_type, "name": spec.name.lower(), "id": outs[spec.name]}
            for spec in SPECS
        ]
        (proj.dir / "import.json").write_text(json.dumps({"resources": listing}))
        imported = proj.run(
            "import", "--file", "import.json", "--yes", "--generate-code=false", "--protect=false"
        ).stdout
        assert f"{len(SPECS)} imported" in imported, imported
        with_passwords = [spec for spec in SPECS if spec.fields.password_paths]
        after_import = proj.preview().stdout
        assert f"{len(with_passwords)} to update" in after_import, after_import
        assert "to create" not in after_import and "to replace" not in after_import
        proj.up()
        proj.preview("--expect-no-changes")
        proj.destroy()
    else:
        # Recovery covers every resource: dropped from the state, each is this stack's orphan,
        # listed with its type and deleted (users before what they use).
        for spec in reversed(ordered(SPECS)):
            (res,) = [r for r in resources_of(proj.export(), f":{spec.name}")]
            proj.run("state", "delete", res["urn"], "--yes", "--force")
        listed = json.loads(proj.recovery("orphans", "--json").stdout)
        assert sorted((o["id"], o["kind"]) for o in listed) == sorted(
            (outs[spec.name], spec.name) for spec in SPECS
        )
        confirm = [a for o in listed for a in ("--confirm-id", o["id"])]
        proj.recovery("orphans", "--delete", *confirm)
    state = admin.get("state").json()
    assert state["connections"] == [] and not any(state["objects"].values()), state


SECRET_MARKER = "4dabf18193072939515e22adb298388d"


def path_value(values: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        values = values[part]
    return values


@pytest.mark.e2e
def test_every_registered_resource_from_yaml(
    tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """The same from Pulumi YAML, through the plugin's schema: one of each registered
    resource, references by ``${r.id}``, each found by its lookup; no change on preview and
    refresh; destroy leaves nothing."""
    source = tmp_path / "source" / "every"
    source.mkdir(parents=True)
    (source / "Pulumi.yaml").write_text("name: placeholder\nruntime: yaml\n")
    proj = PulumiProject(tmp_path / "yaml", source=source, base_url=emulator.base_url)
    (proj.dir / "Pulumi.yaml").write_text(every_resource_yaml(SPECS, str(VENV_BIN)))
    proj.init()
    proj.up()
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    outs = proj.stack_outputs()
    for spec in SPECS:
        assert outs[f"{spec.name}Found"] == example(spec, suffix=" (yaml)")[spec.name_field]
        for path in spec.fields.password_paths:
            secret = path_value(example(spec), path)
            assert all(secret not in text for text in proj.outputs), (spec.name, path)
    proj.destroy()
    state = admin.get("state").json()
    assert state["connections"] == [] and not any(state["objects"].values()), state
