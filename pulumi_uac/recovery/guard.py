"""The checks every write of ``pulumi-uac`` passes first.

A tool that deletes Telnyx objects or stops processes acts only when no run of the stack can be
affected: a run that is still going is creating objects its state does not hold *yet*, and
would be left with ids that no longer exist. So, before the first write (a deletion, an untag,
a stopped process, a state import), ``ensure_idle`` refuses, saying why and what to do, when

- a run of this project is live on this machine (a ``pulumi`` CLI running an engine command in
  it, or a plugin whose engine still answers: ``recovery.processes``), or
- the backend reports the stack's lock held (a run on this or another machine sharing the
  backend; a killed run keeps it until ``pulumi cancel``).

What remains between the check and the write is a window of the tool's own few requests, during
which a run that starts then could still be affected; the README says not to start one.
"""

from __future__ import annotations

from .errors import RecoveryError
from .processes import live_runs
from .stack import Stack


def ensure_idle(stack: Stack, action: str, repair: bool = False) -> None:
    """Refuse ``action`` (nothing done yet) unless no run of ``stack`` can be live.

    With ``repair``, the stack's half-written metadata files are removed between the two checks
    (``Stack.repair_metadata``): a killed run's lock can only be cleared by ``pulumi cancel``,
    which cannot read the stack until they are gone."""
    live = live_runs(stack.project_dir)
    if live:
        shown = ", ".join(p.describe() for p in live[:4])
        raise RecoveryError(
            f"refusing to {action}: a pulumi run of this project is still going on this machine "
            f"({shown}). Nothing was changed. Let it finish (or stop it), then run this again"
        )
    if repair:
        for path in stack.repair_metadata():
            print(
                f"removed {path}: a metadata file of the stack's state that a killed run left "
                "half-written (the state itself is whole; Pulumi reads it without this file)"
            )
    if stack.locked():
        raise RecoveryError(
            f"refusing to {action}: the backend reports the stack locked, so a run may still "
            "be going (here or on another machine). Nothing was changed. If it is, let it "
            "finish; if it was killed, make sure it is gone, run `pulumi cancel`, then this again"
        )
