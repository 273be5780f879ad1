"""Teams: many machines, one shared PostgreSQL backend (Pulumi's own DIY backend), one Telnyx
account. Each "machine" is a working copy of the project of its own, with its own
``PULUMI_HOME``; they share only the backend's URL, as CI runners and laptops do.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import EmulatorServer, PulumiProject, resources_of
from .postgres import PostgresCluster
from .test_e2e_promises import live, state_ids

pytestmark = pytest.mark.e2e

PROGRAM = """
import pulumi
from pulumi_uac import AiAssistant, UacConnection, destinations
cfg = pulumi.Config()
env = pulumi.get_stack()
desk = AiAssistant("desk", name=f"Desk {env}", instructions="Answer calls.")
for i in range(cfg.get_int("count") or 3):
    UacConnection(f"ext{i}", connection_name=f"{env} extension {i}",
        external_uac_settings={"proxy": "sip:pbx.example.com", "username": f"{env}-user{i}",
                               "password": cfg.require_secret("pw")},
        internal_uac_settings={"destination_uri": destinations.ai_assistant(f"10{i}", desk.id)})
pulumi.export("desk", desk.id)
"""
PASSWORDS = {"dev": "Team-dev-pbx-pw-1", "prod": "Team-prod-pbx-pw-2"}
PASSPHRASES = {"dev": "dev-passphrase", "prod": "prod-passphrase"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[PostgresCluster]:
    made = PostgresCluster()
    yield made
    made.stop()


@pytest.fixture
def backend(cluster: PostgresCluster) -> str:
    """A database of its own for this test, as ``pulumi login`` takes it."""
    return cluster.database(f"t_{uuid.uuid4().hex[:12]}")


class Machines:
    """Working copies of one project, each its own machine, on one backend."""

    def __init__(self, tmp_path: Path, emulator: EmulatorServer, backend: str) -> None:
        self.tmp_path, self.emulator, self.backend = tmp_path, emulator, backend
        self.made: list[PulumiProject] = []

    def machine(self, name: str, program: str = PROGRAM, **kw: Any) -> PulumiProject:
        proj = PulumiProject(
            self.tmp_path / name,
            program,
            name=kw.pop("project", "team"),
            base_url=self.emulator.base_url,
            extra_env={"PULUMI_BACKEND_URL": self.backend},
            **kw,
        )
        self.made.append(proj)
        return proj

    def reap(self) -> None:
        for proj in self.made:
            proj.reap()


@pytest.fixture
def machines(tmp_path: Path, emulator: EmulatorServer, backend: str) -> Iterator[Machines]:
    made = Machines(tmp_path, emulator, backend)
    yield made
    made.reap()


def _on_stack(proj: PulumiProject, stack: str, *, create: bool) -> None:
    """``proj`` works on ``stack`` (created with its own passphrase, or selected)."""
    proj.env["PULUMI_CONFIG_PASSPHRASE"] = PASSPHRASES.get(stack, "test-passphrase")
    if create:
        proj.run("stack", "init", stack)
        proj.config("pw", PASSWORDS.get(stack, "Team-other-pw-3"), secret=True)
    else:
        proj.run("stack", "select", stack)


def _pull(source: PulumiProject, *into: PulumiProject) -> None:
    """What ``git pull`` brings a working copy: the stack configuration files the other
    machine committed (secrets in them stay encrypted, with the stack's own passphrase)."""
    for path in source.dir.glob("Pulumi.*.yaml"):
        for proj in into:
            (proj.dir / path.name).write_bytes(path.read_bytes())


def _finish(run: Any, timeout: float = 240) -> tuple[int, str]:
    code = run.wait(timeout=timeout)
    return code, run.stdout.read() if run.stdout else ""


def _users(admin: httpx.Client) -> list[str]:
    return sorted(c["external_uac_settings"]["username"] for c in live(admin))


def test_dev_and_prod_deploy_at_once_from_two_machines(
    machines: Machines, admin: httpx.Client
) -> None:
    laptop, runner = machines.machine("laptop"), machines.machine("runner")
    _on_stack(laptop, "dev", create=True)
    _on_stack(runner, "prod", create=True)
    admin.put("faults", json={"latency_ms": 150})
    try:
        runs = [p.start("up", "--yes", "--skip-preview") for p in (laptop, runner)]
        results = [_finish(r) for r in runs]
    finally:
        admin.delete("faults")
    assert [code for code, _ in results] == [0, 0], results
    assert _users(admin) == sorted(f"{e}-user{i}" for e in ("dev", "prod") for i in range(3))
    # Each machine sees the other's stack on the shared backend, and finds it unchanged.
    _pull(laptop, runner)
    _pull(runner, laptop)
    listed = json.loads(laptop.run("stack", "ls", "--json").stdout)
    assert {s["name"].rsplit("/", 1)[-1] for s in listed} == {"dev", "prod"}
    _on_stack(laptop, "prod", create=False)
    laptop.preview("--expect-no-changes")
    _on_stack(runner, "dev", create=False)
    runner.preview("--expect-no-changes")
    for proj in (laptop, runner):
        proj.destroy()
    assert live(admin) == []


def test_the_same_stack_from_two_machines_at_once_runs_once(
    machines: Machines, admin: httpx.Client
) -> None:
    """One `up` holds the backend's lock; the other is refused at once, having changed
    nothing. Nothing is lost or duplicated, and the second machine then finds no changes."""
    first, second = machines.machine("first"), machines.machine("second")
    _on_stack(first, "dev", create=True)
    _pull(first, second)
    _on_stack(second, "dev", create=False)
    # The first run's creates are held at the API until the second has been refused: it is
    # still going then however busy the machine (a latency only made that likely).
    admin.post("faults/hold", json={"route": "POST /v2/uac_connections"})
    try:
        winner = first.start("up", "--yes", "--skip-preview")
        deadline = time.monotonic() + 90
        while not admin.get("faults/hold").json()["waiting"]:
            assert winner.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        loser = second.run("up", "--yes", "--skip-preview", check=False)
        assert winner.poll() is None, "the first run ended before the second was tried"
        admin.delete("faults/hold")
        code, out = _finish(winner)
    finally:
        admin.delete("faults")
    assert code == 0, out
    assert loser.returncode != 0 and "currently locked" in loser.stdout + loser.stderr
    assert _users(admin) == [f"dev-user{i}" for i in range(3)]
    assert {c["id"] for c in live(admin)} == state_ids(second)
    second.preview("--expect-no-changes")
    second.destroy()
    assert live(admin) == []


def test_an_up_killed_on_one_machine_is_recovered_from_another(
    machines: Machines, admin: httpx.Client
) -> None:
    """A runner dies mid-`up`. From a laptop: the tools refuse while the backend holds the
    dead run's lock; after `pulumi cancel`, `pulumi-uac recover` and `pulumi up` leave exactly
    the program's connections, none twice, none orphaned."""
    runner, laptop = machines.machine("runner"), machines.machine("laptop")
    _on_stack(runner, "dev", create=True)
    runner.config("count", "6")
    _pull(runner, laptop)
    _on_stack(laptop, "dev", create=False)
    admin.put("faults", json={"latency_ms": 2500})
    try:
        run = runner.start("up", "--yes", "--skip-preview", "--parallel", "2")
        deadline = time.monotonic() + 90
        while len(live(admin)) < 2:
            assert run.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        # Live on the runner: from the laptop (no process of the run there) the backend's lock
        # is the only evidence, and every tool that writes refuses on it.
        for args in (("recover",), ("orphans", "--delete")):
            refused = laptop.recovery(*args, check=False)
            assert refused.returncode == 1 and "locked" in refused.stderr, refused.stderr
            assert "Nothing was changed" in refused.stderr
        assert run.poll() is None, "the run ended before every tool was tried"
        os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
    finally:
        admin.delete("faults")
    made = {c["id"] for c in live(admin)}
    assert made, "the run was killed before it created anything"
    refused = laptop.recovery("recover", check=False)
    assert refused.returncode == 1 and "locked" in refused.stderr, refused.stderr
    laptop.run("cancel", "--yes")
    laptop.recovery("recover")
    laptop.up()
    conns = live(admin)
    assert sorted(c["external_uac_settings"]["username"] for c in conns) == [
        f"dev-user{i}" for i in range(6)
    ]
    assert {c["id"] for c in conns} == state_ids(laptop)
    assert "no orphaned" in laptop.recovery("orphans").stdout
    laptop.preview("--expect-no-changes")
    runner.preview("--expect-no-changes")
    laptop.destroy()
    assert live(admin) == []


CONSUMER = """
import pulumi
from pulumi_uac import UacConnection, destinations
shared = pulumi.StackReference(pulumi.Config().require("shared"))
UacConnection("office", connection_name="Consumer office",
    internal_uac_settings={"destination_uri": destinations.ai_assistant(
        "1006", shared.require_output("desk"))})
"""


def test_a_stack_reference_reads_a_stack_another_machine_deployed(
    machines: Machines, admin: httpx.Client
) -> None:
    platform = machines.machine("platform")
    _on_stack(platform, "shared", create=True)
    platform.up()
    desk = platform.stack_outputs()["desk"]
    consumer = machines.machine("consumer", CONSUMER, project="consumer")
    consumer.init("dev")
    consumer.config("shared", "organization/team/shared")
    consumer.up()
    (office,) = [c for c in live(admin) if c["connection_name"] == "Consumer office"]
    assert office["internal_uac_settings"]["destination_uri"] == f"1006@{desk}.sip.telnyx.com"
    consumer.preview("--expect-no-changes")
    consumer.destroy()
    platform.destroy()
    assert live(admin) == []


def test_secrets_are_per_stack_and_never_plain_in_the_database(
    machines: Machines, admin: httpx.Client, cluster: PostgresCluster, backend: str
) -> None:
    laptop = machines.machine("laptop")
    for stack in ("dev", "prod"):
        _on_stack(laptop, stack, create=True)
        laptop.up()
    # Each stack's secrets open only with its own passphrase.
    laptop.env["PULUMI_CONFIG_PASSPHRASE"] = PASSPHRASES["dev"]
    wrong = laptop.run("config", "get", "pw", "--stack", "prod", check=False)
    assert wrong.returncode != 0 and PASSWORDS["prod"] not in wrong.stdout
    database = backend.rsplit("/", 1)[-1].split("?")[0]
    # The backend keeps each object base64-encoded in a JSON column: read both forms.
    raw = cluster.sql(database, "SELECT key, data::text FROM pulumi_state")
    decoded = cluster.sql(
        database, "SELECT convert_from(decode(data->>'data', 'base64'), 'UTF8') FROM pulumi_state"
    )
    assert "Desk dev" in decoded and "Desk prod" in decoded  # both states are in the table
    for secret in PASSWORDS.values():
        assert secret not in raw and secret not in decoded
    for res in resources_of(laptop.export()):
        password = res["outputs"]["external_uac_settings"]["password"]
        assert isinstance(password, dict) and "ciphertext" in password
    assert not any(s in "\n".join(laptop.outputs) for s in PASSWORDS.values())
    for stack in ("dev", "prod"):
        _on_stack(laptop, stack, create=False)
        laptop.destroy()
    assert live(admin) == []


def test_the_orphan_finder_lists_a_backend_with_more_stacks_than_connections(
    machines: Machines, admin: httpx.Client
) -> None:
    """To tell an orphan from an object another stack holds, the tools list the project's
    stacks. Pulumi's PostgreSQL backend (3.260) hangs `pulumi stack ls` for good once its
    listing workers fill its connection pool (2 x GOMAXPROCS): 4 stacks on a 2-core runner.
    The tools list with one worker."""
    laptop = machines.machine("laptop")
    _on_stack(laptop, "dev", create=True)
    laptop.config("count", "2")
    laptop.up()
    for other in ("qa", "staging", "prod-eu"):
        laptop.run("stack", "init", other)
    # A stack of another project on the same backend, named as one of this project's.
    ops = machines.machine("ops", project="otherp")
    ops.env["PULUMI_CONFIG_PASSPHRASE"] = PASSPHRASES["dev"]
    ops.run("stack", "init", "dev")
    laptop.run("stack", "select", "dev")
    laptop.env["GOMAXPROCS"] = "1"  # a pool of 2 connections, whatever the machine
    # Pulumi's own listing hangs. When this fails, Pulumi has fixed it and
    # `Stack._stacks` can list as the CLI does.
    with pytest.raises(subprocess.TimeoutExpired):
        laptop.run("stack", "ls", "--json", timeout=8)
    orphan, moved = resources_of(laptop.export())
    laptop.run("state", "delete", orphan["urn"], "--yes")  # made by dev, no longer recorded
    # Made by dev too, now held by the other project's stack: not an orphan of dev.
    laptop.run(
        "state", "move", "--source", "organization/team/dev", "--dest",
        "organization/otherp/dev", "--yes", moved["urn"],
    )  # fmt: skip
    found = laptop.recovery("orphans")
    assert orphan["id"] in found.stdout and moved["id"] not in found.stdout, found.stdout
    laptop.recovery("orphans", "--delete", "--confirm-id", orphan["id"])
    assert {c["id"] for c in live(admin)} == {moved["id"]}
    laptop.destroy()
    ops.destroy()
    assert live(admin) == []


def test_the_lock_is_read_from_the_table_the_backend_url_names(
    cluster: PostgresCluster, backend: str, tmp_path: Path
) -> None:
    """A URL may move Pulumi's table: `?table=` names it, and lib/pq sends any parameter it
    does not know (`search_path`) to the server. The lock reader follows both, and never reads
    another table of the same database for this backend's."""
    from pulumi_uac.recovery.locks import postgres_locked

    database = backend.rsplit("/", 1)[-1].split("?")[0]
    cluster.sql(database, "CREATE SCHEMA ops")
    url = backend + "&table=team_state&search_path=ops"
    proj = PulumiProject(tmp_path, "", name="team", extra_env={"PULUMI_BACKEND_URL": url})
    proj.run("stack", "init", "dev")
    keys = cluster.sql(database, "SELECT key FROM ops.team_state").split()
    assert any(k.endswith("/.pulumi/stacks/team/dev.json") for k in keys), keys
    assert cluster.sql(database, "SELECT to_regclass('public.pulumi_state')").strip() == ""
    lock = keys[0].split("/.pulumi/")[0] + "/.pulumi/locks/organization/team/dev/1.json"
    insert = "INSERT INTO {} (key, data) VALUES ('" + lock + "', '{{}}')"  # noqa: S608
    # A run of another backend in the same database, in the default table.
    cluster.sql(database, "CREATE TABLE public.pulumi_state (key text PRIMARY KEY, data json)")
    cluster.sql(database, insert.format("public.pulumi_state"))
    assert not postgres_locked(url, "team", "dev")
    cluster.sql(database, insert.format("ops.team_state"))
    assert postgres_locked(url, "team", "dev")
    assert postgres_locked(backend, "team", "dev")  # the decoy, read when the URL names it


def test_a_backend_url_s_table_must_be_a_plain_name() -> None:
    from pulumi_uac.recovery.errors import RecoveryError
    from pulumi_uac.recovery.locks import postgres_locked

    url = "postgres://u@127.0.0.1:1/db?table=state;drop%20table%20x"
    with pytest.raises(RecoveryError, match="not a plain table name"):
        postgres_locked(url, "team", "dev")


def test_without_the_postgres_extra_the_tools_refuse_and_say_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from pulumi_uac.recovery.errors import RecoveryError
    from pulumi_uac.recovery.locks import postgres_locked

    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now fails
    with pytest.raises(RecoveryError) as refused:
        postgres_locked("postgres://u:Pw-in-url@127.0.0.1:1/db", "team", "dev")
    assert "pip install 'pulumi-uac[postgres]'" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert "Pw-in-url" not in str(refused.value)


def test_backend_urls_pulumi_takes_are_read_as_pulumi_reads_them() -> None:
    """Review findings: a parameter given twice is refused (which one each driver takes is not
    a promise), lib/pq's own settings are left out, the scheme's case does not matter, and a
    URL libpq cannot read never puts its password in the message."""
    from pulumi_uac.recovery.errors import RecoveryError
    from pulumi_uac.recovery.locks import _libpq_url, _without_password, postgres_locked
    from pulumi_uac.recovery.stack import _names, _scheme

    with pytest.raises(RecoveryError, match="gives table more than once"):
        postgres_locked("postgres://u@127.0.0.1:1/db?table=a&table=b", "team", "dev")
    conninfo, table = _libpq_url(
        "postgres://u@h:1/db?binary_parameters=yes&search_path=ops&table=t&sslmode=disable"
    )
    assert (conninfo, table) == (
        "postgresql://u@h:1/db?sslmode=disable&options=-c%20search_path%3Dops",
        "t",
    )
    assert _scheme("POSTGRES://u@h/db") == "postgres" and _scheme("File:///x") == "file"
    message = 'invalid percent-encoded token: "S3C%zzRET"'
    assert "S3C" not in _without_password(message, "postgres://u:S3C%zzRET@h:1/db")
    # `stack ls --all` names this project's stacks short, another project's in full.
    assert _names("dev", "team", "dev") and _names("organization/team/dev", "team", "dev")
    assert not _names("organization/otherp/dev", "team", "dev")
