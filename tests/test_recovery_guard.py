"""Tools that delete or untag act only when no run of the stack is live, and only on this
stack's own evidence: each tried through the real CLI against a live `up` of the same stack,
and against the connections of another project on another backend and of a stack that imported
one."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest

from .conftest import API_KEY, PulumiProject, resources_of
from .test_e2e_promises import live, state_ids

pytestmark = pytest.mark.e2e

SLOW = """
import pulumi
from pulumi_uac import UacConnection
cfg = pulumi.Config()
wait = cfg.get_float("wait") or 0
for i in range(6):
    UacConnection(f"c{i}", connection_name=f"Live {i}",
        external_uac_settings={"proxy": "sip:pbx.example.com", "username": f"user{i}",
                               "password": "Live-run-pw-1"},
        wait_for_registration=wait)
"""


@pytest.mark.parametrize(
    ("mode", "wait"), [("dynamic", True), ("native", True), ("native", False), ("dynamic", False)]
)
def test_nothing_deletes_while_a_run_of_the_stack_is_live(
    project_factory: Any, admin: httpx.Client, mode: str, wait: bool
) -> None:
    """`recover`, `orphans --delete` and `release` against a live `up` of the same stack (a
    slow API, with and without a registration wait): each refuses before its first write, and
    the live run ends with every connection it made intact and its state's ids on Telnyx."""
    proj: PulumiProject = project_factory(SLOW, mode=mode)
    proj.init()
    if wait:
        proj.config("wait", "30")
        admin.patch("config", json={"registration_delay": 6})
        admin.put("faults", json={"latency_ms": 300})
    else:
        admin.put("faults", json={"latency_ms": 2500})
    run = proj.start("up", "--yes", "--skip-preview", "--parallel", "2")
    try:
        deadline = time.monotonic() + 90
        while len(live(admin)) < 2:
            assert run.poll() is None, run.stdout.read() if run.stdout else ""
            assert time.monotonic() < deadline, "the run never reached the emulator"
            time.sleep(0.05)
        in_flight = live(admin)[0]["id"]
        for args in (
            ("recover",),
            ("orphans", "--delete"),
            ("release", in_flight, "--confirm-id", in_flight),
        ):
            refused = proj.recovery(*args, check=False)
            assert refused.returncode == 1, (args, refused.stdout, refused.stderr)
            assert "refusing to" in refused.stderr and "Nothing was changed" in refused.stderr
            assert "still going" in refused.stderr
        assert run.poll() is None, "the run ended before every tool was tried"
        assert run.wait(timeout=180) == 0, run.stdout.read() if run.stdout else ""
    finally:
        admin.delete("faults")
    conns = live(admin)
    assert len(conns) == 6 and {c["id"] for c in conns} == state_ids(proj)
    for conn in conns:
        assert any(t.startswith("pulumi-uac:") for t in conn["tags"]), conn
    proj.preview("--expect-no-changes")


def test_a_locked_stack_refuses_every_write_even_with_no_process_here(
    project_factory: Any, admin: httpx.Client
) -> None:
    """A run on another machine shows only as the backend's lock: the tools refuse on it."""
    proj: PulumiProject = project_factory(SLOW)
    proj.init()
    proj.up()
    before = live(admin)
    lock_dir = proj.root / "backend" / ".pulumi" / "locks" / "organization" / "uac-test" / "test"
    lock_dir.mkdir(parents=True, exist_ok=True)
    (lock_dir / "elsewhere.json").write_text(
        json.dumps({"pid": 1, "username": "ci", "hostname": "runner-7"})
    )
    victim = before[0]["id"]
    for args in (
        ("recover",),
        ("orphans", "--delete"),
        ("release", victim, "--confirm-id", victim),
    ):
        refused = proj.recovery(*args, check=False)
        assert refused.returncode == 1 and "locked" in refused.stderr, refused.stderr
        assert "Nothing was changed" in refused.stderr
    (lock_dir / "elsewhere.json").unlink()
    assert live(admin) == before
    assert "nothing to recover" in proj.recovery("recover").stdout


OWNED = """
import pulumi
from pulumi_uac import UacConnection
c = UacConnection("pbx", connection_name=pulumi.Config().get("name") or "Shared name")
pulumi.export("id", c.id)
"""


def test_no_tool_touches_another_stacks_connections(
    project_factory: Any, admin: httpx.Client
) -> None:
    """Two projects with the same names on two backends, and a third stack that imported one of
    the first's connections: every cross-use of `orphans`, `--tag`, `release` and `recover`
    leaves the others' connections untouched. The two are dynamic and the importer native, so
    the tools read both families' states (once: running it for both families again doubled
    one of the suite's longest tests for no new path)."""
    mode = "dynamic"
    first: PulumiProject = project_factory(OWNED, subdir="a", mode=mode)
    second: PulumiProject = project_factory(OWNED, subdir="b", mode=mode)
    for proj in (first, second):
        proj.init()
        proj.up()
    theirs = first.stack_outputs()["id"]
    # `pulumi import` (the native plugin's) reads the connection into a third stack.
    importer: PulumiProject = project_factory("", subdir="c", name="importer", mode="native")
    importer.init()
    importer.run(
        "import",
        "telnyx:index:UacConnection",
        "imported",
        theirs,
        "--yes",
        "--generate-code=false",
    )
    before = {c["id"]: c for c in live(admin)}
    assert len(before) == 2
    tag_a = next(t for t in before[theirs]["tags"] if t.startswith("pulumi-uac:"))
    ours = second.stack_outputs()["id"]

    # The importer holds neither: every check runs once, and `release` is tried for both.
    for proj, others in ((second, (theirs,)), (importer, (ours, theirs))):
        listing = proj.recovery("orphans").stdout
        deleting = proj.recovery("orphans", "--delete", check=False)
        if proj is second:
            # Same project and stack name on another backend: the stack mark is the same, so
            # the first's connection is reported as unlinked, and never deleted unless named.
            assert theirs in listing and "no record of this stack links" in listing
            assert deleting.returncode == 1 and "left alone" in deleting.stderr
        else:
            assert "no orphaned" in listing and deleting.returncode == 0
        proj.recovery("recover")
        listed = proj.recovery("orphans", "--tag", tag_a, "--json")
        refused = proj.recovery("orphans", "--tag", tag_a, "--delete", check=False)
        if json.loads(listed.stdout):
            assert refused.returncode == 1 and "no record of this stack" in refused.stderr
            assert "--confirm-id" in refused.stderr
        for other in others:
            rel = proj.recovery("release", other, check=False)
            assert rel.returncode == 1, rel.stdout
            assert "held by this stack" in rel.stderr or "no record of this stack" in rel.stderr
    assert {c["id"]: c for c in live(admin)} == before
    for proj in (first, second):
        proj.preview("--expect-no-changes")
    (held,) = resources_of(importer.export())
    importer.run("state", "delete", held["urn"], "--yes", "--force")
    first.destroy()
    second.destroy()
    assert live(admin) == []


def test_a_wrong_passphrase_stops_before_telnyx_and_recover_says_one_thing(
    project_factory: Any, admin: httpx.Client
) -> None:
    proj: PulumiProject = project_factory(OWNED)
    proj.init()
    proj.config("telnyx:apiKey", API_KEY, secret=True)
    proj.env.pop("TELNYX_API_KEY")
    proj.env["PULUMI_CONFIG_PASSPHRASE"] = "not-the-passphrase"
    for args in (("recover",), ("orphans",)):
        proc = proj.recovery(*args, check=False)
        assert proc.returncode == 1 and "cannot read the stack's configuration" in proc.stderr
        assert "passphrase" in proc.stderr.lower() and "401" not in proc.stderr
    assert admin.get("requests").json()["counts"] == {}
    proj.env["PULUMI_CONFIG_PASSPHRASE"] = "test-passphrase"
    out = proj.recovery("recover").stdout
    assert out.strip() == (
        "nothing to recover: no interrupted operation is recorded in the stack's state"
    )


TWO = """
from pulumi_uac import UacConnection
UacConnection("a", connection_name="Kept A")
UacConnection("b", connection_name="Kept B")
"""


def test_the_stack_mark_follows_the_project_not_the_folder_nor_a_moved_connection(
    project_factory: Any, admin: httpx.Client
) -> None:
    """Review findings: run from a subfolder, `orphans` finds the project as the CLI does; a
    connection moved to another stack (`pulumi state move`) or held by a renamed stack is that
    stack's, never listed; `release` takes the stack mark away too."""
    proj: PulumiProject = project_factory(TWO)
    proj.init()
    proj.up()
    a, b = sorted(resources_of(proj.export()), key=lambda r: r["urn"])
    proj.run("state", "delete", a["urn"], "--yes", "--force")  # a: this stack's orphan
    (proj.dir / "sub").mkdir()
    for args in (("orphans", "--json"), ("orphans", "--json", "--cwd", "sub")):
        listed = {o["id"] for o in json.loads(proj.recovery(*args).stdout)}
        assert listed == {a["id"]}, args
    sub = proj.dir / "sub"
    listed_here = proj.recovery_in(sub, "orphans", "--json")
    assert {o["id"] for o in json.loads(listed_here.stdout)} == {a["id"]}
    # b moves to another stack of the project: it is theirs now.
    proj.run("stack", "init", "other")
    proj.run("stack", "select", "test")
    proj.run("state", "move", "--source", "test", "--dest", "other", b["urn"], "--yes")
    listed = {o["id"] for o in json.loads(proj.recovery("orphans", "--json").stdout)}
    assert listed == {a["id"]}
    # Released, a carries no mark of this stack any more.
    proj.recovery("release", a["id"], "--confirm-id", a["id"])
    tags = next(c["tags"] for c in live(admin) if c["id"] == a["id"])
    assert not [t for t in tags if t.startswith("pulumi-uac")], tags
    assert "no orphaned" in proj.recovery("orphans").stdout


def test_a_global_flag_s_value_is_never_taken_for_the_cli_s_command() -> None:
    from pulumi_uac.recovery.processes import Process

    def command(*args: str) -> str | None:
        return Process(1, tuple(a.encode() for a in ("/usr/bin/pulumi", *args)), "/").command

    assert command("--tracing", "file:/tmp/x.json", "refresh", "--yes") == "refresh"
    assert command("-C", "infra", "up") == "up"
    assert command("--profiling", "prof", "destroy") == "destroy"
    assert command("stack", "import") == "stack"


def test_a_cli_call_that_never_ends_stops_with_a_message(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pulumi_uac.recovery.errors import RecoveryError
    from pulumi_uac.recovery.stack import PULUMI_ENV, Stack

    hangs = tmp_path / "pulumi"
    hangs.write_text("#!/bin/sh\nsleep 30\n")
    hangs.chmod(0o755)
    monkeypatch.setenv(PULUMI_ENV, str(hangs))
    started = time.monotonic()
    with pytest.raises(RecoveryError, match=r"`pulumi stack ls` did not finish in 1 s"):
        Stack("dev", str(tmp_path)).run("stack", "ls", timeout=1)
    assert time.monotonic() - started < 20
    # A command that writes may have been stopped part-way: never "nothing was changed".
    with pytest.raises(RecoveryError) as stopped:
        Stack("dev", str(tmp_path)).run("stack", "import", timeout=1)
    assert "perhaps part-way" in str(stopped.value) and "nothing" not in str(stopped.value)
