"""The two commands a newcomer runs: `make up` and `make down`, in a state folder of their own."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from .conftest import REPO, pulumi_binary

pytestmark = pytest.mark.e2e


def make(state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "TELNYX_", "MAKE"))}
    return subprocess.run(
        ["make", "--no-print-directory", f"STATE={state}", f"PULUMI_HOME={state / 'home'}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_make_down_fails_when_the_destroy_fails_and_can_be_run_again(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "engine-bin").write_text(str(Path(pulumi_binary()).parent) + "\n")
    try:
        up = make(state, "up")
        assert up.returncode == 0, up.stdout + up.stderr
        # The quickstart creates its assistant and routes extension 1006 to it.
        url = (state / "emulator.url").read_text().strip().removesuffix("/v2")
        admin = httpx.get(f"{url}/_emulator/state").json()
        (assistant,) = admin["objects"]["AiAssistant"]
        (conn,) = admin["connections"]
        wanted = f"1006@{assistant['id']}.sip.telnyx.com"
        assert conn["internal_uac_settings"]["destination_uri"] == wanted
        assert assistant["id"] in up.stdout
        emulator = int((state / "emulator.pid").read_text())
        # A key the emulator refuses: the destroy fails, so `make down` must too.
        failed = make(state, "down", "EMULATOR_KEY=not-the-key")
        assert failed.returncode != 0, failed.stdout + failed.stderr
        assert "the destroy failed" in failed.stderr
        os.kill(emulator, 0)  # still running: the next `make down` can finish the job
        done = make(state, "down")
        assert done.returncode == 0, done.stdout + done.stderr
        assert not (state / "emulator.pid").exists()
    finally:
        pid_file = state / "emulator.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
        shutil.rmtree(state, ignore_errors=True)
