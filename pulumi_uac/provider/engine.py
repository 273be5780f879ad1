"""Diagnostics to the engine: warnings that the CLI shows as such, next to the resource.

Both hosts start their plugin process with the engine's gRPC address as the first argument (the
dynamic host's shim passes its arguments through), so a provider can log through the engine's
``Log`` call like any native provider. Nothing connects at import time.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

_ADDRESS = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):[0-9]{1,5}")


def engine_address(argv: list[str] | None = None) -> str | None:
    """The engine address among the process arguments, if any."""
    for arg in (sys.argv if argv is None else argv)[1:]:
        if _ADDRESS.fullmatch(arg):
            return arg
    return None


class EngineLog:
    """Sends diagnostics to the engine at ``address``; falls back to stderr without one."""

    def __init__(self, address: str | None) -> None:
        self.address = address
        self._stub: Any = None
        self._lock = threading.Lock()

    def _engine(self) -> Any:
        with self._lock:
            if self._stub is None and self.address:
                import grpc
                from pulumi.runtime.proto import engine_pb2_grpc

                channel = grpc.insecure_channel(self.address)
                self._stub = engine_pb2_grpc.EngineStub(channel)
            return self._stub

    def _log(self, severity: str, message: str, urn: str = "", ephemeral: bool = False) -> None:
        from pulumi.runtime.proto import engine_pb2

        stub = self._engine()
        if stub is not None:
            try:
                stub.Log(
                    engine_pb2.LogRequest(
                        severity=getattr(engine_pb2, severity),
                        message=message,
                        urn=urn,
                        ephemeral=ephemeral,
                    ),
                    timeout=10,
                )
                return
            except Exception:  # noqa: S110 (a lost diagnostic must not fail the step)
                pass
        if not ephemeral:
            print(f"{severity.lower()}: {message}", file=sys.stderr, flush=True)

    def warn(self, message: str, urn: str = "") -> None:
        self._log("WARNING", message, urn)

    def info(self, message: str, urn: str = "") -> None:
        self._log("INFO", message, urn)

    def status(self, message: str, urn: str = "") -> None:
        """A status: the CLI shows it on the resource's line while the step runs, replacing
        the previous one, and keeps none of them afterwards."""
        self._log("INFO", message, urn, ephemeral=True)


_DEFAULT: EngineLog | None = None


def default_log() -> EngineLog:
    """The process's engine log (created on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = EngineLog(engine_address())
    return _DEFAULT


class EngineWatch:
    """Tells whether the engine (the ``pulumi`` CLI) that started this plugin is still there.

    A SIGKILLed CLI leaves its plugins running, orphaned; a provider sleeping on a Retry-After
    would wake up and send its request after the user had already recovered, making a duplicate
    nobody records. The engine's gRPC port closes with the CLI, so a refused connection to it
    means gone (and gone stays gone). Probes are at most one a second.
    """

    def __init__(self, address: str | None, clock: Any = time.monotonic) -> None:
        self.address = address
        self._clock = clock
        self._checked_at = float("-inf")
        self._gone = False
        self._exiting = False
        self._lock = threading.Lock()

    def _reachable(self) -> bool:
        assert self.address is not None
        host, _, port = self.address.rpartition(":")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=2):
                return True
        except OSError:
            return False

    def gone(self) -> str | None:
        """Why the caller should stop (the CLI is gone), or None to carry on."""
        if self.address is None:
            return None
        # One caller probes; the others read the last answer at once, instead of queueing
        # behind a connect on the lock (every request of every thread asks, before it is sent).
        with self._lock:
            probe = not self._gone and self._clock() - self._checked_at >= 1.0
            if probe:
                self._checked_at = self._clock()
        if probe and not self._reachable():
            with self._lock:
                self._gone = True
        with self._lock:
            gone = self._gone
        return (
            "the pulumi CLI that started this provider is gone, so nothing more is sent"
            if gone
            else None
        )

    def exit_when_gone(self, interval: float = 1.0, exit: Callable[[int], Any] = os._exit) -> None:
        """End this process (from a daemon thread) once the engine is gone: a plugin whose
        CLI was killed would otherwise run on, orphaned, with whatever it was waiting for.
        Started by a call (``configure``, or the plugin's ``main``), never at import."""
        if self.address is None:
            return
        with self._lock:
            if self._exiting:
                return
            self._exiting = True

        def watch() -> None:
            while True:
                time.sleep(interval)
                if self.gone():
                    # stderr was a pipe to the engine, which is gone: writing to it may fail.
                    with contextlib.suppress(OSError, ValueError):
                        print(
                            "pulumi-uac: the pulumi CLI that started this plugin is gone; exiting",
                            file=sys.stderr,
                            flush=True,
                        )
                    exit(1)
                    return

        threading.Thread(target=watch, name="engine-watch", daemon=True).start()


_WATCH: EngineWatch | None = None


def engine_watch() -> EngineWatch:
    """The process's watch on its engine (created on first use)."""
    global _WATCH
    if _WATCH is None:
        _WATCH = EngineWatch(engine_address())
    return _WATCH
