"""``pulumi-uac fleet`` through the real CLI, on the shared PostgreSQL backend: many stacks of
one project, a bounded number at a time, a summary per stack and an exit code that says
whether all succeeded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
for i in range(cfg.get_int("count") or 1):
    UacConnection(f"ext{i}", connection_name=f"{env} fleet {i}",
        external_uac_settings={"proxy": "sip:pbx.example.com", "username": f"{env}-u{i}",
                               "password": pulumi.Output.secret("Fleet-pbx-pw-1")})
"""
FLEET = """\
# name   config
dev      count=2
staging  count=1
prod     count=2   # the biggest
"""


def fleet(proj: PulumiProject, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "pulumi-uac"), "fleet", *args],
        cwd=proj.dir,
        env=proj.env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_fleet_deploys_previews_and_destroys_many_stacks(
    machines: Machines,  # noqa: F811
    admin: httpx.Client,
) -> None:
    runner = machines.machine("runner", PROGRAM)
    (runner.dir / "fleet.txt").write_text(FLEET)
    up = fleet(runner, "up", "fleet.txt", "--concurrency", "2")
    assert up.returncode == 0, up.stdout + up.stderr
    summary = up.stdout[up.stdout.index("fleet up:") :]
    # (Pulumi counts the stack itself among what it created.)
    for name, created in (("dev", 3), ("staging", 2), ("prod", 3)):
        line = next(ln for ln in summary.splitlines() if ln.split()[:1] == [name])
        assert "succeeded" in line and f"+{created}" in line, summary
    assert "3 succeeded" in summary
    users = sorted(c["external_uac_settings"]["username"] for c in live(admin))
    assert users == ["dev-u0", "dev-u1", "prod-u0", "prod-u1", "staging-u0"]
    assert "Fleet-pbx-pw-1" not in up.stdout + up.stderr

    # Another machine previews the same fleet (its stacks are on the shared backend).
    laptop = machines.machine("laptop", PROGRAM)
    (laptop.dir / "fleet.txt").write_text(FLEET)
    preview = fleet(laptop, "preview", "fleet.txt", "--concurrency", "3")
    assert preview.returncode == 0, preview.stdout + preview.stderr
    lines = preview.stdout[preview.stdout.index("fleet preview:") :].splitlines()[1:4]
    assert all("succeeded" in ln and "+" not in ln and "~" not in ln for ln in lines), lines

    # A stack that fails: reported with its own error, the exit code says so, and with
    # --fail-fast no stack starts after it.
    (laptop.dir / "bad.txt").write_text("broken count=many\ndev count=2\nprod count=2\n")
    failed = fleet(laptop, "up", "bad.txt", "--concurrency", "1", "--fail-fast")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    summary = failed.stdout[failed.stdout.index("fleet up:") :]
    assert "1 failed, 2 skipped" in summary, summary
    broken = next(ln for ln in summary.splitlines() if ln.split()[:1] == ["broken"])
    assert "failed" in broken and "count" in broken, broken
    # Without it, the others run.
    failed = fleet(laptop, "up", "bad.txt", "--concurrency", "2")
    assert failed.returncode == 1 and "2 succeeded, 1 failed" in failed.stdout, failed.stdout

    bad = fleet(laptop, "up", "nowhere.txt")
    assert bad.returncode == 2 and "cannot read" in bad.stderr
    destroyed = fleet(laptop, "destroy", "fleet.txt", "--concurrency", "3")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    assert live(admin) == []
    broken_left = fleet(laptop, "destroy", "bad.txt")
    assert broken_left.returncode == 0, broken_left.stdout
