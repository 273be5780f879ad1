"""The native provider plugin through the real CLI: import, lookups, per-property diffs, the
migration from the dynamic resource, concurrency, custom timeouts, one-line errors, the schema,
and both ways a user makes the plugin available."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from pulumi_uac.core.names import camel, names_of
from pulumi_uac.emulator import EmulatorServer
from pulumi_uac.models import SPECS, UAC_CONNECTION
from pulumi_uac.resource import sip_attach
from pulumi_uac.resource.input_types import field_docs

from .conftest import VENV_BIN, PulumiProject, pulumi_binary, request_counts, resources_of

pytestmark = pytest.mark.e2e
NATIVE = "telnyx:index:UacConnection"


def live(admin: httpx.Client) -> list[dict[str, Any]]:
    conns: list[dict[str, Any]] = admin.get("state").json()["connections"]
    return conns


# -------------------- import


IMPORTED = """
from pulumi_uac.native import UacConnection
UacConnection("imported", connection_name="Made by hand",
    inbound={"codecs": ["G722"], "sip_region": "Europe"},
    internal_uac_settings={"destination_uri": "2000@cc-app-9.sip.telnyx.com"},
    tags=["legacy"], {extra})
"""


def made_by_hand(api: httpx.Client) -> dict[str, Any]:
    body = {
        "connection_name": "Made by hand",
        "inbound": {"codecs": ["G722"], "sip_region": "Europe"},
        "internal_uac_settings": {"destination_uri": "2000@cc-app-9.sip.telnyx.com"},
        "tags": ["legacy"],
    }
    data: dict[str, Any] = api.post("uac_connections", json=body).json()["data"]
    return data


def test_pulumi_import_then_the_matching_program_previews_no_changes(
    project_factory: Any, api: httpx.Client, admin: httpx.Client
) -> None:
    """The Terraform ImportStateVerify discipline: import, write the program, no diff."""
    conn = made_by_hand(api)
    proj: PulumiProject = project_factory(IMPORTED.replace(", {extra}", ""), mode="native")
    proj.init()
    out = proj.run(
        "import", NATIVE, "imported", conn["id"], "--yes", "--generate-code=false"
    ).stdout
    assert "1 imported" in out, out
    (res,) = resources_of(proj.export())
    assert res["id"] == conn["id"] and res["protect"] is True
    assert res["inputs"]["inbound"]["sipRegion"] == "Europe"
    admin.delete("requests")
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    assert len(live(admin)) == 1
    proj.run("state", "unprotect", res["urn"], "--yes")
    proj.destroy()
    assert live(admin) == []


def test_import_option_adopts_without_a_write(
    project_factory: Any, api: httpx.Client, admin: httpx.Client
) -> None:
    conn = made_by_hand(api)
    program = IMPORTED.replace("{extra}", f"opts=pulumi.ResourceOptions(import_={conn['id']!r})")
    proj: PulumiProject = project_factory("import pulumi\n" + program, mode="native")
    proj.init()
    admin.delete("requests")
    proj.up()
    assert set(request_counts(admin)) == {"GET /v2/uac_connections/{id}"}  # a read, no write
    (res,) = resources_of(proj.export())
    assert res["id"] == conn["id"]
    proj.preview("--expect-no-changes")


def test_importing_an_id_that_does_not_exist_fails_and_records_nothing(
    project_factory: Any,
) -> None:
    proj: PulumiProject = project_factory(IMPORTED.replace(", {extra}", ""), mode="native")
    proj.init()
    proc = proj.run(
        "import", NATIVE, "ghost", "424242", "--yes", "--generate-code=false", check=False
    )
    assert proc.returncode != 0 and "does not exist" in proc.stdout + proc.stderr
    assert resources_of(proj.export()) == []


def test_an_imported_connection_that_another_resource_owns_is_never_changed_or_deleted(
    project_factory: Any, admin: httpx.Client
) -> None:
    """Importing is reading; but then changing the connection (its tags: the owner's mark
    would go) or destroying it would act on another stack's connection: both are refused."""
    owner: PulumiProject = project_factory(MANY.replace("or 12", "or 1"), mode="native", subdir="a")
    owner.init()
    owner.up()
    (conn,) = live(admin)
    program = "import pulumi\n" + IMPORTED.replace("Made by hand", "Parallel 0").replace(
        "{extra}", f"opts=pulumi.ResourceOptions(import_={conn['id']!r})"
    )
    thief: PulumiProject = project_factory(program, mode="native", subdir="b")
    thief.init()
    proc = thief.run("up", "--yes", "--skip-preview", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "belongs to another Pulumi resource" in out, out
    assert "pulumi-uac release" in out and "Traceback" not in out
    (after,) = live(admin)
    assert after["tags"] == conn["tags"] and after["inbound"] == conn["inbound"]
    proc = thief.run("destroy", "--yes", "--skip-preview", check=False)
    assert proc.returncode != 0 and "will not delete" in proc.stdout + proc.stderr
    assert len(live(admin)) == 1
    owner.refresh("--expect-no-changes")
    owner.destroy()
    assert live(admin) == []


# -------------------- functions


def test_lookups_by_id_and_by_name_and_their_errors(
    project_factory: Any, api: httpx.Client, admin: httpx.Client
) -> None:
    conn = made_by_hand(api)
    api.post("uac_connections", json={"connection_name": "Twin"})
    api.post("uac_connections", json={"connection_name": "Twin"})
    program = """
import pulumi
from pulumi_uac.native import get_registration_status, get_uac_connection
cfg = pulumi.Config()
by_id = get_uac_connection(id=cfg.require("id"))
by_name = get_uac_connection(connection_name="Made by hand")
pulumi.export("fqdn", by_id.fqdn)
pulumi.export("same", by_id.id == by_name.id)
pulumi.export("codecs", by_name.inbound["codecs"])
pulumi.export("region", by_name.inbound["sip_region"])
pulumi.export("destination", by_id.internal_uac_settings["destination_uri"])
pulumi.export("status", get_registration_status(cfg.require("id")).status)
if cfg.get("name"):
    get_uac_connection(connection_name=cfg.get("name"))
if cfg.get("missing"):
    get_registration_status(cfg.get("missing"))
if cfg.get("neither"):
    get_uac_connection()
"""
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    proj.config("id", conn["id"])
    proj.up()
    outs = proj.stack_outputs()
    assert outs["fqdn"] == conn["fqdn"] and outs["same"] is True
    assert outs["codecs"] == ["G722"] and outs["status"] == "Not Applicable"
    # The plugin answers in camelCase; Python reads snake_case, nested keys too.
    assert outs["region"] == "Europe" and outs["destination"].startswith("2000@")
    for name, message in (
        ("Nobody", "0 UAC connections are named '[connectionName]'"),
        ("Twin", "2 UAC"),
    ):
        proj.config("name", name)
        proc = proj.run("preview", check=False)
        assert proc.returncode != 0 and message in proc.stdout + proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
    proj.run("config", "rm", "name")
    for key, message in (("missing", "404"), ("neither", "neither was given")):
        proj.config(key, "999999")
        proc = proj.run("preview", check=False)
        out = proc.stdout + proc.stderr
        assert proc.returncode != 0 and message in out and "Traceback" not in out, out
        proj.run("config", "rm", key)


# -------------------- diffs


def test_preview_diff_names_the_property_and_the_replace_rule(project_factory: Any) -> None:
    program = """
import pulumi
from pulumi_uac.native import UacConnection
cfg = pulumi.Config()
c = UacConnection("c", connection_name="Diffed", webhook_api_version=cfg.get("api") or "1",
    outbound={"call_parking_enabled": True}, inbound={"timeout_1xx_secs": cfg.get_int("t") or 3})
pulumi.export("t1xx", c.inbound.apply(lambda i: i["timeout_1xx_secs"]))
pulumi.export("name", c.connection_name)
"""
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    proj.up()
    # Outputs keep Python's names at any depth, as in the dynamic mode.
    assert proj.stack_outputs() == {"t1xx": 3, "name": "Diffed"}
    proj.config("t", "7")
    update = proj.preview("--diff").stdout
    assert re.search(r"~ timeout1xxSecs\s*: 3 => 7", update), update
    assert "replace" not in update
    proj.config("api", "texml")
    shown = proj.preview("--diff")
    replace = shown.stdout + shown.stderr
    assert re.search(r"~ webhookApiVersion\s*: \"1\" => \"texml\"", replace), replace
    assert "+-telnyx:index:UacConnection: (replace)" in replace
    assert (
        "webhookApiVersion becomes 'texml', which Telnyx accepts only when a UAC connection is "
        "created" in replace
    )


# -------------------- the migration from the dynamic resource


MIGRATED = """
import pulumi
from pulumi_uac import ExternalUacSettingsArgs
cfg = pulumi.Config()
if cfg.get_bool("native"):
    from pulumi_uac.native import UacConnection
else:
    from pulumi_uac import UacConnection
for i in range(3):
    UacConnection(f"c{i}", connection_name=f"Migrated {i}", password=cfg.require_secret("pw"),
        external_uac_settings=ExternalUacSettingsArgs(proxy="sip:pbx.example.com",
            username=f"reg-{i}", password=cfg.require_secret("pw")))
"""


def spelled(res: dict[str, Any]) -> str:
    """How a resource's recorded inputs and outputs spell their keys: "snake", "camel" or
    "mixed" (the serialized provider and secrets' own keys aside)."""
    keys = re.findall(r'"([A-Za-z]\w*)":', json.dumps([res.get("inputs"), res.get("outputs")]))
    snake = any("_" in k for k in keys)
    camel = any(re.search("[a-z][A-Z]", k) for k in keys)
    return "mixed" if snake and camel else "snake" if snake else "camel"


def test_changing_the_import_line_moves_a_stack_to_the_plugin_without_a_write(
    project_factory: Any, admin: httpx.Client
) -> None:
    proj: PulumiProject = project_factory(MIGRATED, list_plugin=True)
    proj.init()
    proj.config("pw", "Migrated-Password-1", secret=True)
    proj.up()
    before = {r["urn"]: r["id"] for r in resources_of(proj.export())}
    assert all(":dynamic" in u for u in before)
    assert all(spelled(r) == "snake" for r in resources_of(proj.export()))
    proj.config("native", "true")
    admin.delete("requests")
    preview = proj.preview("--diff")
    summary = preview.stdout.split("Resources:")[1]
    assert "replace" not in preview.stdout and "to create" not in summary, preview.stdout
    # The one update rewrites the state in the schema's names, and nothing else.
    assert "- connection_name" in preview.stdout and "+ connectionName" in preview.stdout
    proj.up()
    assert request_counts(admin) == {}  # no API call at all
    after = resources_of(proj.export())
    assert {r["id"] for r in after} == set(before.values())
    assert all(r["type"] == NATIVE for r in after)
    assert all("pulumi:providers:telnyx" in r["provider"] for r in after)
    assert all(spelled(r) == "camel" for r in after)
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    assert set(request_counts(admin)) == {"GET /v2/uac_connections/{id}"}  # through the plugin
    # And back: the dynamic class aliases the plugin's type. The one update records the
    # serialized provider the dynamic host needs later, and writes nothing to Telnyx.
    proj.config("native", "false")
    admin.delete("requests")
    back = proj.preview("--diff").stdout
    assert "replace" not in back and "create" not in back and "delete" not in back, back
    proj.up()
    assert set(request_counts(admin)) <= {"GET /v2/uac_connections/{id}"}
    returned = resources_of(proj.export())
    assert {r["id"] for r in returned} == set(before.values())
    assert all(":dynamic" in r["type"] for r in returned)
    assert all(spelled(r) == "snake" for r in returned)
    proj.preview("--expect-no-changes")
    proj.refresh("--expect-no-changes")
    proj.destroy()
    assert live(admin) == []
    assert "Migrated-Password-1" not in "\n".join(proj.outputs)


# -------------------- concurrency, timeouts, errors


MANY = """
import pulumi
from pulumi_uac.native import UacConnection
for i in range(int(pulumi.Config().get("count") or 12)):
    UacConnection(f"c{i}", connection_name=f"Parallel {i}")
"""


@pytest.mark.parametrize("mode", ["dynamic", "native"])
def test_calls_run_as_wide_as_the_engine_asks(
    project_factory: Any, admin: httpx.Client, mode: str
) -> None:
    program = MANY.replace("pulumi_uac.native", "pulumi_uac") if mode == "dynamic" else MANY
    proj: PulumiProject = project_factory(program, mode=mode)
    proj.init()
    admin.put("faults", json={"latency_ms": 400})
    proj.up("--parallel", "12")
    widest = admin.get("requests").json()["max_in_flight"]
    # The dynamic host serves 4 calls at once; the plugin has no ceiling of its own.
    assert widest <= 4 if mode == "dynamic" else widest > 4, widest
    admin.delete("faults")
    proj.destroy()


def test_custom_timeouts_bound_the_registration_wait(
    project_factory: Any, admin: httpx.Client
) -> None:
    program = """
import pulumi
from pulumi_uac.native import UacConnection
UacConnection("c", connection_name="Timed", wait_for_registration=600,
    external_uac_settings={"proxy": "sip:silent.example.com", "username": "reg-user",
                           "password": "pw-123456"},
    opts=pulumi.ResourceOptions(custom_timeouts=pulumi.CustomTimeouts(create="3s")))
"""
    admin.patch("config", json={"silent_proxies": ["*silent*"]})
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    proc = proj.run("up", "--yes", "--skip-preview", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "customTimeouts" in out and "was deleted" in out
    assert live(admin) == []


@pytest.mark.parametrize("mode", ["dynamic", "native"])
@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("telnyx:retryTimeout", "abc", "between 0 and 86400"),
        ("telnyx:retryTimeout", "100000", "between 0 and 86400"),
        ("telnyx:baseUrl", "ftp://example.com", "must start with http"),
    ],
)
def test_bad_provider_settings_fail_the_preview_before_any_call(
    project_factory: Any, admin: httpx.Client, mode: str, key: str, value: str, message: str
) -> None:
    program = MANY.replace("or 12", "or 1")
    if mode == "dynamic":
        program = program.replace("pulumi_uac.native", "pulumi_uac")
    proj: PulumiProject = project_factory(program, mode=mode)
    proj.init()
    proj.config(key, value)
    admin.delete("requests")
    proc = proj.preview(check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and message in out, out
    assert admin.get("requests").json()["total"] == 0


def test_expected_failures_are_one_line_without_a_traceback(project_factory: Any) -> None:
    proj: PulumiProject = project_factory(
        MANY.replace("or 12", "or 1"), mode="native", api_key="wrong"
    )
    proj.init()
    proc = proj.run("up", "--yes", "--skip-preview", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "401 Unauthorized" in out
    assert "Traceback" not in out and 'File "' not in out


# -------------------- the schema and the plugin's discovery


def test_the_schema_is_the_models(tmp_path: Path) -> None:
    proc = subprocess.run(
        [pulumi_binary(), "package", "get-schema", str(VENV_BIN / "pulumi-resource-telnyx")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PULUMI_HOME": str(tmp_path), "PATH": str(Path(pulumi_binary()).parent)},
    )
    assert proc.returncode == 0, proc.stderr
    schema = json.loads(proc.stdout)
    assert schema["name"] == "telnyx" and schema["config"]["variables"]["apiKey"]["secret"]
    res = schema["resources"][NATIVE]
    assert set(res["inputProperties"]) >= {camel(s.name) for s in UAC_CONNECTION.fields.request}
    assert res["requiredInputs"] == ["connectionName"]
    assert res["inputProperties"]["password"]["secret"] is True
    ext = schema["types"]["telnyx:index:ExternalUacSettings"]["properties"]
    assert ext["password"]["secret"] is True
    transport = schema["types"]["telnyx:index:ExternalUacSettingsTransport"]
    assert [e["value"] for e in transport["enum"]] == ["UDP", "TLS", "TCP"]
    assert res["properties"]["fqdn"]["type"] == "string"
    for spec in UAC_CONNECTION.fields.walk():
        owner = res["inputProperties"] if "." not in spec.path else None
        if owner is not None:
            wanted = names_of(UAC_CONNECTION).text(spec.description)
            assert owner[camel(spec.name)]["description"].startswith(wanted), spec.path
    # Pulumi's conventions: camelCase names everywhere (resources, types, functions), one
    # package name, and no property that replaces on every change (none does: see schema.py).
    names = [
        name
        for section in ("resources", "types", "functions")
        for entry in schema[section].values()
        for block in (entry, entry.get("inputs") or {}, entry.get("outputs") or {})
        for key in ("inputProperties", "properties")
        for name in block.get(key) or {}
    ]
    assert len(names) > 200 and [n for n in names if "_" in n] == []
    assert schema["language"]["python"]["packageName"] == "pulumi_uac"
    assert "willReplaceOnChanges" not in proc.stdout
    api_version = res["inputProperties"]["webhookApiVersion"]["description"]
    assert "Changing it to `texml` replaces" in api_version
    # One lookup per registered resource, and the registration status.
    assert set(schema["functions"]) == {
        *(f"telnyx:index:{spec.lookup_name}" for spec in SPECS),
        "telnyx:index:getRegistrationStatus",
    }
    assert {f"telnyx:index:{spec.name}" for spec in SPECS} < set(schema["resources"])
    # The component the plugin constructs, read off the Python classes it runs.
    component = schema["resources"]["telnyx:index:SipAttach"]
    assert component["isComponent"] is True
    assert component["requiredInputs"] == ["pbx", "extensions"]
    for args, token in (
        (sip_attach.SipAttachPbxArgs, "SipAttachPbx"),
        (sip_attach.SipAttachExtensionArgs, "SipAttachExtension"),
    ):
        props = schema["types"][f"telnyx:index:{token}"]["properties"]
        assert set(props) == {camel(f) for f in args.__annotations__}, token
        docs = field_docs(args)
        assert all(props[camel(f)]["description"] == d for f, d in docs.items()), token
    extension = schema["types"]["telnyx:index:SipAttachExtension"]
    assert extension["properties"]["password"]["secret"] is True
    assert extension["required"] == ["username", "password", "destination"]
    kinds = [o.get("$ref", o.get("type")) for o in extension["properties"]["destination"]["oneOf"]]
    assert kinds == ["string", *(f"#/resources/telnyx:index:{k}" for k in sip_attach.ROUTE_KINDS)]
    defaults = schema["types"]["telnyx:index:SipAttachConnectionDefaults"]["properties"]
    assert set(defaults) == set(res["inputProperties"]) - {camel(k) for k in sip_attach.NOT_SHARED}
    status = schema["types"]["telnyx:index:SipAttachExtensionStatus"]["properties"]
    assert set(status) == {"fqdn", "registrationStatus"}


def test_a_component_field_of_a_form_the_schema_does_not_know_fails_loudly() -> None:
    from pulumi_uac.native.components import _object_type

    class Odd:
        count: int
        """A number."""

    with pytest.raises(TypeError, match=r"Odd\.count: no schema type"):
        _object_type(Odd, "odd", {})


def test_a_resource_reference_arrives_with_its_id() -> None:
    """The engine writes a reference's id under ``id``; the framework in our pin reads
    ``resource_id``. The plugin copies it before the framework reads a request."""
    from google.protobuf import struct_pb2
    from pulumi.provider.experimental.property_value import PropertyValue, ResourceReference
    from pulumi.runtime import rpc
    from pulumi.runtime.proto import provider_pb2

    from pulumi_uac.core.values import UNKNOWN
    from pulumi_uac.provider.plugin.values import plain_map, with_reference_ids

    urn = "urn:pulumi:dev::p::telnyx:index:AiAssistant::desk"
    ref = struct_pb2.Struct()
    ref.update({rpc._special_sig_key: rpc._special_resource_sig, "urn": urn, "id": "assistant-1"})
    request = provider_pb2.ConstructRequest()
    request.inputs.update({"extensions": {"1006": {"destination": {}}}})
    request.inputs["extensions"]["1006"]["destination"] = ref
    before = PropertyValue.unmarshal_map(request.inputs)
    found = before["extensions"].value["1006"].value["destination"].value  # type: ignore[index,union-attr]
    assert isinstance(found, ResourceReference) and found.resource_id is None
    with_reference_ids(request)
    after = PropertyValue.unmarshal_map(request.inputs)
    found = after["extensions"].value["1006"].value["destination"].value  # type: ignore[index,union-attr]
    assert isinstance(found, ResourceReference) and found.resource_id == PropertyValue(
        "assistant-1"
    )
    # Where one of our resources takes a string, a resource given there is its id.
    plain, _ = plain_map(after)
    assert plain["extensions"]["1006"]["destination"] == "assistant-1"
    # A resource not created yet (a first preview) has no id: its id is unknown, not its URN.
    del ref.fields["id"]
    request.inputs["extensions"]["1006"]["destination"] = ref
    with_reference_ids(request)
    plain, _ = plain_map(PropertyValue.unmarshal_map(request.inputs))
    assert plain["extensions"]["1006"]["destination"] is UNKNOWN


AMBIENT = "using pulumi-resource-telnyx from $PATH"


def test_both_documented_ways_to_make_the_plugin_available(
    tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """The README's two routes, each silent: the project lists the plugin under `plugins` (with
    the venv activated, so the plugin is also on PATH); or it is installed once with
    `pulumi plugin install --file` (the venv not on PATH)."""
    program = MANY.replace("or 12", "or 1")
    listed = PulumiProject(tmp_path / "listed", program, base_url=emulator.base_url, mode="native")
    listed.env["PATH"] = f"{VENV_BIN}:{listed.env['PATH']}"
    installed = PulumiProject(tmp_path / "installed", program, base_url=emulator.base_url)
    installed.env["PATH"] = ":".join(
        p for p in installed.env["PATH"].split(":") if Path(p) != VENV_BIN
    )
    version = subprocess.run(
        [str(VENV_BIN / "python"), "-c", "import pulumi_uac; print(pulumi_uac.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    installed.run(
        "plugin",
        "install",
        "resource",
        "telnyx",
        version,
        "--file",
        str(VENV_BIN / "pulumi-resource-telnyx"),
    )
    for proj in (listed, installed):
        proj.init()
        out = proj.up().stdout
        assert AMBIENT not in out and "warning" not in out, out
        assert len(live(admin)) == 1
        proj.destroy()


def test_lookup_results_are_typed_exportable_and_strict_about_names(
    project_factory: Any, api: httpx.Client
) -> None:
    from pulumi_uac.core.properties import provider_input_names
    from pulumi_uac.models import RegistrationStatusResult
    from pulumi_uac.native import GetRegistrationStatusResult, GetUacConnectionResult
    from pulumi_uac.resource.generated.uac_connection import UacConnectionOutputs

    # The declared attributes follow the resource's outputs and the model: a stale copy fails.
    outputs = set(UacConnectionOutputs.__annotations__) - set(provider_input_names(UAC_CONNECTION))
    # A lookup reads an object no resource of the program holds: no token, nothing unconfirmed,
    # no marks of its own to miss.
    unheld = {"ownership_token", "unconfirmed_passwords", "missing_marks"}
    assert GetUacConnectionResult.fields() == (outputs - unheld) | {"id"}
    assert GetRegistrationStatusResult.fields() == set(RegistrationStatusResult.model_fields)
    conn = made_by_hand(api)
    program = f"""
import pulumi
import pulumi_uac.native as native
found = native.get_uac_connection(id={conn["id"]!r})
pulumi.export("whole", found)
pulumi.export("status", native.get_registration_status(id=found.id))
pulumi.export("later", native.get_uac_connection_output(id=found.id).fqdn)
try:
    found.fqnd
except AttributeError as exc:
    pulumi.export("typo", str(exc))
"""
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    proj.up()
    outs = proj.stack_outputs()
    assert outs["whole"]["fqdn"] == conn["fqdn"] == outs["later"]
    assert set(outs["whole"]) <= GetUacConnectionResult.fields()
    assert outs["status"]["status"] == "Not Applicable"
    assert "has no attribute 'fqnd'" in outs["typo"] and "fqdn" in outs["typo"]


def test_moving_back_to_dynamic_with_a_change_that_replaces_replaces(
    project_factory: Any, admin: httpx.Client
) -> None:
    """Review finding: back to the dynamic class *and* a change Telnyx takes only at create in
    the same program: the preview says replace (it said update, and `up` failed on Telnyx's
    refusal)."""
    program = """
import pulumi
cfg = pulumi.Config()
if cfg.get_bool("native"):
    from pulumi_uac.native import UacConnection
else:
    from pulumi_uac import UacConnection
UacConnection("c", connection_name="Back", webhook_api_version=cfg.get("api") or "1",
    outbound={"call_parking_enabled": True})
"""
    proj: PulumiProject = project_factory(program, list_plugin=True)
    proj.init()
    proj.config("native", "true")
    proj.up()
    (before,) = live(admin)
    proj.config("native", "false")
    proj.config("api", "texml")
    preview = proj.preview("--diff").stdout
    assert "1 to replace" in preview, preview
    proj.up()
    (after,) = live(admin)
    assert after["id"] != before["id"] and after["webhook_api_version"] == "texml"
    (res,) = resources_of(proj.export())
    assert ":dynamic" in res["type"] and spelled(res) == "snake"
    proj.preview("--expect-no-changes")
    proj.destroy()
    assert live(admin) == []


def test_a_state_written_by_the_snake_case_plugin_upgrades_without_a_write(
    project_factory: Any, admin: httpx.Client
) -> None:
    """Before the schema took Pulumi's camelCase, the plugin stored the API's names. Such a
    state (made here by rewriting an export, as that plugin wrote it) keeps working: `up`
    rewrites it once, with no request to Telnyx and no replacement, and a `refresh` does too."""
    from pulumi_uac.core.names import names_of

    program = MIGRATED.replace('if cfg.get_bool("native"):', "if True:")
    proj: PulumiProject = project_factory(program, mode="native")
    proj.init()
    proj.config("pw", "Snake-Password-1", secret=True)
    proj.up()
    current = proj.export()
    assert all(spelled(r) == "camel" for r in resources_of(current))

    def as_the_old_plugin_wrote_it() -> None:
        export = json.loads(json.dumps(current))
        for res in resources_of(export):
            for side in ("inputs", "outputs"):
                res[side] = names_of(UAC_CONNECTION).snake(res[side])
        proj.run("stack", "import", "--file", str(dump(proj, export)))
        assert all(spelled(r) == "snake" for r in resources_of(proj.export()))

    as_the_old_plugin_wrote_it()
    admin.delete("requests")
    preview = proj.preview("--diff").stdout
    assert "replace" not in preview and "+ connectionName" in preview, preview
    proj.up()
    assert request_counts(admin) == {}
    assert all(spelled(r) == "camel" for r in resources_of(proj.export()))
    proj.preview("--expect-no-changes")
    as_the_old_plugin_wrote_it()
    proj.refresh()
    assert all(spelled(r) == "camel" for r in resources_of(proj.export()))
    proj.preview("--expect-no-changes")
    assert set(request_counts(admin)) == {"GET /v2/uac_connections/{id}"}
    proj.destroy()
    assert live(admin) == []
    assert "Snake-Password-1" not in "\n".join(proj.outputs)


def dump(proj: PulumiProject, export: dict[str, Any]) -> Path:
    path = proj.root / "rewritten.json"
    path.write_text(json.dumps(export))
    return path
