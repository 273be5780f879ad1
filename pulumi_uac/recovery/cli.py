"""``pulumi-uac``: recovery after an interrupted run, and the orphan list.

    pulumi-uac orphans [--stack S] [--cwd DIR] [--tag TAG] [--delete] [--json]
    pulumi-uac recover [--stack S] [--cwd DIR]
    pulumi-uac release ID [--stack S] [--cwd DIR]

Both read the stack's state with ``pulumi stack export`` (run in ``--cwd``, with this process's
environment, so the same backend, passphrase and stack selection as your ``pulumi`` commands) and
talk to Telnyx with the stack's ``telnyx:apiKey`` / ``telnyx:baseUrl``, else ``TELNYX_API_KEY`` /
``TELNYX_BASE_URL``, exactly as the provider does.

``recover`` is what to run after ``pulumi up`` or ``pulumi destroy`` was killed: it stops the
provider processes the killed CLI left running in the project, deletes the connections the
interrupted creates left on Telnyx (they never reached the state, so nothing else would ever
delete them; adopted connections are never touched), then clears the pending operations with
``pulumi refresh --clear-pending-creates``. A resource whose update was interrupted gets its
passwords marked unconfirmed in the state (a refresh cannot read them back), so the next
``pulumi up`` sends them again. The next ``pulumi up`` converges.

``orphans --tag TAG`` looks for the one connection a failed create named in its error (its
answer was lost and no look found it): a failed create leaves no trace in the state, so its tag
is the only way to find it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

from ..client import TelnyxError, UacClient
from ..core.session import API_KEY_CONFIG, BASE_URL_CONFIG, resolve, shared_client
from .leftovers import leftover_providers, stop
from .orphans import Orphan, find_orphans, find_tagged, release
from .state import StackRecord, mark_unconfirmed, read_state

PULUMI_ENV = "PULUMI_UAC_PULUMI"
"""Overrides the ``pulumi`` executable to run."""


class RecoveryError(Exception):
    """A step failed; the message says which and what to do."""


class Stack:
    """One stack, reached through the ``pulumi`` CLI."""

    def __init__(self, name: str | None, cwd: str | None) -> None:
        self.name = name
        self.cwd = cwd
        self.pulumi = os.environ.get(PULUMI_ENV, "pulumi")

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [self.pulumi, *args, "--non-interactive"]
        if self.name:
            cmd += ["--stack", self.name]
        try:
            proc = subprocess.run(
                cmd, cwd=self.cwd, capture_output=True, text=True, check=False, timeout=3600
            )
        except FileNotFoundError:
            raise RecoveryError(
                f"cannot run {self.pulumi!r}: put the pulumi CLI on PATH (or set {PULUMI_ENV})"
            ) from None
        if check and proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            if any("currently locked" in line for line in detail):
                raise RecoveryError(
                    "the stack is still locked by the interrupted run. If no other pulumi "
                    "command is running on it, run `pulumi cancel` and then this command again"
                )
            raise RecoveryError(f"`pulumi {' '.join(args)}` failed: {' '.join(detail[-3:])}")
        return proc

    def export(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.run("stack", "export").stdout)
        return data

    def import_(self, deployment: dict[str, Any]) -> None:
        """``pulumi stack import`` of an edited export (secrets stay encrypted: the document
        goes through stdin, and only plain values were changed)."""
        cmd = [self.pulumi, "stack", "import", "--non-interactive"]
        if self.name:
            cmd += ["--stack", self.name]
        proc = subprocess.run(
            cmd,
            cwd=self.cwd,
            input=json.dumps(deployment),
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            raise RecoveryError(f"`pulumi stack import` failed: {' '.join(detail[-3:])}")

    def config(self, key: str) -> str | None:
        proc = self.run("config", "get", key, check=False)
        return proc.stdout.strip() if proc.returncode == 0 and proc.stdout.strip() else None

    def client(self) -> UacClient:
        key, url = resolve(self.config(API_KEY_CONFIG), self.config(BASE_URL_CONFIG))
        return shared_client(key, url)


def _describe(orphans: list[Orphan]) -> str:
    lines = [f"{len(orphans)} orphaned UAC connection(s):"]
    for o in orphans:
        lines.append(f"  {o.id}  {o.connection_name!r}  for {o.urn}: {o.why}")
    return "\n".join(lines)


def _clean_up(client: UacClient, orphans: list[Orphan]) -> None:
    """Delete what the stack made; release (untag) what it was only adopting."""
    for o in orphans:
        try:
            if o.adopted:
                release(client, o.id)
                print(f"released {o.id} ({o.connection_name!r}): adopted, not made, so kept")
                continue
            client.delete(o.id)
        except TelnyxError as exc:
            if getattr(exc, "status_code", None) != 404:
                raise RecoveryError(f"cleaning up orphan {o.id} failed: {exc}") from None
        print(f"deleted {o.id} ({o.connection_name!r})")


def orphans_command(args: argparse.Namespace) -> int:
    stack = Stack(args.stack, args.cwd)
    record = read_state(stack.export())
    if args.tag:
        try:
            found = find_tagged(stack.client(), record, args.tag)
        except ValueError as exc:
            raise RecoveryError(str(exc)) from None
    else:
        found = find_orphans(stack.client(), record)
    if args.json:
        print(json.dumps([o.__dict__ for o in found], indent=2))
    elif found:
        print(_describe(found))
    else:
        print(
            f"no connection carries {args.tag} outside the state: that create made nothing"
            if args.tag
            else "no orphaned UAC connections: every connection this stack made is in its state"
        )
    if args.delete and found:
        _clean_up(stack.client(), found)
    return 0


def release_command(args: argparse.Namespace) -> int:
    stack = Stack(args.stack, args.cwd)
    record = read_state(stack.export())
    if args.id in record.ids:
        raise RecoveryError(
            f"connection {args.id} is held by this stack's state: releasing it would hide it from "
            "crash recovery; `pulumi state delete` it first if you mean to hand it over"
        )
    marks = release(stack.client(), args.id)
    print(
        f"released {args.id}: removed {', '.join(marks)}"
        if marks
        else f"{args.id} carries no ownership tag: nothing to release"
    )
    return 0


def recover_command(args: argparse.Namespace) -> int:
    stack = Stack(args.stack, args.cwd)
    leftovers = leftover_providers(args.cwd or os.getcwd())
    if leftovers:
        # First: nothing the interrupted run started may land after the clean-up.
        stop(leftovers)
        print(f"stopped {len(leftovers)} plugin process(es) the interrupted run left running")
    record: StackRecord = read_state(stack.export())
    found = find_orphans(stack.client(), record)
    if found:
        print(_describe(found))
        _clean_up(stack.client(), found)
    if record.pending or record.other_pending:
        stack.run("refresh", "--clear-pending-creates", "--yes", "--skip-preview")
        print(
            f"cleared {len(record.pending)} pending create(s) and refreshed the stack; "
            "run `pulumi up` (or `pulumi destroy`) again"
        )
    if record.updating:
        export = stack.export()
        marked = mark_unconfirmed(export, record.updating)
        if marked:
            stack.import_(export)
            for urn, paths in sorted(marked.items()):
                print(
                    f"{urn.rsplit('::', 1)[-1]}: its update was interrupted, so Telnyx may hold "
                    f"new {', '.join(paths)}; the next `pulumi up` sends them again"
                )
    elif not found:
        print("nothing to recover: no interrupted operation is recorded in the stack's state")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pulumi-uac", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("orphans", "list connections this stack made that its state does not hold"),
        ("recover", "clean up after an interrupted `pulumi up` or `pulumi destroy`"),
        ("release", "remove the ownership tags of a connection this stack does not hold"),
    ):
        p = sub.add_parser(name, help=helptext, description=helptext)
        p.add_argument("--stack", "-s", help="the stack (default: the selected one)")
        p.add_argument("--cwd", "-C", help="the Pulumi project folder (default: here)")
        if name == "orphans":
            p.add_argument(
                "--delete",
                action="store_true",
                help="delete the orphans found (adopted ones are only released)",
            )
            p.add_argument("--json", action="store_true", help="print JSON")
            p.add_argument(
                "--tag",
                help="only the connection carrying this ownership tag (named by a failed create)",
            )
        if name == "release":
            p.add_argument("id", help="the connection's id")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = {
        "orphans": orphans_command,
        "recover": recover_command,
        "release": release_command,
    }[args.command]
    try:
        return command(args)
    except (RecoveryError, TelnyxError) as exc:
        print(f"pulumi-uac {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
