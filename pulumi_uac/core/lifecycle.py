"""The lifecycle of a Telnyx resource: create, read, update and delete, written once for every
resource (its spec says how it differs) and both adapters (the dynamic ``ResourceProvider`` and
the native plugin), over plain dicts.

API requests per operation (fewest that correctness allows):

- create: 1 POST. Adoption by id or name: 2 (GET or list, then an update). An extension's work
  after a write (a UAC connection's registration wait) adds its requests. Only when a POST
  fails in a way that may have reached Telnyx does the client look for the object by its exact
  ownership tag before deciding anything (see the client).
- update: 1 update carrying the changed top-level fields; 0 requests when only provider inputs
  changed. When a nested object changed, or the extension works after the update, the object
  is read first (2 requests): a nested object is sent whole, the program's keys over Telnyx's
  current values (see :mod:`.nested`), and a failed extension step is undone from that reading.
- read: 1 GET. delete: 1 DELETE. check and diff: 0, always.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..client import (
    AbandonedError,
    NotFoundError,
    ResourceClient,
    TelnyxClient,
    TelnyxError,
    UnconfirmedCreateError,
    may_have_landed,
)
from ..models import ResourceSpec
from .adoption import adopt, by_id, by_name
from .diff import comparable, compute_diff, unconfirmed_passwords
from .errors import OwnedElsewhereError, with_context
from .extension import extension_for
from .marks import (
    marks_of,
    new_mark,
    new_token,
    stack_mark,
    stack_marks_of,
    token_of,
    user_tags,
)
from .nested import nested_roots, update_params, whole_objects
from .outputs import api_view, build_outputs, known_password
from .properties import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    MANAGED_FIELDS,
    MISSING_MARKS,
    OWNERSHIP_TAG,
    OWNERSHIP_TOKEN,
    UNCONFIRMED_PASSWORDS,
    api_inputs,
    managed_paths,
    provider_input_names,
    root,
)
from .redact import InputRedactor
from .rollback import roll_back
from .values import get_path, normalize, project, set_path

log = logging.getLogger("pulumi_uac.core")

Warn = Callable[[str], None]


@dataclass
class Created:
    id: str
    outputs: dict[str, Any]


@dataclass
class Read:
    id: str
    outputs: dict[str, Any]
    inputs: dict[str, Any]


class ResourceLifecycle:
    """Create, read, update and delete the objects ``spec`` describes through ``client``.

    ``warn`` receives the warnings a user should see (Telnyx storing something other than what
    was sent) and ``status`` the progress of a registration wait; each adapter routes them to
    the engine (a status shows on the resource's line in the CLI). ``redactor`` (built by the
    adapter from the call's inputs) hides every value that may have been secret from those
    messages and from every failure raised here; without one, no value is shown at all.
    """

    def __init__(
        self,
        spec: ResourceSpec,
        client: TelnyxClient,
        *,
        warn: Warn | None = None,
        status: Warn | None = None,
        redactor: InputRedactor | None = None,
        urn: str = "",
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.spec = spec
        self.client: ResourceClient = client.resource(spec)
        self._extension = extension_for(spec)
        self._passwords = spec.fields.password_paths
        self._stack_marks = [m for m in (stack_mark(urn),) if m]
        self.redactor = redactor or InputRedactor((), None)
        sink = warn or log.warning
        self._warn: Warn = lambda message: sink(self.redactor(message))
        self._status: Warn | None = (
            None if status is None else (lambda message: status(self.redactor(message)))
        )
        self._sleep = sleep
        self._clock = clock

    # ------------------------------------------------------------------ create

    def create(self, inputs: dict[str, Any], *, timeout: float | None = None) -> Created:
        """Create (or adopt, when asked) the object ``inputs`` describe; with ``timeout``
        (``customTimeouts``), every request of it ends within that many seconds."""
        with self._redacting(), self._bounded(timeout):
            return self._create(inputs, timeout)

    def _create(self, inputs: dict[str, Any], timeout: float | None) -> Created:
        started = self._clock()
        spec = self.spec
        desired = api_inputs(spec, inputs)
        managed = managed_paths(spec, desired)
        name = str(desired[spec.name_field])
        tag = new_mark(str(inputs.get(OWNERSHIP_TOKEN) or new_token()))
        adopting = bool(inputs.get(ADOPT_EXISTING_ID) or inputs.get(ADOPT_EXISTING_BY_NAME))
        tags_before: list[str] | None = None
        try:
            if adopting:
                found = (
                    by_id(self.client, str(inputs[ADOPT_EXISTING_ID]))
                    if inputs.get(ADOPT_EXISTING_ID)
                    else by_name(self.client, name)
                )
                tags_before = list(getattr(found, spec.tags_field, None) or [])
                obj = adopt(self.client, found, desired, tag)
            else:
                obj = self._make(desired, name, tag)
        except UnconfirmedCreateError as exc:
            raise self._unconfirmed(exc, name, tag) from None
        except TelnyxError as exc:
            raise with_context(exc, f"creating {spec.noun} {name!r}") from None
        object_id = str(obj.id)
        self._report_differences(obj, desired, managed, f"{spec.noun} {name!r} ({object_id})")
        status = None
        try:
            status = self._after_write(object_id, inputs, desired, None, timeout, started)
        except AbandonedError:
            raise  # the CLI is gone: nothing more is sent; the pending create records the token
        except TelnyxError as exc:
            # The extension's step failed (a UAC connection's PBX refused, or the API kept
            # failing): whatever happened, nothing is left half-made.
            raise self._undo_create(exc, obj, tags_before) from None
        outs = build_outputs(
            spec, obj, managed, desired=desired, previous={}, inputs=inputs, tag=tag
        )
        self._extension.record(outs, status)
        return Created(object_id, outs)

    def _make(self, desired: dict[str, Any], name: str, tag: str) -> Any:
        """The create request(s): marks in the create where it carries tags, else right after."""
        spec = self.spec
        if spec.marks == "after_create":
            return self._create_then_mark(desired, name, tag)
        body = dict(desired)
        body[spec.tags_field] = [*user_tags(desired.get(spec.tags_field)), tag, *self._stack_marks]
        return self.client.create(spec.create_model.model_validate(body), mark=tag)

    def _unconfirmed(self, exc: UnconfirmedCreateError, name: str, tag: str) -> TelnyxError:
        """A create whose outcome is unknown, with how to find what it may have made: the
        engine records nothing for a failed create, and the tag is random, so only the user,
        told the tag now, can find it before the next run."""
        noun = self.spec.noun
        if self.spec.marks == "after_create":
            # Nothing was tagged yet: only the name can find it.
            return with_context(
                exc,
                f"creating {noun} {name!r}",
                suffix=". It carries no ownership mark yet (Telnyx cannot tag one at create). "
                f"Before running `pulumi up` again, run `pulumi-uac orphans --name {name!r}` "
                f"in this project: it lists every unmarked {noun} with that exact name that "
                "this stack does not hold (add --delete --confirm-id ID to remove one you "
                "know this create made); otherwise the next run may create a second one",
            )
        return with_context(
            exc,
            f"creating {noun} {name!r}",
            suffix=f". Before running `pulumi up` again, run `pulumi-uac orphans --tag {tag}` "
            f"in this project: it prints the id of the {noun} that create made, if any "
            "(add --delete --confirm-id ID to remove it); otherwise the next run may create "
            "it a second time",
        )

    def _undo_create(
        self, exc: TelnyxError, obj: Any, tags_before: list[str] | None
    ) -> TelnyxError:
        """After a failed step of a create: an adopted object loses the mark again (so the next
        run may adopt it), a new one is deleted; ``exc`` says which, and what failed."""
        spec, client, noun = self.spec, self.client, self.spec.noun
        object_id = str(obj.id)
        if tags_before is not None:
            try:
                with client.full_budget():
                    body = {**client.required_for_update(obj), spec.tags_field: tags_before}
                    client.update(object_id, spec.update_model.model_validate(body))
                released = "its ownership tag was removed again"
            except TelnyxError:
                released = (
                    "removing its ownership tag failed: run "
                    f"`pulumi-uac release {object_id} --confirm-id {object_id}`"
                )
            return with_context(
                exc,
                None,
                suffix=f". The adopted {noun} {object_id} keeps the program's settings "
                f"({released}); fix the cause or the settings and run `pulumi up` again",
            )
        try:
            with client.full_budget():
                client.delete(object_id)
            suffix = f". The new {noun} {object_id} was deleted, so nothing is left half-created"
        except TelnyxError as cleanup:
            suffix = (
                f". Deleting the new {noun} {object_id} also failed ({cleanup}): delete it "
                f"by hand (DELETE /v2/{spec.api.path}/{object_id}, or the Telnyx portal)"
            )
        return with_context(exc, None, suffix=suffix)

    def _create_then_mark(self, desired: dict[str, Any], name: str, tag: str) -> Any:
        """Create where the request cannot carry tags (``marks="after_create"``): POST without
        them, then one update with the user's tags and the marks, within this create.

        The no-duplicate rule then has no exact mark to look for, and nothing else proves which
        create made an object: after an attempt that may have been carried out, a same-named,
        unmarked object made since stops the create, listed with how it compares with what was
        sent, and is never taken (see the client). If the marking update fails, the new
        object is deleted: nothing is left unmarked where crash recovery could not find it. A
        run killed between the two writes does leave an unmarked object, which
        `pulumi-uac orphans` lists by its name (found by name only: it is never deleted
        without its id named)."""
        spec, client = self.spec, self.client
        body = dict(desired)
        later = {k: body.pop(k) for k in spec.api.create_excludes if k in body}
        sent = [p for p in managed_paths(spec, body) if p not in self._passwords]

        def claim(candidate: Any) -> str | None:
            view = api_view(spec, candidate)
            differ = [
                p
                for p in sent
                if comparable(spec, p, get_path(body, p)) != comparable(spec, p, get_path(view, p))
            ]
            return f"{', '.join(differ)} differ from what was sent" if differ else None

        obj = client.create(
            spec.create_model.model_validate(body),
            claim=claim,
            unclaimed=lambda o: (
                not marks_of(getattr(o, spec.tags_field, None))
                and not stack_marks_of(getattr(o, spec.tags_field, None))
            ),
        )
        object_id = str(obj.id)
        marked = {
            **client.required_for_update(desired),
            **later,
            spec.tags_field: [*user_tags(later.get(spec.tags_field)), tag, *self._stack_marks],
        }
        try:
            return client.update(object_id, spec.update_model.model_validate(marked))
        except TelnyxError as exc:
            try:
                with client.full_budget():
                    client.delete(object_id)
                suffix = f"; the new {spec.noun} {object_id} was deleted again"
            except TelnyxError:
                suffix = (
                    f"; deleting the new {spec.noun} {object_id} failed too: delete it by hand "
                    f"(DELETE /v2/{spec.api.path}/{object_id})"
                )
            raise with_context(
                exc, f"marking the new {spec.noun} {object_id}", suffix=suffix
            ) from None

    # ------------------------------------------------------------------ read

    def read(self, object_id: str, outputs: dict[str, Any]) -> Read | None:
        with self._redacting():
            return self._read(object_id, outputs)

    def _read(self, object_id: str, outputs: dict[str, Any]) -> Read | None:
        """The object as Telnyx holds it now; None when it no longer exists.

        With ``outputs`` from the state (refresh), the managed paths stay those the state
        records. Without (import, or a read by id), every setting Telnyx reports becomes managed,
        so the inputs describe the whole object; masked passwords cannot be read and are left
        out.
        """
        spec = self.spec
        try:
            obj = self.client.get(object_id)
        except NotFoundError:
            return None
        recorded = outputs.get(MANAGED_FIELDS)
        if recorded is not None:
            managed = [str(p) for p in recorded]
        else:
            managed = _readable_paths(spec, obj, outputs)
        tag, unrecorded = _mark_on_telnyx(spec, obj, outputs.get(OWNERSHIP_TAG))
        outs = build_outputs(
            spec,
            obj,
            managed,
            desired=None,
            previous=outputs,
            inputs=outputs,
            tag=tag,
        )
        missing = self._missing_marks(obj, tag)
        if missing:
            outs[MISSING_MARKS] = missing
            foreign = marks_of(getattr(obj, spec.tags_field, None))
            if foreign:
                self._warn(
                    f"{spec.noun} {object_id}: its ownership marks ({', '.join(missing)}) are "
                    f"gone, and it carries another resource's ({', '.join(foreign)}): another "
                    "stack or project took it over. This stack will not update or delete it "
                    "until one of the two lets go of it (`pulumi state delete` in one of them)"
                )
            else:
                self._warn(
                    f"{spec.noun} {object_id}: its ownership marks ({', '.join(missing)}) are "
                    "gone (its tags were replaced outside Pulumi); the next `pulumi up` puts "
                    "them back. Until then another project could take it for an unowned one"
                )
        inputs = project(outs, managed)
        kept = (*provider_input_names(spec), OWNERSHIP_TOKEN)
        inputs.update({k: outs[k] for k in kept if k in outs})
        unconfirmed = unconfirmed_passwords(spec, outputs)
        if unrecorded:
            # An update that changed passwords landed and the state never recorded it (its run
            # was killed): Telnyx may hold passwords other than the state's.
            unconfirmed = sorted({*unconfirmed, *(p for p in self._passwords if p in managed)})
        if unconfirmed:
            # A refresh cannot settle them (Telnyx masks passwords), only an update can: the
            # marker stays, and so does the gap in the inputs that makes the engine see it.
            outs[UNCONFIRMED_PASSWORDS] = unconfirmed
            for path in unconfirmed:
                inputs.pop(root(path), None)
        return Read(object_id, outs, inputs)

    # ------------------------------------------------------------------ update

    def update(
        self,
        object_id: str,
        olds: dict[str, Any],
        news: dict[str, Any],
        *,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Apply the program's inputs ``news`` to the object whose state outputs are ``olds``;
        the new outputs. ``timeout`` bounds it as for :meth:`create`."""
        with self._redacting(), self._bounded(timeout):
            return self._update(object_id, olds, news, timeout)

    def _update(
        self, object_id: str, olds: dict[str, Any], news: dict[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        started = self._clock()
        spec = self.spec
        changes = compute_diff(spec, olds, news)
        desired = api_inputs(spec, news)
        managed = managed_paths(spec, desired)
        patch = self._patch_for(changes.paths, desired, olds)
        name = str(desired.get(spec.name_field) or olds.get(spec.name_field) or object_id)
        subject = f"{spec.noun} {name!r} ({object_id})"
        waits = bool(patch) and self._extension.waits(news, set(patch))
        before: BaseModel | None = None
        sent = False
        try:
            if patch:
                before = self._not_owned_elsewhere(object_id, olds, "update")
            nested = nested_roots(spec, patch)
            if (waits or nested) and before is None:
                before = self.client.get(object_id)
            if nested:
                assert before is not None
                patch = whole_objects(spec, patch, before, olds)
            if spec.tags_field in patch and spec.tags_field not in desired:
                # Only the marks are put back (a read found them gone): the tags the program
                # does not manage are kept as Telnyx holds them.
                if before is None:
                    before = self.client.get(object_id)
                held = user_tags(getattr(before, spec.tags_field, None))
                patch[spec.tags_field] = [*held, *patch[spec.tags_field]]
            tag = olds.get(OWNERSHIP_TAG)
            ours = tag is not None and token_of(str(tag)) is not None
            if patch and ours and set(self._passwords) & set(changes.paths):
                if spec.tags_field not in patch and before is None:
                    before = self.client.get(object_id)
                tag = self._rotate_mark(patch, str(tag), before)
            if patch:
                params = update_params(spec, patch)
                sent = True
                obj = self.client.update(object_id, params)
            else:
                obj = self._from_outputs(object_id, olds)
        except TelnyxError as exc:
            suffix = self._maybe_applied(patch, olds) if sent and may_have_landed(exc) else ""
            raise with_context(exc, f"updating {subject}", suffix=suffix) from None
        if patch:
            self._report_differences(obj, desired, managed, subject)
        status = None
        if waits:
            try:
                status = self._after_write(object_id, news, desired, set(patch), timeout, started)
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
                    raise roll_back(self.client, object_id, patch, before, olds, exc) from None
        outs = build_outputs(
            spec, obj, managed, desired=desired, previous=olds, inputs=news, tag=tag
        )
        self._extension.record(outs, status)
        return outs

    def _patch_for(
        self, paths: list[str], desired: dict[str, Any], olds: dict[str, Any]
    ) -> dict[str, Any]:
        """The update body: changed top-level fields, and every nested object with a change
        sent whole (every key the program manages in it, passwords included)."""
        patch: dict[str, Any] = {}
        for path in paths:
            key = root(path)
            patch[key] = desired.get(key)
        field = self.spec.tags_field
        if field in patch:
            own = marks_of([str(olds.get(OWNERSHIP_TAG) or "")])
            stack = self._stack_marks if own else []
            patch[field] = [*user_tags(patch[field]), *own, *stack]
        if patch:
            known = {**olds, **desired}
            patch = {**self.client.required_for_update(known), **patch}
        return patch

    # ------------------------------------------------------------------ delete

    def delete(self, object_id: str, outputs: dict[str, Any] | None = None) -> None:
        with self._redacting():
            self._delete(object_id, outputs)

    def _delete(self, object_id: str, outputs: dict[str, Any] | None = None) -> None:
        """Delete the object; one that is already gone is the desired end state. One this
        resource did not tag (imported) is first checked for another owner's mark."""
        try:
            if outputs is not None:
                self._not_owned_elsewhere(object_id, outputs, "delete")
            self.client.delete(object_id)
        except NotFoundError:
            return
        except TelnyxError as exc:
            raise with_context(exc, f"deleting {self.spec.noun} {object_id}") from None

    def _missing_marks(self, obj: BaseModel, tag: Any) -> list[str]:
        """The marks of a resource that made or adopted ``obj`` (``tag`` is its mark) that
        Telnyx no longer holds on it; none for an imported one (it never had any)."""
        token = token_of(str(tag)) if tag else None
        if token is None:
            return []
        held = getattr(obj, self.spec.tags_field, None) or []
        if any(token_of(m) == token for m in marks_of(held)):
            # Ours is there. A stack mark alone is secondary evidence (an adoption never
            # wrote one), so it is no reason for a change.
            return []
        return [str(tag), *(m for m in self._stack_marks if m not in held)]

    def _not_owned_elsewhere(
        self, object_id: str, outputs: dict[str, Any], action: str
    ) -> BaseModel | None:
        """For a resource that holds no ownership mark on the object (it was imported, or a
        read found its mark gone), the object as Telnyx holds it, refusing it when another
        resource's mark is on it: two resources managing one object could each change or
        delete it. None when this resource's mark is there (nothing to check, no request)."""
        recorded = outputs.get(OWNERSHIP_TAG)
        if recorded and not outputs.get(MISSING_MARKS):
            return None
        obj: BaseModel = self.client.get(object_id)
        ours = token_of(str(recorded)) if recorded else None
        for mark in marks_of(getattr(obj, self.spec.tags_field, None)):
            if token_of(mark) == ours:
                continue
            how = (
                "its ownership mark is gone and another Pulumi resource's is on it"
                if recorded
                else "it was imported into this stack, but it belongs to another Pulumi resource"
            )
            raise OwnedElsewhereError(
                f"will not {action} {self.spec.noun} {object_id}: {how} (ownership tag {mark}), "
                "which may change or delete it too. Remove it from this stack with `pulumi "
                "state delete`; to move it here, run `pulumi state delete` in the stack that "
                f"owns it, then `pulumi-uac release {object_id} --confirm-id {object_id}`, then "
                "import it again"
            )
        return obj

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

    def _after_write(
        self,
        object_id: str,
        inputs: dict[str, Any],
        desired: dict[str, Any],
        changed: set[str] | None,
        timeout: float | None,
        started: float,
    ) -> Any:
        if not self._extension.waits(inputs, changed):
            return None
        left = max(0.0, timeout - (self._clock() - started)) if timeout else None
        return self._extension.after_write(
            self.client,
            object_id,
            inputs,
            desired,
            left=left,
            sleep=self._sleep,
            clock=self._clock,
            progress=self._status,
        )

    def _report_differences(
        self, obj: BaseModel, sent: dict[str, Any], managed: list[str], subject: str
    ) -> None:
        """Warn about every managed value Telnyx stored differently from what was sent (it
        normalised, ignored or reset it), so the user learns it now rather than from a puzzling
        diff on the next refresh. Passwords are masked in answers and never compared."""
        view = api_view(self.spec, obj)
        for path in managed:
            if path in self._passwords:
                continue
            wanted = get_path(sent, path)
            stored = get_path(view, path)
            if comparable(self.spec, path, wanted) != comparable(self.spec, path, stored):
                what = (
                    f"{path} as {_shown(stored)}, not {_shown(wanted)} as sent"
                    if self.redactor.reveals(path)
                    else f"{path} differently from what was sent (its value is not shown: it "
                    "may be secret)"
                )
                self._warn(
                    f"{subject}: Telnyx stored {what}; the next refresh will show it as drift"
                )

    def _rotate_mark(self, patch: dict[str, Any], tag: str, before: BaseModel | None) -> str:
        """Give an update that changes a password a new ownership mark, sent in the same
        update (one atomic write on Telnyx); the new mark.

        The state records the new mark only when the update returns. A run killed after the
        update landed leaves Telnyx holding a mark the state does not: whatever the user runs
        next (a refresh, `pulumi-uac recover`, `pulumi up --refresh`), the read that follows
        finds it and marks the passwords unconfirmed, so the next update sends them again, even
        when the program was changed back meanwhile. Evidence on Telnyx, so it survives
        whatever happens to the state's pending operations, on any machine."""
        field = self.spec.tags_field
        current = patch.get(field, (getattr(before, field, None) if before else None) or [])
        token = token_of(tag)
        assert token is not None
        rotated = new_mark(token)
        patch[field] = [*user_tags(current), rotated, *self._stack_marks]
        return rotated

    def _from_outputs(self, object_id: str, olds: dict[str, Any]) -> BaseModel:
        """The object as last recorded, for updates that need no API call."""
        spec = self.spec
        data: dict[str, Any] = {"id": object_id}
        for computed in spec.fields.computed:
            value = olds.get(computed.name)
            if value is not None:
                node = data
                parts = computed.path.split(".")
                for part in parts[:-1]:
                    node = node.setdefault(part, {})
                node[parts[-1]] = value
        for path in spec.fields.generated:
            value = get_path(olds, path)
            if value is not None:
                set_path(data, path, value)
        return spec.response_model.model_validate(normalize(data))

    def _maybe_applied(self, patch: dict[str, Any], olds: dict[str, Any]) -> str:
        """What to do after an update that may have been applied although it failed: the
        state still holds the old values, and a password Telnyx now holds cannot be read back,
        so only running the same program again makes state and Telnyx agree."""
        secret = [
            p
            for p in self._passwords
            if get_path(patch, p) is not None and get_path(patch, p) != get_path(olds, p)
        ]
        if secret:
            return (
                f". Telnyx may have applied it anyway, {', '.join(secret)} included: run `pulumi "
                "up` again with this same program before changing it back (a password cannot be "
                "read back, so no refresh can tell which one Telnyx holds)"
            )
        return ". Telnyx may have applied it anyway: `pulumi refresh` shows which values it holds"


def _mark_on_telnyx(spec: ResourceSpec, obj: BaseModel, recorded: Any) -> tuple[Any, bool]:
    """The resource's mark as Telnyx holds it, and whether it differs from the state's
    (``recorded``): a password-changing update landed that the state never recorded."""
    token = token_of(str(recorded)) if recorded else None
    if token is None:
        return recorded, False
    tags = getattr(obj, spec.tags_field, None)
    on_telnyx = [m for m in marks_of(tags) if token_of(m) == token]
    if not on_telnyx or recorded in on_telnyx:
        return recorded, False
    return on_telnyx[0], True


def _readable_paths(spec: ResourceSpec, obj: BaseModel, outputs: dict[str, Any]) -> list[str]:
    """Every settable path Telnyx reports a value for; passwords only when readable."""
    view = api_view(spec, obj)
    passwords = spec.fields.password_paths
    paths: list[str] = []
    for field in spec.fields.request:
        value = view.get(field.name)
        if value is None:
            continue
        if field.kind == "object" and isinstance(value, dict):
            for sub in field.fields:
                path = sub.path
                if get_path(view, path) is None:
                    continue
                if path in passwords and _masked_unknown(view, outputs, path):
                    continue
                paths.append(path)
        elif field.name in passwords and _masked_unknown(view, outputs, field.name):
            continue
        else:
            paths.append(field.name)
    return sorted(paths)


def _masked_unknown(view: dict[str, Any], outputs: dict[str, Any], path: str) -> bool:
    return known_password(get_path(view, path), get_path(outputs, path)) is None


def _shown(value: Any) -> str:
    return "nothing" if value is None else repr(value)
