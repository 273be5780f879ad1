"""Running one operation over the fleet's stacks, at most ``concurrency`` at a time.

Each stack runs the real ``pulumi`` CLI through the Automation API, in the project folder, with
this process's environment (backend, passphrase, Telnyx settings). Stacks are created or
looked up first, one at a time; every operation then names its stack explicitly. None is ever
selected: the stack the user had selected stays selected (see :class:`_Workspace`).

With ``fail_fast``, no stack starts after one has failed; the ones already running finish (a
killed run would leave its stack to recover), and the rest are reported as skipped.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pulumi import automation as auto

from .stacks import StackEntry

OPERATIONS = ("up", "preview", "refresh", "destroy")
IN_FLIGHT_PER_STACK = 8
"""Requests one stack's run may have in flight when ``--parallel`` is not given (the native
plugin's default width; the dynamic provider host takes fewer)."""
RATE_RESERVE_ENV = "TELNYX_RATE_RESERVE"


def default_reserve(concurrency: int, parallel: int | None) -> int:
    """What the other stacks may have in flight when one of them reads the account's
    remaining requests: each stack leaves them that much of the window."""
    return max(0, concurrency - 1) * (parallel or IN_FLIGHT_PER_STACK)


@dataclass
class StackResult:
    name: str
    state: str = "waiting"
    """waiting, running, succeeded, failed or skipped."""
    changes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    """The run's warnings, each once: the program's, the providers' (``name: message``) and
    the CLI's own."""


_GENERIC = ("an unhandled error occurred", "update failed", "preview failed", "refresh failed")


def _last_error(exc: BaseException) -> str:
    """The error that says why, from the CLI's transcript: the first ``error:`` line that is
    not the CLI's generic closing one, else the exception a program raised."""
    text = str(getattr(exc, "stderr", "") or "") + "\n" + str(getattr(exc, "stdout", "") or "")
    lines = []
    for raw in (text + "\n" + str(exc)).splitlines():
        line = raw.strip()
        for prefix in ("stderr:", "stdout:"):  # how the Automation API's error quotes them
            line = line.removeprefix(prefix).strip()
        if line and not line.startswith("code:"):
            lines.append(line)
    specific = [
        ln for ln in lines if ln.startswith("error:") and not any(g in ln for g in _GENERIC)
    ]
    raised = [ln for ln in lines if "Error: " in ln and not ln.startswith("error:")]
    generic = [ln for ln in lines if ln.startswith("error:")]
    found = (specific or raised or generic or lines or [type(exc).__name__])[0]
    if any(FIRST_OPEN_RACE in ln for ln in lines):
        return (
            "the PostgreSQL backend was opened for the first time by several machines at once, "
            "and Pulumi's own table creation collided: it exists now, so run the command again "
            f"({found[:200]})"
        )
    return found[:300]


UNHANDLED = "Program failed with an unhandled exception:"
MAX_WARNINGS = 20
"""Per stack, in the summary; the rest are counted (the stack's own run shows them all)."""


def _diagnostics(events: list[auto.EngineEvent], severity: str) -> list[auto.DiagnosticEvent]:
    found = [e.diagnostic_event for e in events if e.diagnostic_event is not None]
    return [d for d in found if d.severity == severity and not d.ephemeral]


def _exception(traceback: str) -> str:
    """The exception a Python traceback ends with (the text after its last frame), on one
    line; with chained exceptions, the last one's."""
    lines = traceback.rstrip().splitlines()
    frames = [i for i, ln in enumerate(lines) if ln.startswith("  File ")]
    start = frames[-1] + 1 if frames else 0
    # A frame's source line, and the ^^^ under it, are indented further than the frame.
    while start < len(lines) and lines[start].startswith("    "):
        start += 1
    words = " ".join(ln.strip() for ln in lines[start:] if ln.strip())
    return words[:300]


def _program_failure(events: list[auto.EngineEvent]) -> str | None:
    """Why a program failed, when it raised: the CLI's summary line is the header alone
    ("Program failed with an unhandled exception:"); the reason is its traceback's end. It is
    what `pulumi up` itself prints, nothing more (our resources raise without input values)."""
    for diagnostic in _diagnostics(events, "error"):
        message = diagnostic.message.strip()
        if message.startswith(UNHANDLED):
            reason = _exception(message[len(UNHANDLED) :])
            if reason:
                return f"error: {UNHANDLED} {reason}"
    return None


def _warnings(events: list[auto.EngineEvent], stderr: str) -> list[str]:
    """Every warning of a run, once: the engine's warning diagnostics (the program's, and the
    providers', which are redacted where they are written) named by resource, then the CLI's
    own ``warning:`` lines."""
    found: list[str] = []
    for diagnostic in _diagnostics(events, "warning"):
        text = " ".join(ln.strip() for ln in diagnostic.message.splitlines() if ln.strip())
        if diagnostic.urn:
            text = f"{diagnostic.urn.rsplit('::', 1)[-1]}: {text}"
        found.append(text)
    for line in stderr.splitlines():
        if line.strip().startswith("warning:"):
            found.append(line.strip().removeprefix("warning:").strip())
    return list(dict.fromkeys(w for w in found if w))


def _changes(operation: str, result: Any) -> dict[str, int]:
    if operation == "preview":
        counts = result.change_summary or {}
    else:
        counts = (result.summary.resource_changes if result.summary else None) or {}
    return {str(k): int(v) for k, v in counts.items() if v}


CREATE_ATTEMPTS = 5


class _Workspace(auto.LocalWorkspace):
    """The Automation API's local workspace, without its selecting of stacks.

    Its ``select_stack`` runs ``pulumi stack select`` and its ``create_stack`` ``pulumi stack
    init``, and both make the stack the workspace's current one (in PULUMI_HOME, for every
    shell in the project): after a fleet run, a plain ``pulumi refresh`` went to the last stack
    the fleet touched, another environment. The fleet needs no current stack (every command
    it runs names its stack), so here a stack is only looked up, or created unselected."""

    def select_stack(self, stack_name: str) -> None:
        # Fails with "no stack named ... found" (StackNotFoundError) as `stack select` does.
        self._run_pulumi_cmd_sync(["stack", "--stack", stack_name, "--show-name"])

    def create_stack(self, stack_name: str) -> None:
        args = ["stack", "init", stack_name, "--no-select"]
        if self.secrets_provider:
            args += ["--secrets-provider", self.secrets_provider]
        self._run_pulumi_cmd_sync(args)


def _stack(name: str, where: str, options: auto.LocalWorkspaceOptions, create: bool) -> auto.Stack:
    workspace = _Workspace(**{**options.__dict__, "work_dir": where})
    if create:
        return auto.Stack.create_or_select(name, workspace)
    return auto.Stack.select(name, workspace)


FIRST_OPEN_RACE = "pg_type_typname_nsp_index"
"""What PostgreSQL answers the loser of two concurrent ``CREATE TABLE IF NOT EXISTS`` (Pulumi's
PostgreSQL backend runs one when it is opened): the table is there as soon as the winner commits,
so trying again succeeds."""


def _settles_by_retrying(exc: auto.CommandError) -> bool:
    """A failure another machine's concurrent run caused, which the next attempt does not meet:
    a DIY backend's lock on a stack both create (``could not create stack``), or the first open
    of a new PostgreSQL backend by two machines at once."""
    text = str(exc)
    return "could not create stack" in text or FIRST_OPEN_RACE in text


def _create_or_select(name: str, where: str, options: auto.LocalWorkspaceOptions) -> auto.Stack:
    """The stack, created if missing.

    The same fleet started on two machines at once creates each stack twice at once. A DIY
    backend then refuses one of the creates, or both (each sees the other's lock): ``could
    not create stack: ... locked``; on a new PostgreSQL backend, both may also race to create
    its table. It is tried again, after a random pause that breaks the tie, and then finds the
    other machine's stack (and table), or creates it."""
    for attempt in range(1, CREATE_ATTEMPTS + 1):
        try:
            return _stack(name, where, options, create=True)
        except auto.StackAlreadyExistsError:
            return _stack(name, where, options, create=False)
        except auto.CommandError as exc:
            if attempt == CREATE_ATTEMPTS or not _settles_by_retrying(exc):
                raise
            time.sleep(random.uniform(0.2, 1.0) * attempt)
    raise AssertionError("unreachable")


def run_fleet(
    project_dir: Path,
    operation: str,
    entries: list[StackEntry],
    *,
    concurrency: int,
    fail_fast: bool,
    parallel: int | None = None,
    rate_reserve: int | None = None,
    on_change: Callable[[StackResult], None] = lambda r: None,
    stop: threading.Event | None = None,
) -> list[StackResult]:
    """Run ``operation`` over ``entries``; one result per stack, in the file's order.

    All stacks share one Telnyx account's rate limit; each run's provider is told, through
    ``TELNYX_RATE_RESERVE``, to stop for the window's reset while the others' requests in
    flight still fit (``rate_reserve``; :func:`default_reserve` when None)."""
    assert operation in OPERATIONS, operation
    results = {e.name: StackResult(e.name) for e in entries}
    stacks: dict[str, auto.Stack] = {}
    failed = threading.Event()
    env: dict[str, str] = {}
    if rate_reserve is not None or RATE_RESERVE_ENV not in os.environ:
        # The user's own setting, if any, wins over the default.
        reserve = default_reserve(concurrency, parallel) if rate_reserve is None else rate_reserve
        env[RATE_RESERVE_ENV] = str(reserve)
    options = auto.LocalWorkspaceOptions(env_vars=env)
    where = str(project_dir)
    for entry in entries:
        try:
            # Created for up and preview only: refresh or destroy of a stack that does not
            # exist is that stack's failure, not a new empty stack.
            if operation in ("up", "preview"):
                stack = _create_or_select(entry.name, where, options)
            else:
                stack = _stack(entry.name, where, options, create=False)
            if entry.config:
                stack.set_all_config({k: auto.ConfigValue(v) for k, v in entry.config.items()})
        except Exception as exc:
            results[entry.name].state, results[entry.name].error = "failed", _last_error(exc)
            failed.set()
            on_change(results[entry.name])
            continue
        stacks[entry.name] = stack

    def one(entry: StackEntry) -> None:
        result = results[entry.name]
        if entry.name not in stacks:
            return
        if (fail_fast and failed.is_set()) or (stop is not None and stop.is_set()):
            result.state = "skipped"
            on_change(result)
            return
        result.state = "running"
        on_change(result)
        started = time.monotonic()
        stack = stacks[entry.name]
        events: list[auto.EngineEvent] = []
        try:
            answer: Any
            run: Callable[..., Any] = getattr(stack, operation)  # up, preview, refresh, destroy
            answer = run(parallel=parallel, color="never", on_event=events.append)
            result.changes = _changes(operation, answer)
            result.warnings = _warnings(events, str(getattr(answer, "stderr", "") or ""))
            result.state = "succeeded"
        except Exception as exc:  # every failure is that stack's, reported, never raised
            result.error = _program_failure(events) or _last_error(exc)
            result.warnings = _warnings(events, str(getattr(exc, "stderr", "") or ""))
            result.state = "failed"
            failed.set()
        result.seconds = time.monotonic() - started
        on_change(result)

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        list(pool.map(one, entries))
    return [results[e.name] for e in entries]
