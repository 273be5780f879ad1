"""Every example stack runs against the emulator with the real CLI: preview, up, a no-change
preview, destroy."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from pulumi_uac.emulator import EmulatorServer

from .conftest import API_KEY, REPO, PulumiProject

pytestmark = pytest.mark.e2e
EXAMPLES = REPO / "examples"
CC_APP = "1293384261075731499"


def run_cycle(
    proj: PulumiProject,
    stack: str,
    admin: httpx.Client,
    expect: int,
    config: dict[str, tuple[str, bool]] | None = None,
) -> dict[str, Any]:
    proj.run("stack", "init", stack)
    for key, (value, secret) in (config or {}).items():
        proj.config(key, value, secret=secret)
    proj.preview()
    proj.up()
    outputs = proj.stack_outputs()
    assert len(admin.get("state").json()["connections"]) == expect
    proj.preview("--expect-no-changes")
    return outputs


def make(tmp_path: Path, emulator: EmulatorServer, folder: str, **kw: Any) -> PulumiProject:
    return PulumiProject(
        tmp_path / folder.replace("/", "-"),
        source=EXAMPLES / folder,
        base_url=emulator.base_url,
        **kw,
    )


SECRET = {"pbxPassword": ("example-pbx-password", True)}


def deletes_in_order(admin: httpx.Client, first: str, then: str) -> None:
    """Every DELETE of the ``first`` collection came before any of ``then`` (dependency order)."""
    log = [r["route"] for r in admin.get("requests").json()["requests"] if r["method"] == "DELETE"]
    firsts = [i for i, route in enumerate(log) if route == f"/v2/{first}/{{id}}"]
    thens = [i for i, route in enumerate(log) if route == f"/v2/{then}/{{id}}"]
    assert firsts and thens and max(firsts) < min(thens), log


def test_ai_assistant(tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client) -> None:
    proj = make(tmp_path, emulator, "ai-assistant")
    outs = run_cycle(proj, "dev", admin, 2, SECRET)
    made = {a["id"]: a["name"] for a in admin.get("state").json()["objects"]["AiAssistant"]}
    for ext, name in (("1006", "Sales desk"), ("1007", "Support desk")):
        assistant = outs[f"ext_{ext}_assistant"]
        assert made[assistant] == name
        destination = outs[f"ext_{ext}_destination"]["destination_uri"]
        assert destination == f"{ext}@{assistant}.sip.telnyx.com"
    admin.delete("requests")
    proj.destroy()
    state = admin.get("state").json()
    assert state["connections"] == [] and state["objects"]["AiAssistant"] == []
    deletes_in_order(admin, "uac_connections", "ai/assistants")


def test_call_control(tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client) -> None:
    """The example builds what it uses: the connection routes to the application the same stack
    created, both place calls through the profile it created, and `destroy` removes them in
    dependency order (the emulator, strictly, refuses to delete a profile still in use)."""
    proj = make(tmp_path, emulator, "call-control")
    outs = run_cycle(proj, "dev", admin, 1, SECRET)
    assert outs["registration_status"] == "Registered"
    state = admin.get("state").json()
    (conn,) = state["connections"]
    (app,) = state["objects"]["CallControlApplication"]
    (profile,) = state["objects"]["OutboundVoiceProfile"]
    assert (app["id"], profile["id"]) == (outs["application"], outs["profile"])
    assert conn["internal_uac_settings"]["destination_uri"] == (
        f"2000@cc-app-{app['id']}.sip.telnyx.com"
    )
    assert conn["outbound"]["outbound_voice_profile_id"] == profile["id"]
    assert app["outbound"]["outbound_voice_profile_id"] == profile["id"]
    admin.delete("requests")
    proj.destroy()
    deletes = [
        r["path"].split("/")[2]
        for r in admin.get("requests").json()["requests"]
        if r["method"] == "DELETE" and r["status"] == 200
    ]
    assert deletes == ["uac_connections", "call_control_applications", "outbound_voice_profiles"]
    after = admin.get("state").json()
    assert after["connections"] == [] and all(v == [] for v in after["objects"].values())


@pytest.mark.parametrize(
    ("stack", "proxy", "transport", "destination"),
    [
        (
            "dev",
            "sip:pbx.dev.example.com:5060",
            "UDP",
            "1006@assistant-dev-assistant.sip.telnyx.com",
        ),
        (
            "prod",
            "sip:pbx.prod.example.com:5061",
            "TLS",
            "1006@cc-app-1293384261075731499.sip.telnyx.com",
        ),
    ],
)
def test_multi_env(
    tmp_path: Path,
    emulator: EmulatorServer,
    admin: httpx.Client,
    stack: str,
    proxy: str,
    transport: str,
    destination: str,
) -> None:
    proj = make(tmp_path, emulator, "multi-env", passphrase="pulumi-uac-examples")
    outs = run_cycle(proj, stack, admin, 1)
    assert outs["destination"] == destination and outs["environment"] == stack
    stored = admin.get("state", params={"reveal": "true"}).json()["connections"][0]
    ext = stored["external_uac_settings"]
    assert (ext["proxy"], ext["transport"]) == (proxy, transport)
    assert ext["password"] == f"{stack}-pbx-secret-{1 if stack == 'dev' else 2}"
    assert f"env:{stack}" in stored["tags"]
    proj.destroy()
    assert admin.get("state").json()["connections"] == []


def test_stack_reference(tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client) -> None:
    apps = PulumiProject(
        tmp_path / "sr", source=EXAMPLES / "stack-reference" / "apps", base_url=emulator.base_url
    )
    conns = PulumiProject(
        tmp_path / "sr",
        source=EXAMPLES / "stack-reference" / "connections",
        base_url=emulator.base_url,
    )
    run_cycle(apps, "dev", admin, 0, {"assistantId": ("shared-7", False)})
    outs = run_cycle(conns, "dev", admin, 2, SECRET)
    assert (
        outs["front_desk_destination"]["destination_uri"] == "100@assistant-shared-7.sip.telnyx.com"
    )
    assert (
        outs["ivr_destination"]["destination_uri"]
        == "200@cc-app-1293384261075731499.sip.telnyx.com"
    )
    conns.destroy()
    apps.destroy()
    assert admin.get("state").json()["connections"] == []


def test_many_extensions(tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client) -> None:
    proj = make(tmp_path, emulator, "many-extensions")
    outs = run_cycle(proj, "dev", admin, 10, SECRET)
    numbers = [str(n) for n in range(1001, 1011)]
    assert sorted(outs["extensions"]) == numbers
    routes = outs["routes"]
    expected = {
        "sales": "{}@{}.sip.telnyx.com",
        "support": "{}@{}.sip.telnyx.com",
        "ivr": "{}@cc-app-{}.sip.telnyx.com",
    }
    order = list(expected)
    state = admin.get("state").json()
    made = {o["id"] for objects in state["objects"].values() for o in objects}
    assert set(routes.values()) <= made  # each destination is an application this stack made
    for conn in state["connections"]:
        number = conn["external_uac_settings"]["username"].removeprefix("ext")
        route = order[int(number) % 3]
        wanted = expected[route].format(number, routes[route])
        assert conn["internal_uac_settings"]["destination_uri"] == wanted
        assert outs["extensions"][number]["fqdn"] == conn["fqdn"]
        assert conn["connection_name"] == f"Extension {number}"
    admin.delete("requests")
    proj.destroy()
    after = admin.get("state").json()
    assert after["connections"] == [] and all(v == [] for v in after["objects"].values())
    deletes_in_order(admin, "uac_connections", "ai/assistants")
    deletes_in_order(admin, "uac_connections", "call_control_applications")


def test_yaml(tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client) -> None:
    """Every resource and the SipAttach component (constructed by the plugin) from YAML."""
    proj = make(tmp_path, emulator, "yaml")
    outs = run_cycle(proj, "dev", admin, 3, SECRET)
    assert outs["fqdn"].endswith(".uac.telnyx.com")
    conns = admin.get("state", params={"reveal": "true"}).json()["connections"]
    by_name = {c["connection_name"]: c for c in conns}
    office = by_name["Office PBX (YAML)"]
    assert office["external_uac_settings"]["password"] == "example-pbx-password"
    assert office["inbound"]["codecs"] == ["G722", "G711U"]
    # The profile and the application, wired by outputs, through the plugin's schema.
    assert office["outbound"]["outbound_voice_profile_id"] == outs["profile"]
    (app,) = admin.get("state").json()["objects"]["CallControlApplication"]
    assert app["id"] == outs["ivr"]
    assert app["outbound"]["outbound_voice_profile_id"] == outs["profile"]
    # The connection and the component's extensions reach what this stack created.
    (desk,) = admin.get("state").json()["objects"]["AiAssistant"]
    assert desk["id"] == outs["desk"]
    assert office["internal_uac_settings"]["destination_uri"] == f"1006@{desk['id']}.sip.telnyx.com"
    for number, uri in (("1007", f"1007@{desk['id']}"), ("2000", f"2000@cc-app-{app['id']}")):
        ext = by_name[f"Branch PBX (YAML) {number}"]
        assert ext["internal_uac_settings"]["destination_uri"] == f"{uri}.sip.telnyx.com"
        assert ext["external_uac_settings"]["proxy"] == "sip:branch-pbx.example.com:5060"
        assert ext["external_uac_settings"]["username"] == f"ext{number}"
        assert ext["external_uac_settings"]["password"] == "example-pbx-password"
        assert ext["outbound"]["outbound_voice_profile_id"] == outs["profile"]
        assert ext["tags"][0] == "yaml"
        assert outs["extensions"][number] == {
            "fqdn": ext["fqdn"],
            "registrationStatus": ext["registration_status"],
        }
    # The state speaks the schema's camelCase, nested keys too; Telnyx got the API's names.
    resources = proj.export()["deployment"]["resources"]
    for res in resources:
        if res["type"].startswith("telnyx:index:"):
            recorded = json.dumps([res.get("inputs"), res.get("outputs")])
            assert "_" not in "".join(re.findall(r'"(\w+)":', recorded)), recorded
    # Each extension is a child of the component, and the password is a secret in the state.
    by_res = {r["urn"].rsplit("::", 1)[-1]: r for r in resources}
    assert by_res["branch-1007"]["parent"].endswith("telnyx:index:SipAttach::branch")
    # Each connection depends on what its destination names, so destroy deletes it first.
    for number, target in (("1007", "desk"), ("2000", "ivr")):
        deps = by_res[f"branch-{number}"]["propertyDependencies"]["internalUacSettings"]
        assert by_res[target]["urn"] in deps, deps
    assert "example-pbx-password" not in json.dumps(resources)
    assert outs["userName"] and outs["registrationStatus"]
    admin.delete("requests")
    proj.destroy()
    after = admin.get("state").json()
    assert after["connections"] == [] and all(v == [] for v in after["objects"].values())
    deletes_in_order(admin, "uac_connections", "ai/assistants")
    deletes_in_order(admin, "uac_connections", "outbound_voice_profiles")
    assert "example-pbx-password" not in "\n".join(proj.outputs)


def test_the_examples_readme_by_hand_path_works_as_written(
    tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """The examples README's commands, run in a shell as a reader would (its `make up` stands
    for the running emulator this test provides)."""
    state = tmp_path / "state"
    state.mkdir()
    (state / "emulator.url").write_text(emulator.base_url + "\n")
    script = f"""
set -euo pipefail
eval "$(make -s -C {REPO} env STATE={state} PULUMI_HOME={tmp_path / "home"} EMULATOR_KEY={API_KEY})"
cd {REPO}/examples/ai-assistant
pulumi stack init readme-test && pulumi config set --secret pbxPassword demo-password \\
  && pulumi up --yes
pulumi destroy --yes && pulumi stack rm --yes readme-test
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "TELNYX_"))}
    env["PATH"] = ":".join(p for p in env["PATH"].split(":") if "pulumi-uac/engine" not in p)
    proc = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "+ 5 created" in proc.stdout
    assert admin.get("state").json()["connections"] == []
    assert not (EXAMPLES / "ai-assistant" / "Pulumi.readme-test.yaml").exists()


def test_yaml_passwords_written_as_plain_text_are_secret_in_the_state(
    tmp_path: Path, emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """A YAML program (any language without our SDK's wrapping) may write a password as a
    literal: the plugin's check makes both passwords secret before the state records them."""
    proj = make(tmp_path, emulator, "yaml")
    yaml = proj.dir / "Pulumi.yaml"
    text = yaml.read_text().replace("password: ${pbxPassword}", "password: Yaml-Literal-Pbx-1")
    text = text.replace(
        "connectionName: Office PBX (YAML)",
        "connectionName: Literal\n      password: Yaml-Literal-Top-2",
    )
    yaml.write_text(text)
    run_cycle(proj, "dev", admin, 3, SECRET)
    conns = admin.get("state", params={"reveal": "true"}).json()["connections"]
    (conn,) = [c for c in conns if c["connection_name"] == "Literal"]
    assert conn["password"] == "Yaml-Literal-Top-2"
    # The SipAttach's extensions too: the plugin's component passes them to its connections.
    assert {c["external_uac_settings"]["password"] for c in conns} == {"Yaml-Literal-Pbx-1"}
    blobs = [json.dumps(proj.export()), "\n".join(proj.outputs)]
    blobs += [p.read_text(errors="replace") for p in proj.state_files()]
    assert not [b for b in blobs if "Yaml-Literal" in b]
    proj.destroy()
