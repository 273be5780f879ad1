"""The Pulumi processes of one project on this machine: live runs, and what a killed CLI left.

A project is identified by its ``Pulumi.yaml`` (the nearest one at or above a process's working
folder), never by a path prefix: ``examples/x`` below a repository's root holds a project of its
own, and its processes are not the root project's.

Two questions are asked of them:

- *Is a run of this project live?* A ``pulumi`` CLI running an engine command in the project, or
  a plugin (language host, program, dynamic provider, native plugin) whose engine still answers.
  Tools that delete or stop things refuse while one is (``recovery.guard``).
- *What did a killed CLI leave?* Plugins of the project whose engine is gone. A SIGKILLed CLI does
  not take its plugins with it; a provider asleep on a ``Retry-After`` would wake up and send its
  request after the recovery had cleaned up. Providers stop by themselves once they notice
  (``provider.engine.EngineWatch``); ``recover`` stops whatever is still there first.

Linux only (it reads ``/proc``); elsewhere nothing is found, so nothing is refused or stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PLUGIN_MARKERS = (b"pulumi.dynamic", b"pulumi-resource-telnyx", b"pulumi-language-")
"""Provider plugins (dynamic and native), and the language hosts and programs a CLI starts."""

ENGINE_COMMANDS = frozenset(
    {"up", "update", "preview", "refresh", "destroy", "import", "watch", "cancel"}
)
"""CLI commands that run the engine or take the stack's lock."""

CLI_COMMANDS = ENGINE_COMMANDS | {
    "about", "config", "console", "convert", "deployment", "env", "gen-completion", "help",
    "install", "login", "logout", "new", "org", "package", "plugin", "policy", "schema",
    "stack", "state", "version", "whoami",
}  # fmt: skip
"""The CLI's top-level commands, to find the one a process runs among its arguments."""

PROJECT_FILES = ("Pulumi.yaml", "Pulumi.yml")


def project_file(directory: str | os.PathLike[str]) -> str | None:
    """The real path of the ``Pulumi.yaml`` that governs ``directory``: the nearest one at or
    above it, as the CLI itself looks for it."""
    here = Path(os.path.realpath(directory))
    for folder in (here, *here.parents):
        for name in PROJECT_FILES:
            candidate = folder / name
            if candidate.is_file():
                return str(candidate)
    return None


@dataclass(frozen=True)
class Process:
    pid: int
    args: tuple[bytes, ...]
    cwd: str

    @property
    def is_cli(self) -> bool:
        return bool(self.args) and os.path.basename(self.args[0]) == b"pulumi"

    @property
    def command(self) -> str | None:
        """The CLI's subcommand (``up``, ``refresh``, ...): the first argument that names one,
        so that a global flag's value (``--tracing file:/x``) is never taken for it."""
        for raw in self.args[1:]:
            arg = raw.decode(errors="replace")
            if arg in CLI_COMMANDS:
                return arg
        return None

    @property
    def is_plugin(self) -> bool:
        return any(any(m in a for m in PLUGIN_MARKERS) for a in self.args)

    @property
    def workdir(self) -> str:
        """Where the CLI looks for its project: ``--cwd``/``-C`` if given, else its cwd."""
        for i, raw in enumerate(self.args[:-1]):
            if raw in (b"--cwd", b"-C"):
                return os.path.join(self.cwd, self.args[i + 1].decode(errors="replace"))
        for raw in self.args:
            if raw.startswith(b"--cwd="):
                return os.path.join(self.cwd, raw[len(b"--cwd=") :].decode(errors="replace"))
        return self.cwd

    @property
    def engine_addresses(self) -> list[str]:
        """The ``host:port`` arguments a plugin was started with (its engine's address)."""
        out = []
        for raw in self.args:
            arg = raw.decode(errors="replace")
            host, sep, port = arg.rpartition(":")
            if sep and host and "/" not in arg and port.isdigit():
                out.append(arg)
        return out

    def describe(self) -> str:
        if self.is_cli:
            return f"`pulumi {self.command}` (pid {self.pid})"
        name = next(
            (m.decode() for a in self.args for m in PLUGIN_MARKERS if m in a),
            "plugin",
        )
        kind = {
            "pulumi.dynamic": "dynamic provider",
            "pulumi-resource-telnyx": "telnyx plugin",
        }.get(name, "language host or program")
        return f"a {kind} (pid {self.pid})"


def _processes() -> Iterator[Process]:
    proc = Path("/proc")
    if not proc.is_dir():
        return
    me = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            args = tuple(a for a in (entry / "cmdline").read_bytes().split(b"\0") if a)
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if args:
            yield Process(int(entry.name), args, cwd)


def engine_alive(address: str) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=1):
            return True
    except (OSError, ValueError):
        return False


def _of_project(project: str) -> Iterator[Process]:
    for p in _processes():
        if not (p.is_cli or p.is_plugin):
            continue
        if project_file(p.workdir if p.is_cli else p.cwd) == project:
            yield p


def live_runs(project_dir: str) -> list[Process]:
    """The processes of a run of the project in ``project_dir`` that is still going: a CLI
    running an engine command, or a plugin whose engine answers."""
    project = project_file(project_dir)
    if project is None:
        return []
    live: list[Process] = []
    for p in _of_project(project):
        if p.is_cli:
            if p.command in ENGINE_COMMANDS:
                live.append(p)
        elif any(engine_alive(a) for a in p.engine_addresses):
            live.append(p)
    return live


def leftovers(project_dir: str) -> list[Process]:
    """Plugins of the project in ``project_dir`` whose engine is gone."""
    project = project_file(project_dir)
    if project is None:
        return []
    return [
        p
        for p in _of_project(project)
        if p.is_plugin
        and p.engine_addresses
        and not any(engine_alive(a) for a in p.engine_addresses)
    ]


def stop(pids: list[int], grace: float = 5.0) -> None:
    """SIGTERM, then SIGKILL whatever is still there after ``grace`` seconds."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
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
