"""Processes: plugins and language hosts end by themselves once their CLI is gone, and
`recover` stops only processes of its own project (identified by its Pulumi.yaml, not by a
path prefix)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from pulumi_uac.recovery.processes import leftovers, project_file

from .conftest import MODES, PulumiProject

pytestmark = pytest.mark.e2e

PROGRAM = """
from pulumi_uac import UacConnection
for i in range(4):
    UacConnection(f"c{i}", connection_name=f"Orphaned process {i}")
"""


def project_processes(directory: Path) -> list[int]:
    """Pids of every process whose working folder belongs to the project in ``directory``."""
    target = project_file(directory)
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if project_file(cwd) == target:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("mode", MODES)
def test_plugins_and_the_language_host_exit_by_themselves_when_the_cli_is_killed(
    project_factory: Any, admin: httpx.Client, mode: str
) -> None:
    proj: PulumiProject = project_factory(PROGRAM, mode=mode)
    proj.init()
    admin.put("faults", json={"latency_ms": 20000})
    run = proj.start("up", "--yes", "--skip-preview")
    deadline = time.monotonic() + 60
    while admin.get("requests").json()["max_in_flight"] < 1:
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    assert len(project_processes(proj.dir)) >= 3  # CLI, language host, program, provider
    os.kill(run.pid, signal.SIGKILL)  # the CLI alone, as an OOM killer would
    run.wait()
    killed_at = time.monotonic()
    while project_processes(proj.dir):
        assert time.monotonic() - killed_at < 15, [
            Path(f"/proc/{p}/cmdline").read_bytes() for p in project_processes(proj.dir)
        ]
        time.sleep(0.2)
    admin.delete("faults")


def test_recover_stops_only_processes_of_its_own_project(project_factory: Any) -> None:
    """A project nested below another (examples/x under a repository's root) is another
    project: `recover` in the outer one leaves its leftovers alone."""
    outer: PulumiProject = project_factory(PROGRAM)
    outer.init()
    nested = outer.dir / "examples" / "x"
    nested.mkdir(parents=True)
    (nested / "Pulumi.yaml").write_text("name: nested\nruntime: python\n")
    # A plugin-like process whose engine (port 1) is gone, in each project.
    sleeper = "import time; time.sleep(120)"
    procs = {
        where: subprocess.Popen(
            [sys.executable, "-c", sleeper, "pulumi-language-python", "127.0.0.1:1"], cwd=where
        )
        for where in (outer.dir, nested)
    }
    try:
        assert [p.pid for p in leftovers(str(outer.dir))] == [procs[outer.dir].pid]
        out = outer.recovery("recover").stdout
        assert "stopped 1 plugin process" in out, out
        assert procs[outer.dir].wait(timeout=10) is not None
        assert procs[nested].poll() is None
    finally:
        for proc in procs.values():
            proc.kill()
            proc.wait()
