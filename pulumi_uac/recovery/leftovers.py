"""The plugin processes a killed ``pulumi`` CLI leaves behind.

A SIGKILLed CLI does not take its plugins with it: a provider sleeping on a ``Retry-After``
would wake up and send its request after the recovery had already cleaned up, making a
connection that no state records. The provider itself stops once it notices its engine is gone
(it checks every second); recovery also stops whatever is still running first, so that nothing
the interrupted run started can land after it. Linux only (it reads ``/proc``); elsewhere it
finds nothing and relies on the providers' own check.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from pathlib import Path

_PLUGINS = (b"pulumi.dynamic", b"pulumi-resource-telnyx", b"pulumi-language-")
"""Provider plugins (dynamic and native), and the language hosts and programs the killed CLI
started: nothing a dead engine started is left to act after recovery."""


def _engine_alive(address: str) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=1):
            return True
    except (OSError, ValueError):
        return False


def leftover_providers(project_dir: str) -> list[int]:
    """Pids of plugin processes running in ``project_dir`` (or below it: a program's ``main``
    may be a subdirectory) whose engine is gone."""
    found: list[int] = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    target = os.path.realpath(project_dir)
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
            cwd = os.path.realpath(entry / "cwd")
        except OSError:
            continue
        inside = cwd == target or cwd.startswith(target.rstrip(os.sep) + os.sep)
        if not inside or not any(any(p in a for p in _PLUGINS) for a in args):
            continue
        addresses = [a.decode(errors="replace") for a in args if b":" in a and b"/" not in a]
        if addresses and not any(_engine_alive(a) for a in addresses):
            found.append(int(entry.name))
    return found


def stop(pids: list[int], grace: float = 5.0) -> None:
    """SIGTERM, then SIGKILL whatever is still there after ``grace`` seconds."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
    deadline = time.monotonic() + grace
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if _exists(p)]
    for pid in alive:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
