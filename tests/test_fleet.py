"""``pulumi-uac fleet`` through the real CLI, on the shared PostgreSQL backend: many stacks of
one project, a bounded number at a time, a summary per stack and an exit code that says
whether all succeeded."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import PulumiProject
from .test_e2e_promises import live
from .test_teams import Machines, backend, cluster, machines  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

PROGRAM = """
import pulumi
from pulumi_uac import UacConnection
cfg = pulumi.Config()
env = pulumi.get_stack()
if cfg.get("crash"):
    pulumi.log.warn("about to crash")
    pulumi.log.warn("about to crash")
    raise ValueError(f"asked to crash {cfg.get('crash')}")
for i in range(cfg.get_int("count") or 1):
    UacConnection(f"ext{i}", connection_name=f"{env} fleet {i}",
        webhook_event_url=cfg.get("hook"),
        external_uac_settings={"proxy": "sip:pbx.example.com", "username": f"{env}-u{i}",
                               "password": pulumi.Output.secret("Fleet-pbx-pw-1")})
"""
FLEET = """\
# name   config
dev      count=2
staging  count=1
prod     count=2   # the biggest
"""


def fleet(
    proj: PulumiProject, *args: str, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """``pulumi-uac fleet ARGS`` in the project, as a user runs it."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "pulumi-uac"), "fleet", *args],
        cwd=proj.dir,
        env=proj.env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_fleet(proj: PulumiProject, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "pulumi-uac"), "fleet", *args],
        cwd=proj.dir,
        env=proj.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def selected(proj: PulumiProject) -> str:
    """The stack a plain `pulumi` command in the project goes to."""
    return proj.run("stack", "--show-name").stdout.strip()


def test_a_fleet_deploys_previews_and_destroys_many_stacks(
    machines: Machines,  # noqa: F811
    admin: httpx.Client,
) -> None:
    """The same fleet started from two machines at once (two CI pipelines) creates each stack
    once and deploys each once: the second run of a stack is refused on its lock, or finds
    nothing to do."""
    runner, laptop = machines.machine("runner", PROGRAM), machines.machine("laptop", PROGRAM)
    homes = {"runner": runner, "laptop": laptop}
    for home, proj in homes.items():
        (proj.dir / "fleet.txt").write_text(FLEET)
        # What each user had selected before: the fleet must leave it so (review finding: the
        # last stack it touched stayed selected, and a plain `pulumi refresh` went there).
        proj.init(home)
    admin.put("faults", json={"latency_ms": 200})
    try:
        runs = [start_fleet(p, "up", "fleet.txt", "--concurrency", "2") for p in (runner, laptop)]
        outputs = [run.communicate(timeout=600)[0] for run in runs]
    finally:
        admin.delete("faults")
    summaries = [out[out.index("fleet up:") :] for out in outputs]
    # (Pulumi counts the stack itself among what it created.)
    for name, created in (("dev", 3), ("staging", 2), ("prod", 3)):
        lines = [
            next(ln for ln in summary.splitlines() if ln.split()[:1] == [name])
            for summary in summaries
        ]
        made = [ln for ln in lines if "succeeded" in ln and f"+{created}" in ln]
        assert len(made) == 1, summaries
        (other,) = (ln for ln in lines if ln is not made[0])
        assert ("succeeded" in other and "+" not in other) or (
            "failed" in other and "locked" in other
        ), summaries
    for run, summary in zip(runs, summaries, strict=True):
        assert run.returncode == (0 if "failed" not in summary else 1), summary
    users = sorted(c["external_uac_settings"]["username"] for c in live(admin))
    assert users == ["dev-u0", "dev-u1", "prod-u0", "prod-u1", "staging-u0"]
    assert not any("Fleet-pbx-pw-1" in out for out in outputs)
    for home, proj in homes.items():  # both made some stacks and found the others made
        assert selected(proj) == home

    # Either machine previews the fleet clean (its stacks are on the shared backend).
    preview = fleet(laptop, "preview", "fleet.txt", "--concurrency", "3")
    assert preview.returncode == 0, preview.stdout + preview.stderr
    lines = preview.stdout[preview.stdout.index("fleet preview:") :].splitlines()[1:4]
    assert all("succeeded" in ln and "+" not in ln and "~" not in ln for ln in lines), lines

    # A stack that fails: reported with its own error, the exit code says so, and with
    # --fail-fast no stack starts after it.
    hook = "https://hook-5d1e.example.com/events"
    (laptop.dir / "bad.txt").write_text(
        f"broken count=many\ndev count=2 hook={hook}\nprod count=2 crash=now\n"
    )
    failed = fleet(laptop, "up", "bad.txt", "--concurrency", "1", "--fail-fast")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    summary = failed.stdout[failed.stdout.index("fleet up:") :]
    assert "1 failed, 2 skipped" in summary, summary
    broken = next(ln for ln in summary.splitlines() if ln.split()[:1] == ["broken"])
    assert "failed" in broken and "count" in broken, broken
    # Without it, the others run. Review findings: a program that raised was reported by the
    # CLI's header alone, and every warning was dropped. Each stack's warnings follow its line,
    # once each; the provider's still show no value that may be secret (the webhook URL).
    admin.put("faults", json={"ignore_fields": ["webhook_event_url"]})
    try:
        failed = fleet(laptop, "up", "bad.txt", "--concurrency", "2")
    finally:
        admin.delete("faults")
    assert failed.returncode == 1 and "1 succeeded, 2 failed" in failed.stdout, failed.stdout
    summary = failed.stdout[failed.stdout.index("fleet up:") :]
    blocks = dict(re.findall(r"^  (\w+) .*\n((?:  {6,}.*\n)*)", summary, re.M))
    prod = next(ln for ln in summary.splitlines() if ln.split()[:1] == ["prod"])
    assert prod.endswith(
        "error: Program failed with an unhandled exception: ValueError: asked to crash now"
    ), prod
    assert [ln.strip() for ln in blocks["prod"].splitlines()] == ["warning: about to crash"]
    for name in ("ext0", "ext1"):
        assert f"warning: {name}: " in blocks["dev"] and "stored webhook_event_url" in blocks["dev"]
    assert hook not in failed.stdout + failed.stderr and "hook-5d1e" not in failed.stdout

    bad = fleet(laptop, "up", "nowhere.txt")
    assert bad.returncode == 2 and "cannot read" in bad.stderr
    # A key secret in the stack (as the CLI writes it) is never replaced by a plain value.
    laptop.run("config", "set", "--secret", "--stack", "dev", "region", "Secret-region-1")
    (laptop.dir / "plain.txt").write_text("dev region=Plain-region-1\n")
    plain = fleet(laptop, "up", "plain.txt")
    assert plain.returncode == 2, plain.stdout + plain.stderr
    assert "pulumi config set --secret --stack dev region" in plain.stderr, plain.stderr
    assert "Plain-region-1" not in plain.stdout + plain.stderr
    destroyed = fleet(laptop, "destroy", "fleet.txt", "--concurrency", "3")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    assert live(admin) == []
    broken_left = fleet(laptop, "destroy", "bad.txt")
    assert broken_left.returncode == 0, broken_left.stdout
    assert selected(laptop) == "laptop"


def test_the_fleet_file_keeps_a_hash_inside_a_value_and_one_stack_once(tmp_path: Path) -> None:
    """Review findings: `#` inside a word or quotes is part of the value (as in a shell), and
    a stack spelled two ways is listed twice."""
    from pulumi_uac.fleet.stacks import FleetFileError, read_fleet

    path = tmp_path / "fleet.txt"
    path.write_text("# a comment\ndev pw=abc#def 'uri=sip:1#2' # trailing\n")
    (dev,) = read_fleet(path)
    assert (dev.name, dev.config) == ("dev", {"pw": "abc#def", "uri": "sip:1#2"})
    path.write_text("prod#x count=1\n")  # not silently the stack `prod`
    with pytest.raises(FleetFileError, match="is not a stack name"):
        read_fleet(path)
    path.write_text("organization/team/dev count=1\ndev count=2\n")
    with pytest.raises(FleetFileError, match="'dev' is listed twice"):
        read_fleet(path)


def test_a_lock_key_matches_its_own_stack_only() -> None:
    """Review finding: a stack named `organization` took every project's locks for its own."""
    from pulumi_uac.recovery.locks import lock_key_pattern

    scoped = "db/.pulumi/locks/organization/team/dev/1f.json"
    legacy = "db/.pulumi/locks/dev/1f.json"
    assert lock_key_pattern("team", "dev").search(scoped)
    assert lock_key_pattern("team", "dev").search(legacy)
    assert not lock_key_pattern("team", "organization").search(scoped)
    assert not lock_key_pattern("other", "dev").search(scoped)
    assert not lock_key_pattern("team", "de").search(scoped)


def test_the_fleet_refuses_bad_numbers_before_any_run(tmp_path: Path) -> None:
    from pulumi_uac.fleet.cli import main

    (tmp_path / "f.txt").write_text("dev\n")
    for args in (["--rate-reserve", "-3"], ["--parallel", "0"], ["--concurrency", "0"]):
        assert main(["up", str(tmp_path / "f.txt"), "--cwd", str(tmp_path), *args]) == 2


def test_the_fleet_file_never_sets_a_secret_in_plain_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review finding: `dev pbxpw=... telnyx:apiKey=KEY` replaced a secret value with a plain
    one in Pulumi.dev.yaml and stored the key in plain text. A key that looks secret, or is
    secret in the stack's configuration, is refused before anything runs, with the command
    that sets it as a secret; no value is shown."""
    from pulumi_uac.fleet.cli import main

    (tmp_path / "Pulumi.yaml").write_text("name: team\nruntime: python\n")
    settings = (
        "config:\n  team:region:\n    secure: v1:c2VjcmV0\n  team:count: '1'\n  team:hotkey: F9\n"
    )
    (tmp_path / "Pulumi.dev.yaml").write_text(settings)
    (tmp_path / "f.txt").write_text(
        "dev count=2 pbxpw=Plain-pw-7 region=Plain-region-7 telnyx:apiKey=Plain-key-7 "
        "hotkey=F10\n"
        "prod count=1 API_KEY=Plain-key-8 pbxPassword=Plain-pw-8 greeting=hello sipPass=Plain-9 "
        "maxTokens=1024 keywords=sales\n"
    )
    assert main(["up", str(tmp_path / "f.txt"), "--cwd", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    for stack, key in (
        ("dev", "pbxpw"),
        ("dev", "region"),  # secret in the stack, though its name is not
        ("dev", "telnyx:apiKey"),
        ("prod", "API_KEY"),
        ("prod", "pbxPassword"),
        ("prod", "sipPass"),
    ):
        assert f"the value): pulumi config set --secret --stack {stack} {key}" in err, err
    # Not secret by their words (maxTokens, keywords), or set plain in the stack by a person
    # (hotkey, which looks secret): the file may set them.
    for key in ("count", "greeting", "maxTokens", "keywords", "hotkey"):
        assert f" {key} " not in err, err
    assert "Plain-" not in err, err
    assert "is secret in stack 'dev'" in err and "f.txt:2:" in err, err
    assert "set it once in plain text with `pulumi config set --stack prod sipPass VALUE`" in err
    assert (tmp_path / "Pulumi.dev.yaml").read_text() == settings
    assert not (tmp_path / "Pulumi.prod.yaml").exists()


def test_a_raised_exception_is_reported_by_its_last_line() -> None:
    """The end of a traceback, whatever precedes it: chained exceptions, the carets under a
    source line, a message over several lines."""
    from pulumi import automation as auto

    from pulumi_uac.fleet.run import _program_failure

    traceback = (
        "Program failed with an unhandled exception:\n"
        "Traceback (most recent call last):\n"
        '  File "__main__.py", line 3, in <module>\n'
        "    int(x)\n"
        "ValueError: first\n\n"
        "During handling of the above exception, another exception occurred:\n\n"
        "Traceback (most recent call last):\n"
        '  File "__main__.py", line 5, in <module>\n'
        "    raise KeyError(k)\n"
        "    ^^^^^^^^^^^^^^^^^\n"
        "RuntimeError: second\n"
        "  with more\n"
    )
    event = auto.EngineEvent(
        sequence=1,
        timestamp=0,
        diagnostic_event=auto.DiagnosticEvent(message=traceback, color="never", severity="error"),
    )
    assert _program_failure([event]) == (
        "error: Program failed with an unhandled exception: RuntimeError: second with more"
    )


def test_the_command_shows_its_version_and_lists_the_fleet() -> None:
    """Review finding: `pulumi-uac --version` was a usage error, and `--help` did not list
    `fleet` among the commands."""
    from importlib.metadata import version

    command = str(Path(sys.executable).parent / "pulumi-uac")
    shown = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == f"pulumi-uac {version('pulumi-uac')}"
    listed = subprocess.run([command, "--help"], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    commands = listed.stdout[listed.stdout.index("positional arguments:") :].splitlines()
    names = {ln.split()[0] for ln in commands[2:] if ln.startswith("    ") and ln.split()}
    assert {"fleet", "orphans", "recover", "release"} <= names, listed.stdout
    # `python -m pulumi_uac.recovery` is the same command, the fleet included.
    fleet_help = subprocess.run(
        [sys.executable, "-m", "pulumi_uac.recovery", "fleet", "--help"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert fleet_help.returncode == 0 and "pulumi-uac fleet" in fleet_help.stdout, fleet_help


def test_a_terminated_fleet_starts_nothing_more_and_leaves_no_stack_locked(
    machines: Machines,  # noqa: F811
    admin: httpx.Client,
) -> None:
    """Review finding: SIGTERM (a cancelled CI job) killed the fleet at once and left its
    running stacks locked; Ctrl-C let the queued stacks start anyway."""
    runner = machines.machine("runner", PROGRAM)
    (runner.dir / "slow.txt").write_text("t1 count=4\nt2 count=4\nt3 count=4\nt4 count=4\n")
    admin.put("faults", json={"latency_ms": 1500})
    try:
        run = subprocess.Popen(
            [str(Path(sys.executable).parent / "pulumi-uac"), "fleet", "up", "slow.txt",
             "--concurrency", "2"],
            cwd=runner.dir, env=runner.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while not live(admin):
            assert run.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        run.send_signal(signal.SIGTERM)
        out, _ = run.communicate(timeout=300)
    finally:
        admin.delete("faults")
    assert run.returncode == 130, out
    summary = out[out.index("fleet up:") :]
    assert "2 skipped" in summary and "interrupted" in summary, summary
    # Nothing is left locked: the same stacks deploy again at once, with no duplicate.
    again = fleet(runner, "up", "slow.txt", "--concurrency", "2")
    assert again.returncode == 0, again.stdout + again.stderr
    users = [c["external_uac_settings"]["username"] for c in live(admin)]
    assert sorted(users) == sorted(f"t{s}-u{i}" for s in range(1, 5) for i in range(4)), users
    assert fleet(runner, "destroy", "slow.txt", "--concurrency", "4").returncode == 0


def test_the_first_open_race_of_a_new_postgresql_backend_is_tried_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 26, finding 9: two machines opening a new PostgreSQL backend at once race in
    Pulumi's own `CREATE TABLE IF NOT EXISTS`; the loser's stack is looked up again (the table
    is there by then) rather than failing the fleet. What still fails says a rerun fixes it."""
    from pulumi import automation as auto

    from pulumi_uac.fleet import run

    race = auto.CommandError(
        auto.CommandResult(
            stdout="",
            stderr='error: duplicate key value violates unique constraint "pg_type_typname_nsp'
            '_index" (SQLSTATE 23505)',
            code=255,
        )
    )
    calls: list[bool] = []

    def stack(name: str, where: str, options: Any, create: bool) -> Any:
        calls.append(create)
        if len(calls) == 1:
            raise race
        return f"stack {name}"

    monkeypatch.setattr(run, "_stack", stack)
    monkeypatch.setattr(run.time, "sleep", lambda _s: None)
    assert run._create_or_select("dev", ".", auto.LocalWorkspaceOptions()) == "stack dev"
    assert calls == [True, True]
    assert "run the command again" in run._last_error(race)
