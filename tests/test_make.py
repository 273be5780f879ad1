"""The two commands a newcomer runs: `make up` and `make down`, in a state folder of their own."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import httpx
import pytest

from .conftest import REPO, pulumi_binary

pytestmark = pytest.mark.e2e


def make(
    state: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "TELNYX_", "MAKE"))},
        **(env or {}),
    }
    return subprocess.run(
        ["make", "--no-print-directory", f"STATE={state}", f"PULUMI_HOME={state / 'home'}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def closed_port() -> int:
    """A local port nothing listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


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

        # Review finding: the next `make up` read the dead emulator's URL from the stale
        # emulator.out before the new emulator rewrote it (1 time in 2), then retried it for
        # minutes. Certain here: the file names a port nothing listens on.
        dead = f"http://127.0.0.1:{closed_port()}/v2"
        (state / "emulator.out").write_text(dead + "\n")
        again = make(state, "up", env={"TELNYX_RETRY_TIMEOUT": "15"})
        assert again.returncode == 0, again.stdout + again.stderr
        url = (state / "emulator.url").read_text().strip()
        assert url != dead and httpx.get(url).status_code == 404  # it answers
        emulator = int((state / "emulator.pid").read_text())

        # A stale URL beside a live emulator (a rerun after that failure) is read again from
        # the emulator's own output. And a passphrase exported for team stacks is named as the
        # cause, with what to run, before anything else happens.
        (state / "emulator.url").write_text(dead + "\n")
        team = make(state, "up", env={"PULUMI_CONFIG_PASSPHRASE": "team-passphrase"})
        assert team.returncode != 0, team.stdout + team.stderr
        assert (state / "emulator.url").read_text().strip() == url
        assert int((state / "emulator.pid").read_text()) == emulator
        assert "quickstart stack 'dev'" in team.stderr and "was made with another" in team.stderr
        assert "make up PULUMI_CONFIG_PASSPHRASE=pulumi-uac-local" in team.stderr, team.stderr
        assert "Updating" not in team.stdout, team.stdout
    finally:
        pid_file = state / "emulator.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
        shutil.rmtree(state, ignore_errors=True)
