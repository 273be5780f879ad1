"""``pulumi-uac fleet up|preview|refresh|destroy FILE``: the command line of the fleet.

Progress: on a terminal, a table redrawn in place; otherwise (CI logs) one line per stack as it
starts and ends. Then a summary per stack, and the exit code: 0 when every stack succeeded,
1 otherwise (2 for a bad command line or fleet file).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .run import MAX_WARNINGS, OPERATIONS, RATE_RESERVE_ENV, StackResult, run_fleet
from .stacks import FleetFileError, read_fleet, refuse_plain_secrets


def _changes(result: StackResult) -> str:
    shown = {"create": "+", "update": "~", "delete": "-", "replace": "+-"}
    parts = [f"{shown[k]}{v}" for k, v in result.changes.items() if k in shown]
    same = result.changes.get("same")
    if same:
        parts.append(f"={same}")
    return " ".join(parts) or "no changes"


def _row(result: StackResult, width: int) -> str:
    timing = f"{result.seconds:6.1f}s" if result.state in ("succeeded", "failed") else " " * 7
    detail = result.error if result.state == "failed" else ""
    if result.state == "succeeded":
        detail = _changes(result)
    return f"{result.name:<{width}}  {result.state:<9}  {timing}  {detail}".rstrip()


class Progress:
    """Shows the fleet's progress as it changes (thread-safe)."""

    def __init__(self, results: list[StackResult], out: TextIO, live: bool) -> None:
        self._results = {r.name: r for r in results}
        self._out = out
        self._live = live
        self._lock = threading.Lock()
        self._drawn = 0
        self._width = max(len(r.name) for r in results)

    def change(self, result: StackResult) -> None:
        with self._lock:
            self._results[result.name] = result
            if self._live:
                self._redraw()
            elif result.state != "waiting":
                print(_row(result, self._width), file=self._out, flush=True)

    def _redraw(self) -> None:
        if self._drawn:
            self._out.write(f"\x1b[{self._drawn}F\x1b[J")
        rows = [_row(r, self._width) for r in self._results.values()]
        self._out.write("\n".join(rows) + "\n")
        self._out.flush()
        self._drawn = len(rows)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pulumi-uac fleet",
        description="Run one Pulumi operation over many stacks of this project.",
    )
    parser.add_argument("operation", choices=OPERATIONS)
    parser.add_argument("file", type=Path, help="the fleet file: one stack per line")
    parser.add_argument("--cwd", default=os.getcwd(), help="the project folder (default: here)")
    parser.add_argument("--concurrency", type=int, default=4, help="stacks run at once (default 4)")
    parser.add_argument(
        "--parallel", type=int, default=None, help="each run's --parallel (Pulumi's default)"
    )
    parser.add_argument(
        "--rate-reserve",
        type=int,
        default=None,
        help="requests of the account's rate window each stack leaves to the others "
        "(default: what the other stacks may have in flight)",
    )
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="start no more stacks once one failed (running ones finish)",
    )
    return parser


def _children() -> list[int]:
    """The processes this one started (the Automation API's ``pulumi`` runs), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(int(entry.name))
    return found


def _interrupt_on_signals(stop: threading.Event) -> None:
    """Ctrl-C or SIGTERM (a CI job cancelled): start no more stacks, and ask the running ones
    to cancel as Ctrl-C does (``pulumi`` then finishes its steps in flight and releases the
    stack's lock), so that the summary is still printed and no stack is left locked."""

    def handler(signum: int, _frame: object) -> None:
        first = not stop.is_set()
        stop.set()
        if signum == signal.SIGTERM or not first:
            # A terminal's Ctrl-C reached the runs already (same process group); a SIGTERM
            # came to this process alone.
            for pid in _children():
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGINT)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def _reserve_setting() -> str | None:
    raw = os.environ.get(RATE_RESERVE_ENV, "").strip()
    if raw and not raw.isdigit():
        return f"{RATE_RESERVE_ENV} must be a whole number of requests (0 or more)"
    return None


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    problems = [
        f"--{name.replace('_', '-')} must be at least {least}"
        for name, least in (("concurrency", 1), ("parallel", 1), ("rate_reserve", 0))
        if getattr(args, name) is not None and getattr(args, name) < least
    ]
    bad_env = _reserve_setting()
    if bad_env and args.rate_reserve is None:
        problems.append(bad_env)
    if problems:
        print(f"pulumi-uac fleet: {'; '.join(problems)}", file=sys.stderr)
        return 2
    try:
        entries = read_fleet(args.file)
        refuse_plain_secrets(args.file, entries, Path(args.cwd))
    except FleetFileError as exc:
        print(f"pulumi-uac fleet: {exc}", file=sys.stderr)
        return 2
    results = [StackResult(e.name) for e in entries]
    progress = Progress(results, out, live=out.isatty())
    stop = threading.Event()
    _interrupt_on_signals(stop)
    done = run_fleet(
        Path(args.cwd),
        args.operation,
        entries,
        concurrency=args.concurrency,
        fail_fast=args.fail_fast,
        parallel=args.parallel,
        rate_reserve=args.rate_reserve,
        on_change=progress.change,
        stop=stop,
    )
    width = max(len(r.name) for r in done)
    print(f"\nfleet {args.operation}: {len(done)} stack(s)", file=out)
    for result in done:
        print("  " + _row(result, width), file=out)
        for warning in result.warnings[:MAX_WARNINGS]:
            print(f"  {'':<{width}}  warning: {warning}", file=out)
        if len(result.warnings) > MAX_WARNINGS:
            more = len(result.warnings) - MAX_WARNINGS
            print(f"  {'':<{width}}  ... and {more} more warning(s)", file=out)
    counts = {s: sum(r.state == s for r in done) for s in ("succeeded", "failed", "skipped")}
    print("  " + ", ".join(f"{v} {k}" for k, v in counts.items() if v), file=out, flush=True)
    if stop.is_set():
        print(
            "  interrupted: no stack started after the signal; the running ones were asked to "
            "cancel. A stack that still reports itself locked: see the README, Interrupted runs",
            file=out,
            flush=True,
        )
        return 130
    return 0 if counts["succeeded"] == len(done) else 1
