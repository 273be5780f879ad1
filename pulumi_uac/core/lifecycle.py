"""The lifecycle of a UAC connection: create, read, update and delete, written once for both
adapters (the dynamic ``ResourceProvider`` and the native plugin), over plain dicts.

API requests per operation (fewest that correctness allows):

- create: 1 POST. Adoption by id or name: 2 (GET or list, then PATCH). A registration wait adds
  its polls. Only when a POST fails in a way that may have reached Telnyx does the client look
  for the connection by its exact ownership tag before deciding anything (see the client).
- update: 1 PATCH carrying the changed top-level fields; 0 requests when only provider inputs
  changed. When a nested object changed, or the update waits for registration, the connection
  is read first (2 requests): a nested object is sent whole, the program's keys over Telnyx's
  current values (see :mod:`.nested`), and a failed registration is undone from that reading.
- read: 1 GET. delete: 1 DELETE. check and diff: 0, always.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from ..client import (
    AbandonedError,
    NotFoundError,
    TelnyxError,
    UacClient,
    UnconfirmedCreateError,
    may_have_landed,
)
from ..models import (
    UacConnection,
    UacConnectionCreateParams,
    UacConnectionUpdateParams,
    request_fields,
)
from .adoption import adopt, by_id, by_name
from .diff import comparable, compute_diff, unconfirmed_passwords
from .errors import OwnedElsewhereError, with_context
from .marks import marks_of, new_mark, new_token, stack_mark, token_of, user_tags
from .nested import nested_roots, whole_objects
from .outputs import api_view, build_outputs, known_password
from .redact import Redactor
from .registration import wait_for_registration
from .rollback import roll_back
from .schema import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    COMPUTED,
    MANAGED_FIELDS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    PASSWORD_PATHS,
    PROVIDER_INPUT_NAMES,
    UNCONFIRMED_PASSWORDS,
    WAIT_FOR_REGISTRATION,
    api_inputs,
    managed_paths,
    root,
)
from .values import get_path, normalize, project

log = logging.getLogger("pulumi_uac.core")

Warn = Callable[[str], None]
REGISTRATION_ROOTS = frozenset({"active", "external_uac_settings"})
"""Changes to these restart Telnyx's registration to the PBX."""


@dataclass
class Created:
    id: str
    outputs: dict[str, Any]


@dataclass
class Read:
    id: str
    outputs: dict[str, Any]
    inputs: dict[str, Any]


class ConnectionLifecycle:
    """Create, read, update and delete UAC connections through ``client``.

    ``warn`` receives the warnings a user should see (Telnyx storing something other than what
    was sent) and ``status`` the progress of a registration wait; each adapter routes them to
    the engine (a status shows on the resource's line in the CLI). ``redactor`` (built by the
    adapter from the call's inputs) hides every value that may have been secret from those
    messages and from every failure raised here; without one, no value is shown at all.
    """

    def __init__(
        self,
        client: UacClient,
        *,
        warn: Warn | None = None,
        status: Warn | None = None,
        redactor: Redactor | None = None,
        urn: str = "",
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self._stack_marks = [m for m in (stack_mark(urn),) if m]
        self.redactor = redactor or Redactor((), None)
        sink = warn or log.warning
        self._warn: Warn = lambda message: sink(self.redactor(message))
        self._status: Warn | None = (
            None if status is None else (lambda message: status(self.redactor(message)))
        )
        self._sleep = sleep
        self._clock = clock

    # ------------------------------------------------------------------ create

    def create(self, inputs: dict[str, Any], *, timeout: float | None = None) -> Created:
        """Create (or adopt, when asked) the connection ``inputs`` describe; with ``timeout``
        (``customTimeouts``), every request of it ends within that many seconds."""
        with self._redacting(), self._bounded(timeout):
            return self._create(inputs, timeout)

    def _create(self, inputs: dict[str, Any], timeout: float | None) -> Created:
        started = self._clock()
        desired = api_inputs(inputs)
        managed = managed_paths(desired)
        name = str(desired["connection_name"])
        client = self.client
        tag = new_mark(str(inputs.get(OWNERSHIP_TOKEN) or new_token()))
        adopted = bool(inputs.get(ADOPT_EXISTING_ID) or inputs.get(ADOPT_EXISTING_BY_NAME))
        try:
            if adopted:
                found = (
                    by_id(client, str(inputs[ADOPT_EXISTING_ID]))
                    if inputs.get(ADOPT_EXISTING_ID)
                    else by_name(client, name)
                )
                tags_before = list(found.tags or [])
                conn = adopt(client, found, desired, tag)
            else:
                body = dict(desired)
                body["tags"] = [*user_tags(desired.get("tags")), tag, *self._stack_marks]
                conn = client.create(UacConnectionCreateParams.model_validate(body), mark=tag)
        except UnconfirmedCreateError as exc:
            # The engine records nothing for a failed create, and the tag is random: only the
            # user, told the tag now, can find this connection again before the next run.
            raise with_context(
                exc,
                f"creating UAC connection {name!r}",
                suffix=f". Before running `pulumi up` again, run `pulumi-uac orphans --tag {tag}` "
                "in this project: it prints the id of the connection that create made, if any "
                "(add --delete --confirm-id ID to remove it); otherwise the next run may create "
                "the connection a second time",
            ) from None
        except TelnyxError as exc:
            raise with_context(exc, f"creating UAC connection {name!r}") from None
        conn_id = str(conn.id)
        self._report_differences(conn, desired, managed, f"UAC connection {name!r} ({conn_id})")
        status = None
        try:
            status = self._maybe_wait(conn_id, inputs, desired, timeout, started)
        except AbandonedError:
            raise  # the CLI is gone: nothing more is sent; the pending create records the token
        except TelnyxError as exc:
            # The wait failed (the PBX refused, or the API kept failing): whatever happened,
            # nothing is left half-made.
            if adopted:
                # Not ours after all: the tag goes, so that the next run may adopt it again.
                try:
                    with client.full_budget():
                        client.update(
                            conn_id, UacConnectionUpdateParams.model_validate({"tags": tags_before})
                        )
                    released = "its ownership tag was removed again"
                except TelnyxError:
                    released = (
                        "removing its ownership tag failed: run "
                        f"`pulumi-uac release {conn_id} --confirm-id {conn_id}`"
                    )
                raise with_context(
                    exc,
                    None,
                    suffix=f". The adopted connection {conn_id} keeps the program's settings "
                    f"({released}); fix the PBX or the settings and run `pulumi up` again",
                ) from None
            try:
                with client.full_budget():
                    client.delete(conn_id)
                suffix = (
                    f". The new connection {conn_id} was deleted, so nothing is left half-created"
                )
            except TelnyxError as cleanup:
                suffix = (
                    f". Deleting the new connection {conn_id} also failed ({cleanup}): delete it "
                    f"by hand (DELETE /v2/uac_connections/{conn_id}, or the Telnyx portal)"
                )
            raise with_context(exc, None, suffix=suffix) from None
        outs = build_outputs(conn, managed, desired=desired, previous={}, inputs=inputs, tag=tag)
        _apply_status(outs, status)
        return Created(conn_id, outs)

    # ------------------------------------------------------------------ read

    def read(self, conn_id: str, outputs: dict[str, Any]) -> Read | None:
        with self._redacting():
            return self._read(conn_id, outputs)

    def _read(self, conn_id: str, outputs: dict[str, Any]) -> Read | None:
        """The connection as Telnyx holds it now; None when it no longer exists.

        With ``outputs`` from the state (refresh), the managed paths stay those the state
        records. Without (import, or a read by id), every setting Telnyx reports becomes managed,
        so the inputs describe the whole connection; masked passwords cannot be read and are
        left out.
        """
        try:
            conn = self.client.get(conn_id)
        except NotFoundError:
            return None
        recorded = outputs.get(MANAGED_FIELDS)
        if recorded is not None:
            managed = [str(p) for p in recorded]
        else:
            managed = _readable_paths(conn, outputs)
        tag, unrecorded = _mark_on_telnyx(conn, outputs.get(OWNERSHIP_TAG))
        outs = build_outputs(
            conn,
            managed,
            desired=None,
            previous=outputs,
            inputs=outputs,
            tag=tag,
        )
        inputs = project(outs, managed)
        inputs.update({k: outs[k] for k in (*PROVIDER_INPUT_NAMES, OWNERSHIP_TOKEN) if k in outs})
        unconfirmed = unconfirmed_passwords(outputs)
        if unrecorded:
            # An update that changed passwords landed and the state never recorded it (its run
            # was killed): Telnyx may hold passwords other than the state's.
            unconfirmed = sorted({*unconfirmed, *(p for p in PASSWORD_PATHS if p in managed)})
        if unconfirmed:
            # A refresh cannot settle them (Telnyx masks passwords), only an update can: the
            # marker stays, and so does the gap in the inputs that makes the engine see it.
            outs[UNCONFIRMED_PASSWORDS] = unconfirmed
            for path in unconfirmed:
                inputs.pop(root(path), None)
        return Read(conn_id, outs, inputs)

    # ------------------------------------------------------------------ update

    def update(
        self,
        conn_id: str,
        olds: dict[str, Any],
        news: dict[str, Any],
        *,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Apply the program's inputs ``news`` to the connection whose state outputs are
        ``olds``; the new outputs. ``timeout`` bounds it as for :meth:`create`."""
        with self._redacting(), self._bounded(timeout):
            return self._update(conn_id, olds, news, timeout)

    def _update(
        self, conn_id: str, olds: dict[str, Any], news: dict[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        started = self._clock()
        changes = compute_diff(olds, news)
        desired = api_inputs(news)
        managed = managed_paths(desired)
        patch = self._patch_for(changes.paths, desired, olds, self._stack_marks)
        name = str(desired.get("connection_name") or olds.get("connection_name") or conn_id)
        subject = f"UAC connection {name!r} ({conn_id})"
        wait = _wait_seconds(news)
        waits = bool(patch) and wait > 0 and bool(REGISTRATION_ROOTS & set(patch))
        before: UacConnection | None = None
        sent = False
        try:
            if patch:
                before = self._not_owned_elsewhere(conn_id, olds, "update")
            if (waits or nested_roots(patch)) and before is None:
                before = self.client.get(conn_id)
            if nested_roots(patch):
                assert before is not None
                patch = whole_objects(patch, before, olds)
            tag = olds.get(OWNERSHIP_TAG)
            ours = tag is not None and token_of(str(tag)) is not None
            if patch and ours and set(PASSWORD_PATHS) & set(changes.paths):
                if "tags" not in patch and before is None:
                    before = self.client.get(conn_id)
                tag = _rotate_mark(patch, str(tag), before, self._stack_marks)
            if patch:
                params = UacConnectionUpdateParams.model_validate(patch)
                sent = True
                conn = self.client.update(conn_id, params)
            else:
                conn = _connection_from_outputs(conn_id, olds)
        except TelnyxError as exc:
            suffix = _maybe_applied(patch, olds) if sent and may_have_landed(exc) else ""
            raise with_context(exc, f"updating {subject}", suffix=suffix) from None
        if patch:
            self._report_differences(conn, desired, managed, subject)
        status = None
        if waits:
            try:
                status = self._maybe_wait(conn_id, news, desired, timeout, started)
            except AbandonedError as exc:
                raise with_context(
                    exc,
                    None,
                    suffix=f"; Telnyx already holds the new {', '.join(sorted(patch))}: run "
                    "`pulumi refresh` before anything else",
                ) from None
            except TelnyxError as exc:
                assert before is not None
                with self.client.full_budget():
                    raise roll_back(self.client, conn_id, patch, before, olds, exc) from None
        outs = build_outputs(conn, managed, desired=desired, previous=olds, inputs=news, tag=tag)
        _apply_status(outs, status)
        return outs

    @staticmethod
    def _patch_for(
        paths: list[str], desired: dict[str, Any], olds: dict[str, Any], stack_marks: list[str]
    ) -> dict[str, Any]:
        """The PATCH body: changed top-level fields, and every nested object with a change sent
        whole (every key the program manages in it, passwords included)."""
        patch: dict[str, Any] = {}
        for path in paths:
            key = root(path)
            patch[key] = desired[key]
        if "tags" in patch:
            own = marks_of([str(olds.get(OWNERSHIP_TAG) or "")])
            patch["tags"] = [*user_tags(patch["tags"]), *own, *(stack_marks if own else [])]
        return patch

    # ------------------------------------------------------------------ delete

    def delete(self, conn_id: str, outputs: dict[str, Any] | None = None) -> None:
        with self._redacting():
            self._delete(conn_id, outputs)

    def _delete(self, conn_id: str, outputs: dict[str, Any] | None = None) -> None:
        """Delete the connection; one that is already gone is the desired end state. One this
        resource did not tag (imported) is first checked for another owner's mark."""
        try:
            if outputs is not None:
                self._not_owned_elsewhere(conn_id, outputs, "delete")
            self.client.delete(conn_id)
        except NotFoundError:
            return
        except TelnyxError as exc:
            raise with_context(exc, f"deleting UAC connection {conn_id}") from None

    def _not_owned_elsewhere(
        self, conn_id: str, outputs: dict[str, Any], action: str
    ) -> UacConnection | None:
        """For a resource that holds no ownership tag of its own (it was imported), the
        connection as Telnyx holds it, refusing it when another resource's mark is on it: two
        resources managing one connection could each change or delete it. None when this
        resource has a tag (nothing to check, no request made)."""
        if outputs.get(OWNERSHIP_TAG):
            return None
        conn = self.client.get(conn_id)
        for mark in marks_of(conn.tags):
            raise OwnedElsewhereError(
                f"will not {action} UAC connection {conn_id}: it was imported into this stack, but "
                f"it belongs to another Pulumi resource (ownership tag {mark}), which may change "
                "or delete it too. Remove it from this stack with `pulumi state delete`; to move "
                "it here, run `pulumi state delete` in the stack that owns it, then "
                f"`pulumi-uac release {conn_id} --confirm-id {conn_id}`, then import it again"
            )
        return conn

    # ------------------------------------------------------------------ helpers

    @contextmanager
    def _redacting(self) -> Iterator[None]:
        """Every failure leaves with the values that may have been secret taken out."""
        try:
            yield
        except TelnyxError as exc:
            exc.args = (self.redactor(str(exc)),)
            raise

    def _bounded(self, timeout: float | None) -> AbstractContextManager[None]:
        return self.client.within(timeout) if timeout else nullcontext()

    def _maybe_wait(
        self,
        conn_id: str,
        inputs: dict[str, Any],
        desired: dict[str, Any],
        timeout: float | None,
        started: float,
    ) -> Any:
        wait = _wait_seconds(inputs)
        if wait <= 0:
            return None
        bounded_by = "wait_for_registration"
        if timeout:
            left = max(0.0, timeout - (self._clock() - started))
            if left < wait:
                wait, bounded_by = left, "the operation's customTimeouts"
        proxy = get_path(desired, "external_uac_settings.proxy") or "(no proxy)"
        return wait_for_registration(
            self.client,
            conn_id,
            wait,
            proxy=str(proxy),
            name=str(desired.get("connection_name") or conn_id),
            bounded_by=bounded_by,
            sleep=self._sleep,
            clock=self._clock,
            progress=self._status,
        )

    def _report_differences(
        self, conn: UacConnection, sent: dict[str, Any], managed: list[str], subject: str
    ) -> None:
        """Warn about every managed value Telnyx stored differently from what was sent (it
        normalised, ignored or reset it), so the user learns it now rather than from a puzzling
        diff on the next refresh. Passwords are masked in answers and never compared."""
        view = api_view(conn)
        for path in managed:
            if path in PASSWORD_PATHS:
                continue
            wanted = get_path(sent, path)
            stored = get_path(view, path)
            if comparable(path, wanted) != comparable(path, stored):
                what = (
                    f"{path} as {_shown(stored)}, not {_shown(wanted)} as sent"
                    if self.redactor.reveals(path)
                    else f"{path} differently from what was sent (its value is not shown: it "
                    "may be secret)"
                )
                self._warn(
                    f"{subject}: Telnyx stored {what}; the next refresh will show it as drift"
                )


def _rotate_mark(
    patch: dict[str, Any], tag: str, before: UacConnection | None, stack_marks: list[str]
) -> str:
    """Give an update that changes a password a new ownership mark, sent in the same PATCH
    (one atomic write on Telnyx); the new mark.

    The state records the new mark only when the update returns. A run killed after the PATCH
    landed leaves Telnyx holding a mark the state does not: whatever the user runs next (a
    refresh, `pulumi-uac recover`, `pulumi up --refresh`), the read that follows finds it and
    marks the passwords unconfirmed, so the next update sends them again, even when the
    program was changed back meanwhile. Evidence on Telnyx, so it survives whatever happens to
    the state's pending operations, on any machine."""
    current = patch.get("tags", (before.tags if before else None) or [])
    token = token_of(tag)
    assert token is not None
    rotated = new_mark(token)
    patch["tags"] = [*user_tags(current), rotated, *stack_marks]
    return rotated


def _mark_on_telnyx(conn: UacConnection, recorded: Any) -> tuple[Any, bool]:
    """The resource's mark as Telnyx holds it, and whether it differs from the state's
    (``recorded``): a password-changing update landed that the state never recorded."""
    token = token_of(str(recorded)) if recorded else None
    if token is None:
        return recorded, False
    on_telnyx = [m for m in marks_of(conn.tags) if token_of(m) == token]
    if not on_telnyx or recorded in on_telnyx:
        return recorded, False
    return on_telnyx[0], True


def _wait_seconds(inputs: dict[str, Any]) -> float:
    value = normalize(inputs.get(WAIT_FOR_REGISTRATION))
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _readable_paths(conn: UacConnection, outputs: dict[str, Any]) -> list[str]:
    """Every settable path Telnyx reports a value for; passwords only when readable."""
    view = api_view(conn)
    paths: list[str] = []
    for spec in request_fields():
        value = view.get(spec.name)
        if value is None:
            continue
        if spec.kind == "object" and isinstance(value, dict):
            for sub in spec.fields:
                path = sub.path
                if get_path(view, path) is None:
                    continue
                if path in PASSWORD_PATHS and _masked_unknown(view, outputs, path):
                    continue
                paths.append(path)
        elif spec.name in PASSWORD_PATHS and _masked_unknown(view, outputs, spec.name):
            continue
        else:
            paths.append(spec.name)
    return sorted(paths)


def _masked_unknown(view: dict[str, Any], outputs: dict[str, Any], path: str) -> bool:
    return known_password(get_path(view, path), get_path(outputs, path)) is None


def _shown(value: Any) -> str:
    return "nothing" if value is None else repr(value)


def _apply_status(outs: dict[str, Any], status: Any) -> None:
    if status is None:
        return
    outs["registration_status"] = status.status
    if status.last_registration:
        outs["registration_status_updated_at"] = status.last_registration


def _connection_from_outputs(conn_id: str, olds: dict[str, Any]) -> UacConnection:
    """The connection as last recorded, for updates that need no API call."""
    data: dict[str, Any] = {"id": conn_id}
    for spec in COMPUTED:
        value = olds.get(spec.name)
        if value is not None:
            node = data
            parts = spec.path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value
    for key in ("user_name", "password"):
        if olds.get(key) is not None:
            data[key] = olds[key]
    return UacConnection.model_validate(normalize(data))


def _maybe_applied(patch: dict[str, Any], olds: dict[str, Any]) -> str:
    """What to do after an update that may have been applied although it failed: the state
    still holds the old values, and a password Telnyx now holds cannot be read back, so only
    running the same program again makes state and Telnyx agree."""
    secret = [
        p
        for p in PASSWORD_PATHS
        if get_path(patch, p) is not None and get_path(patch, p) != get_path(olds, p)
    ]
    if secret:
        return (
            f". Telnyx may have applied it anyway, {', '.join(secret)} included: run `pulumi up` "
            "again with this same program before changing it back (a password cannot be read "
            "back, so no refresh can tell which one Telnyx holds)"
        )
    return ". Telnyx may have applied it anyway: `pulumi refresh` shows which values it holds"
