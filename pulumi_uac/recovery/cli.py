"""``pulumi-uac``: recovery after an interrupted run, and the orphan list.

    pulumi-uac orphans [--stack S] [--cwd DIR] [--tag TAG] [--delete] [--confirm-id ID]... [--json]
    pulumi-uac recover [--stack S] [--cwd DIR]
    pulumi-uac release ID [--stack S] [--cwd DIR] [--confirm-id ID]

They read the stack's state with ``pulumi stack export`` (run in ``--cwd``, with this process's
environment, so the same backend, passphrase and stack selection as your ``pulumi`` commands) and
talk to Telnyx with the stack's ``telnyx:apiKey`` / ``telnyx:baseUrl``, else ``TELNYX_API_KEY`` /
``TELNYX_BASE_URL``, exactly as the provider does.

``recover`` is what to run after ``pulumi up`` or ``pulumi destroy`` was killed (and
``pulumi cancel``): it stops the plugin processes the killed CLI left running in the project,
marks the passwords of resources whose update was interrupted as unconfirmed (a refresh cannot
read them back, so the next ``pulumi up`` sends them again), deletes the objects the
interrupted creates left on Telnyx (they never reached the state, so nothing else would ever
delete them; adopted objects are only released), then clears the pending operations with
``pulumi refresh --clear-pending-creates``. The next ``pulumi up`` converges.

Every write (a deletion, an untag, a stopped process, a state import) comes after two checks
(``recovery.guard``): no run of this project is live on this machine, and the backend does not
report the stack locked. And every deletion rests on this stack's own evidence: an object is
deleted only when it carries the ownership mark of a resource this stack's state holds or left
pending. ``orphans --tag TAG`` (the tag a failed create named: a failed create leaves no record
in the state) and ``release ID`` act on an object no record links to only when each id is
named again with ``--confirm-id``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import shlex
import sys
from collections.abc import Sequence
from typing import Any

from ..client import NotFoundError, ResourceClient, TelnyxClient, TelnyxError
from ..core.marks import marks_of, stack_marks_of, token_of
from ..models import SPECS, by_name, users_first
from .errors import RecoveryError
from .guard import ensure_idle
from .orphans import (
    Orphan,
    find_orphans,
    find_tagged,
    find_unmarked,
    find_unrecorded,
    held_names,
    pending_names,
    release,
)
from .processes import leftovers, stop
from .stack import Stack
from .state import Held, StackRecord, mark_unconfirmed, read_state


def _selector(args: argparse.Namespace) -> str:
    """The option that chose what was listed, as a command line repeats it."""
    if getattr(args, "tag", None):
        return f"--tag {args.tag} "
    if getattr(args, "name", None):
        return f"--name {shlex.quote(args.name)} "
    return ""


def _delete_hint(selector: str, ids: list[str]) -> str:
    """The command that deletes ``ids``, found by ``selector``, as printed: ids are filled in
    only where the tool can justify them (an exact tag the failed create named); a name or a
    stack mark is no proof (anyone may use the name, and the same project and stack on another
    backend carries the same mark), so there the person names each id they have checked."""
    if selector.startswith("--tag "):
        confirm = " ".join(f"--confirm-id {i}" for i in ids)
    else:
        confirm = "--confirm-id ID (one for each id you have checked)"
    return f"pulumi-uac orphans {selector}--delete {confirm}"


def _describe(orphans: list[Orphan], selector: str = "") -> str:
    lines = [f"{len(orphans)} orphaned Telnyx object(s):"]
    # What the stack's own records link to first: the rest is evidence to check.
    for o in sorted(orphans, key=lambda o: not o.linked):
        lines.append(f"  {o.id}  {o.kind} {o.name!r}  for {o.urn}: {o.why}")
    unlinked = [o for o in orphans if not o.linked]
    # One command per way of finding them again (the option given, else each orphan's own).
    by_selector: dict[str, list[str]] = {}
    for o in unlinked:
        by_selector.setdefault(selector or o.selector, []).append(o.id)
    for found_by, ids in by_selector.items():
        lines.append(
            f"no record of this stack links to {', '.join(ids)}: check "
            + ("it" if len(ids) == 1 else "each")
            + " against the evidence above before deleting anything; to delete what you have "
            f"checked is this stack's: {_delete_hint(found_by, ids)}"
        )
    return "\n".join(lines)


def _found(stack: Stack, client: TelnyxClient, record: StackRecord) -> list[Orphan]:
    """What the stack's own records link to, then what only its stack mark does (one listing
    of the account's objects of each resource type for both)."""
    found: list[Orphan] = []
    unrecorded: list[Orphan] = []
    mark = stack.mark()
    for spec in SPECS:
        objects = list(client.resource(spec).list())
        found += find_orphans(spec, objects, record)
        if mark:
            unrecorded += find_unrecorded(spec, objects, record, mark)
        names = pending_names(spec, record)
        if names:
            found += find_unmarked(
                spec,
                objects,
                record,
                names,
                "has the exact name of an interrupted create of this stack and no ownership "
                f"mark: a {spec.noun} cannot be tagged at create, so a run killed before the "
                "marking update leaves it like this (found by name only: check it is yours)",
            )
        same = held_names(spec, record) - names
        if same:
            found += find_unmarked(
                spec,
                objects,
                record,
                same,
                f"has the exact name of a {spec.noun} this stack holds, and no ownership mark: "
                "a run killed before its marking update, then `pulumi refresh "
                "--clear-pending-creates` and `pulumi up`, leaves one like this beside the one "
                "the state holds; or someone else made one with that name (found by name "
                "only: check it is yours)",
            )
    if unrecorded:
        elsewhere = stack.held_elsewhere()
        found += [o for o in unrecorded if (o.kind, o.id) not in elsewhere]
    return found


def _clean_up(client: TelnyxClient, orphans: list[Orphan]) -> None:
    """Delete what the stack made; release (untag) what it was only adopting. Users go before
    what they use (a profile in use cannot be deleted)."""
    order = users_first()
    for o in sorted(orphans, key=lambda o: order.index(o.kind)):
        objects = client.resource(by_name(o.kind))
        try:
            if o.adopted:
                release(objects, o.id)
                print(f"released {o.id} ({o.name!r}): adopted, not made, so kept")
                continue
            objects.delete(o.id)
        except TelnyxError as exc:
            if getattr(exc, "status_code", None) != 404:
                raise RecoveryError(f"cleaning up orphan {o.id} failed: {exc}") from None
        print(f"deleted {o.id} ({o.name!r})")


def _live_note(stack: Stack) -> str | None:
    """Why the listing may be showing a live run's creates in flight, if it may."""
    try:
        ensure_idle(stack, "delete anything")
    except RecoveryError:
        return (
            "note: a run of this stack may still be going, so some of these may be its creates "
            "in flight; nothing can be deleted until it ends"
        )
    return None


def _held_now(stack: Stack, action: str) -> set[Held]:
    """Right before the first write: no run may be live, and what the state holds now (what a
    run finished meanwhile is not an orphan after all)."""
    ensure_idle(stack, action)
    return read_state(stack.export()).held


def _still_orphans(stack: Stack, found: list[Orphan], action: str) -> list[Orphan]:
    held = _held_now(stack, action)
    return [o for o in found if (o.kind, o.id) not in held]


def _locate(client: TelnyxClient, object_id: str) -> tuple[ResourceClient, Any]:
    """The resource client and the object for an id the user gave, whatever its type."""
    for spec in SPECS:
        objects = client.resource(spec)
        try:
            return objects, objects.get(object_id)
        except NotFoundError:
            continue
    raise RecoveryError(f"no Telnyx object this tool manages has the id {object_id}")


def orphans_command(args: argparse.Namespace) -> int:
    stack = Stack(args.stack, args.cwd)
    if args.delete:
        ensure_idle(stack, "delete orphans")
    if args.tag and args.name:
        raise RecoveryError("give --tag or --name, not both")
    client = stack.client()
    found = _find_orphans(args, stack, client, read_state(stack.export()))
    _list_orphans(args, found)
    if not args.delete:
        note = _live_note(stack) if found else None
        if note:
            print(note, file=sys.stderr)
        return 0
    _delete_orphans(args, stack, client, found)
    return 0


def _find_orphans(
    args: argparse.Namespace, stack: Stack, client: TelnyxClient, record: StackRecord
) -> list[Orphan]:
    """What ``--tag``, ``--name`` or (neither) this stack's own marks find outside the state."""
    if args.tag:
        try:
            return find_tagged(client, record, args.tag)
        except ValueError as exc:
            raise RecoveryError(str(exc)) from None
    if args.name:
        found: list[Orphan] = []
        for spec in SPECS:
            found += find_unmarked(
                spec,
                client.resource(spec).list(),
                record,
                {args.name},
                "has the name given and no ownership mark (found by name only: check it is the "
                "one your failed create made)",
            )
        return found
    return _found(stack, client, record)


def _list_orphans(args: argparse.Namespace, found: list[Orphan]) -> None:
    if args.json:
        print(json.dumps([o.__dict__ for o in found], indent=2))
    elif found:
        print(_describe(found, _selector(args)))
    elif args.tag:
        print(f"nothing carries {args.tag} outside the state: that create made nothing")
    elif args.name:
        print(f"no unmarked Telnyx object named {args.name!r} outside the state")
    else:
        print("no orphaned Telnyx objects: everything this stack made is in its state")


def _delete_orphans(
    args: argparse.Namespace, stack: Stack, client: TelnyxClient, found: list[Orphan]
) -> None:
    """Delete the orphans this stack's records link to, and those named by ``--confirm-id``;
    refuse the rest, saying why and how to name them."""
    listed = {o.id for o in found}
    strays = [i for i in args.confirm_id if i not in listed]
    if strays:
        # A confirmed id this listing does not show would otherwise be ignored in silence.
        raise RecoveryError(
            f"--confirm-id {', '.join(strays)}: not among the objects listed here, so nothing "
            "was deleted. An object found by name only is listed again with the --name the "
            "earlier listing printed (`pulumi-uac orphans --name NAME`)"
        )
    # Linked orphans are this stack's by its own records; the others only when named.
    chosen = [o for o in found if o.linked or o.id in args.confirm_id]
    unconfirmed = [o for o in found if o not in chosen]
    if chosen:
        _clean_up(client, _still_orphans(stack, chosen, "delete orphans"))
    if not unconfirmed:
        return
    given = _selector(args) or unconfirmed[0].selector
    ids = ", ".join(o.id for o in unconfirmed)
    message = (
        f"refusing to delete {ids}: no record of this stack links to "
        + ("that tag" if args.tag else "that name" if args.name else "it")
        + " (the state holds no resource and no pending create with its token), so it may "
        "be another stack's; it was left alone. If you know it is this stack's (a failed "
        "or interrupted `pulumi up` of it), name each id to delete: "
        + _delete_hint(given, [o.id for o in unconfirmed])
    )
    if not args.confirm_id:
        raise RecoveryError(message)
    # The ids named were what was asked for: the rest is only reported.
    print(f"note: {message}", file=sys.stderr)


def release_command(args: argparse.Namespace) -> int:
    stack = Stack(args.stack, args.cwd)
    ensure_idle(stack, f"release {args.id}")
    record = read_state(stack.export())
    client = stack.client()
    objects, found = _locate(client, args.id)
    spec = objects.spec
    if (spec.name, args.id) in record.held:
        raise RecoveryError(
            f"{spec.noun} {args.id} is held by this stack's state: releasing it would hide it "
            "from crash recovery; `pulumi state delete` it first if you mean to hand it over"
        )
    tags = getattr(found, spec.tags_field, None)
    marks = marks_of(tags)
    if not marks and not stack_marks_of(tags):
        print(f"{args.id} carries no ownership tag: nothing to release")
        return 0
    foreign = [m for m in marks if token_of(m) not in record.all_tokens]
    if foreign and args.id not in args.confirm_id:
        raise RecoveryError(
            f"refusing to release {args.id}: its ownership tag {', '.join(foreign)} is linked to "
            "no record of this stack, so it may belong to a resource of another stack, whose "
            "crash recovery relies on it. Nothing was changed. If you removed it from the stack "
            f"that held it (`pulumi state delete`) and mean to hand it over, run "
            f"`pulumi-uac release {args.id} --confirm-id {args.id}`"
        )
    if (spec.name, args.id) in _held_now(stack, f"release {args.id}"):
        raise RecoveryError(
            f"{spec.noun} {args.id} is now held by this stack's state: not released"
        )
    removed = release(objects, args.id)
    print(f"released {args.id}: removed {', '.join(removed)}")
    return 0


def recover_command(args: argparse.Namespace) -> int:
    stack = Stack(args.stack, args.cwd)
    # Before anything is stopped, marked or deleted: no run of the stack may be live, and the
    # configuration must be readable (a wrong passphrase stops here, not at Telnyx).
    ensure_idle(stack, "recover", repair=True)
    export = stack.export()
    record: StackRecord = read_state(export)
    client = stack.client()
    did: list[str] = []
    gone = leftovers(stack.project_dir)
    if gone:
        # Nothing the interrupted run started may land after the clean-up.
        stop([p.pid for p in gone])
        did.append(f"stopped {len(gone)} plugin process(es) the interrupted run left running")
        print(did[-1])
    if record.updating:
        # Marked first, so that no later step that fails (the refresh, say) can lose it.
        marked = mark_unconfirmed(export, record.updating)
        if marked:
            stack.import_(export)
            for urn, paths in sorted(marked.items()):
                did.append(
                    f"{urn.rsplit('::', 1)[-1]}: its update was interrupted, so Telnyx may hold "
                    f"new {', '.join(paths)}; the next `pulumi up` sends them again"
                )
                print(did[-1])
    found = _found(stack, client, record)
    if found:
        print(_describe(found))
        linked = [o for o in found if o.linked]
        if linked:
            _clean_up(client, _still_orphans(stack, linked, "recover"))
        did.append("reported")
    if record.pending or record.other_pending:
        stack.run("refresh", "--clear-pending-creates", "--yes", "--skip-preview")
        count = len(record.pending) + len(record.other_pending)
        did.append(f"cleared {count} pending operation(s)")
        print(
            f"cleared {count} pending operation(s) and refreshed the stack; "
            "run `pulumi up` (or `pulumi destroy`) again"
        )
    if not did:
        print("nothing to recover: no interrupted operation is recorded in the stack's state")
    return 0


def _version() -> str:
    try:
        return importlib.metadata.version("pulumi-uac")
    except importlib.metadata.PackageNotFoundError:
        # Run from a source tree that was never installed: the package's own constant.
        from .. import __version__

        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pulumi-uac",
        description=__doc__.split("\n\n")[0],
        epilog="pulumi-uac fleet --help: one operation over many stacks of the project",
    )
    parser.add_argument("--version", action="version", version=f"pulumi-uac {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    # Listed here so that --help names every command. `pulumi-uac fleet ...` normally never
    # reaches this parser (commands.main hands it to the fleet's own, with its own --help).
    fleet = sub.add_parser(
        "fleet",
        help="one operation (up, preview, refresh, destroy) over many stacks of the project",
        add_help=False,
    )
    fleet.add_argument("fleet_args", nargs=argparse.REMAINDER)
    for name, helptext in (
        ("orphans", "list Telnyx objects this stack made that its state does not hold"),
        ("recover", "clean up after an interrupted `pulumi up` or `pulumi destroy`"),
        ("release", "remove the ownership tags of an object this stack does not hold"),
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
                help="only what carries this ownership tag (named by a failed create)",
            )
            p.add_argument(
                "--name",
                help="only unmarked objects with this exact name (named by a failed create of a "
                "resource that cannot be tagged at create)",
            )
        if name == "release":
            p.add_argument("id", help="the object's id")
        if name in ("orphans", "release"):
            p.add_argument(
                "--confirm-id",
                action="append",
                default=[],
                metavar="ID",
                help="act on this object although no record of this stack links to it "
                "(repeat for each id)",
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "fleet":
        # Listed for --help only: commands.main (the console script, and `python -m
        # pulumi_uac.recovery`) hands `fleet` to the fleet's own parser before this one runs,
        # and the recovery tools import nothing of the fleet's (nor of Pulumi's).
        print("pulumi-uac: run the fleet as `pulumi-uac fleet ...`", file=sys.stderr)
        return 2
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
