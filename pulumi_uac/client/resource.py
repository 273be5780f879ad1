"""The client of one Telnyx resource: its spec's path, envelope, update method, list and
filter, over the shared transport, with creates that never duplicate."""

from __future__ import annotations

import builtins
import logging
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel

from ..models import PaginationMeta, RequestModel, ResourceSpec
from .errors import AbandonedError, AmbiguousCreateError, TelnyxError, UnconfirmedCreateError
from .retry import may_have_landed
from .transport import Transport

log = logging.getLogger("pulumi_uac.client")

PAGE_SIZE = 250
# Before Telnyx's clock is known (no answer with a Date yet), an unmarked object with the name
# of a create whose answer was lost is a possible candidate if stamped up to this many seconds
# before our first attempt (clock skew): never taken then, only listed.
UNKNOWN_SKEW = 300.0
SKEW = 60.0
"""The margin once Telnyx's clock is known (see :meth:`ResourceClient._candidates`)."""


class ResourceClient:
    """Create, read, update, delete and list one kind of Telnyx object (``spec``).

    No-duplicate create rule: a POST is never re-sent blind. Whatever the failure (a refused
    connection and a 429 included: an intermediary may answer 429 after Telnyx acted), every
    re-send is preceded by a look for the object the earlier attempts may have made, and nothing
    is ever taken that is not provably ours:

    - with a ``mark`` (a tag no other object carries, sent in the create), by that mark: exact.
      One match is returned instead of creating another; several raise
      :class:`AmbiguousCreateError`.
    - without one (a create that cannot carry tags), nothing can prove it: another stack's
      create of the same name and content, between its POST and its marking update, matches
      in every field and time. A same-named object with no one's mark, made since just before
      our first attempt (on Telnyx's clock, ``Transport.server_offset``, with a margin
      for clocks that disagree or step), stops the create with :class:`AmbiguousCreateError`,
      listing each with what its content says (the caller's ``claim``): neither taking it nor
      sending a second POST is safe then, and only a person can tell.

    With nothing found, the POST is sent again.
    When the retries run out after a failure that may have landed (a lost answer, a 5xx), one
    last look is made; if it finds nothing either, :class:`UnconfirmedCreateError` says so
    rather than a plain failure, so the caller can tell its user the object may exist.
    """

    def __init__(self, transport: Transport, spec: ResourceSpec) -> None:
        self.transport = transport
        self.spec = spec
        self._path = spec.api.path

    def __repr__(self) -> str:
        return f"ResourceClient({self.spec.name}, {self.transport!r})"

    def within(self, seconds: float) -> AbstractContextManager[None]:
        """See :meth:`~.transport.Transport.within`."""
        return self.transport.within(seconds)

    def full_budget(self) -> AbstractContextManager[None]:
        """See :meth:`~.transport.Transport.full_budget`."""
        return self.transport.full_budget()

    # ---------------------------------------------------------------- endpoints

    def create(
        self,
        params: RequestModel,
        *,
        mark: str | None = None,
        claim: Callable[[Any], str | None] | None = None,
        unclaimed: Callable[[Any], bool] | None = None,
    ) -> Any:
        """``POST /<path>``, following the no-duplicate rule above. ``mark`` is a tag among the
        params' tags that no other object carries: with it, an object created by an earlier
        attempt is recognised exactly, whenever it was created. Without it (a request that
        cannot carry tags), ``unclaimed(candidate)`` says a same-named object carries no one's
        ownership mark, and ``claim(candidate)`` how it differs from what was sent (None when
        every field sent is equal), for the error that lists it."""
        body = self._body(params)
        name = str(body.get(self.spec.name_field))
        first_attempt_at = self.transport.wall_time()
        landed = False
        path = self._path

        def attempt(n: int) -> Any:
            nonlocal landed
            if n > 1:
                # Look before every re-send: an earlier attempt may have been carried out.
                adopted = self._find_created(
                    body, first_attempt_at, mark=mark, claim=claim, unclaimed=unclaimed
                )
                if adopted is not None:
                    log.info("POST %s: adopted %s created by an earlier attempt", path, adopted.id)
                    return adopted
            try:
                data = self.transport.send("POST", path, json=body, **self._idempotency(mark))
            except TelnyxError as exc:
                landed = landed or may_have_landed(exc)
                raise
            return self._one(data)

        try:
            return self.transport.run(f"POST {path}", attempt)
        except (AmbiguousCreateError, AbandonedError):
            raise
        except TelnyxError as exc:
            if not landed:
                raise
            failure = exc
        # The last attempt may have landed after the last look: look once more, one try per
        # request (the budget is spent; finding it now is what spares the user a duplicate).
        try:
            with self.transport.full_budget(), self.transport.within(0):
                adopted = self._find_created(
                    body,
                    first_attempt_at,
                    mark=mark,
                    claim=claim,
                    unclaimed=unclaimed,
                    thorough=True,
                )
        except (AmbiguousCreateError, AbandonedError):
            raise
        except TelnyxError:
            adopted = None
        if adopted is not None:
            log.info("POST %s: adopted %s after the retries ran out", path, adopted.id)
            return adopted
        tagged = f" tagged {mark}" if mark else ""
        raise UnconfirmedCreateError(
            f"{failure}. Telnyx may still have created {name!r}{tagged}: no look has found it yet",
            name=name,
            mark=mark,
        ) from None

    def get(self, object_id: str) -> Any:
        """``GET /<path>/{id}``."""
        return self._one(self.transport.call("GET", self._item(object_id)))

    def update(self, object_id: str, params: RequestModel) -> Any:
        """An update (``PATCH``, or ``POST`` where the spec says so) with the fields set on
        ``params``. Where the spec has a tag endpoint, the tags go through it instead (one add or
        remove per tag that differs), before the other fields: an ownership mark never rides
        on an update that may mint a version."""
        body = self._body(params)
        api = self.spec.api
        if api.tag_endpoint and self.spec.tags_field in body:
            self._set_tags(object_id, list(body.pop(self.spec.tags_field) or []))
            if not set(body) - set(api.update_requires):
                return self.get(object_id)
        return self._one(self.transport.call(api.update_method, self._item(object_id), json=body))

    def _set_tags(self, object_id: str, wanted: builtins.list[str]) -> None:
        # The object's own answer: the tag endpoints have no read of one assistant's tags.
        current = self._tags(self.get(object_id))
        tags = f"{self._item(object_id)}/tags"
        for tag in wanted:
            if tag not in current:
                self.transport.call("POST", tags, json={"tag": tag})
        for tag in sorted(current - set(wanted)):
            self.transport.call("DELETE", f"{tags}/{quote(tag, safe='')}")

    def delete(self, object_id: str) -> Any:
        """``DELETE /<path>/{id}`` (with the spec's delete query); the deleted object."""
        query = dict(self.spec.api.delete_query)
        kwargs: dict[str, Any] = {"params": query} if query else {}
        data = self.transport.call("DELETE", self._item(object_id), **kwargs)
        return self._one(data, empty_ok=True)

    def required_for_update(self, current: Any) -> dict[str, Any]:
        """What every update of this resource must carry (``update_requires``), from the
        object as last known (a plain dict, or an answer)."""
        out: dict[str, Any] = {}
        for key in self.spec.api.update_requires:
            value = current.get(key) if isinstance(current, dict) else getattr(current, key, None)
            if value is not None:
                out[key] = value
        return out

    def action(self, object_id: str, name: str, model: type[BaseModel]) -> Any:
        """``POST /<path>/{id}/actions/{name}``, for actions that change nothing (so they are
        retried like a read)."""
        data = self.transport.call("POST", f"{self._item(object_id)}/actions/{name}")
        return model.model_validate(data.get("data") if self.spec.api.enveloped else data)

    def list(
        self,
        *,
        name_contains: str | None = None,
        filters: Mapping[str, str] | None = None,
        sort: str | None = None,
        page_size: int = PAGE_SIZE,
    ) -> Iterator[Any]:
        """Every object matching the filters (``filters``: ``{"fqdn": ...}`` is sent as
        ``filter[fqdn]``), following ``meta`` across all pages where the list has pages."""
        api = self.spec.api
        params: dict[str, str | int] = {}
        if api.paginated:
            params["page[size]"] = page_size
        if name_contains is not None and api.name_filter:
            params[api.name_filter] = name_contains
        for key, value in (filters or {}).items():
            params[f"filter[{key}]"] = value
        if sort is not None:
            params["sort"] = sort
        model = self.spec.response_model
        page = 1
        while True:
            query = {**params, "page[number]": page} if api.paginated else params
            data = self.transport.call("GET", self._path, params=query)
            items = data.get("data") or []
            objects = [model.model_validate(item) for item in items]
            yield from objects
            if not api.paginated:
                return
            meta = (
                PaginationMeta.model_validate(data.get("meta") or {}) if data.get("meta") else None
            )
            if meta is None or meta.page_number >= meta.total_pages or not objects:
                return
            page = meta.page_number + 1

    def find_by_name(self, name: str) -> builtins.list[Any]:
        """Objects whose name equals ``name`` exactly (the API's filter, where there is one, is a
        substring match with a shortest length, so shorter names are matched by scanning)."""
        api = self.spec.api
        usable = api.name_filter is not None and len(name) >= api.name_filter_min
        field = self.spec.name_field
        return [
            o
            for o in self.list(name_contains=name if usable else None)
            if getattr(o, field, None) == name
        ]

    # ---------------------------------------------------------------- internals

    def _idempotency(self, mark: str | None) -> dict[str, Any]:
        """The create's idempotency header, where the API has one: a UUID made from the
        create's mark (one per create; a replacement's create has another)."""
        header = self.spec.api.idempotency_header
        if header is None or mark is None:
            return {}
        return {"headers": {header: str(uuid.uuid5(uuid.NAMESPACE_URL, mark))}}

    def _item(self, object_id: str) -> str:
        # Ids are opaque strings: '/' or '?' must not change the URL.
        return f"{self._path}/{quote(object_id, safe='')}"

    def _one(self, data: dict[str, Any], *, empty_ok: bool = False) -> Any:
        inner = data.get("data") if self.spec.api.enveloped else data
        if inner is None and empty_ok:
            inner = {}
        return self.spec.response_model.model_validate(inner)

    def _tags(self, obj: Any) -> set[str]:
        return set(getattr(obj, self.spec.tags_field, None) or ())

    def _find_created(
        self,
        body: dict[str, Any],
        first_attempt_at: float,
        mark: str | None = None,
        *,
        claim: Callable[[Any], str | None] | None = None,
        unclaimed: Callable[[Any], bool] | None = None,
        thorough: bool = False,
    ) -> Any:
        name = str(body.get(self.spec.name_field))
        found = self.find_by_name(name)
        if mark is not None:
            matches = [o for o in found if mark in self._tags(o)]
            if thorough and not matches:
                # The mark is exact wherever the name filter falls short (an index that lags,
                # a filter that normalises names): one scan of every page settles it.
                matches = [o for o in self.list() if mark in self._tags(o)]
            unproven: builtins.list[tuple[Any, str]] = []
        else:
            # An object carrying no mark is never proof of anything: another stack's create of
            # the same name and content, between its POST and its marking update, looks the
            # same in every field and time. Each candidate stops the create for a person.
            matches, unproven = [], self._candidates(found, first_attempt_at, claim, unclaimed)
        if len(matches) > 1:
            raise AmbiguousCreateError(
                f"creating {self.spec.noun} {name!r} may have reached Telnyx, and "
                f"{len(matches)} with that name were created since: "
                f"{', '.join(str(o.id) for o in matches)}. Nothing was re-sent; delete the extra "
                "ones or adopt one by id."
            )
        if unproven:
            listed = "; ".join(
                f"{o.id} (created {getattr(o, 'created_at', None) or 'at an unknown time'}: {why})"
                for o, why in unproven
            )
            raise AmbiguousCreateError(
                f"creating {self.spec.noun} {name!r} may have reached Telnyx (an attempt failed "
                "in a way that may have been carried out), and Telnyx holds "
                f"{len(unproven)} unmarked {self.spec.noun}(s) with that name made since: "
                f"{listed}. Without a mark nothing proves which create made one (another "
                "stack's create of the same content looks the same), so nothing was re-sent and "
                "nothing taken. Check them: if one is what this create made, delete it "
                f"(`pulumi-uac orphans --name {name!r} --delete --confirm-id ID`) and run "
                "`pulumi up` again, or adopt it (`adopt_existing_id`); if none is, run "
                "`pulumi up` again"
            )
        return matches[0] if matches else None

    def _candidates(
        self,
        found: builtins.list[Any],
        first_attempt_at: float,
        claim: Callable[[Any], str | None] | None,
        unclaimed: Callable[[Any], bool] | None,
    ) -> builtins.list[tuple[Any, str]]:
        """Of the same-named objects ``found``, those an attempt of this create may have made,
        each with what its content says (never proof: see the class)."""
        offset = self.transport.server_offset()
        # Our first attempt on Telnyx's clock, less a margin: its Date and its created_at may
        # come from different clocks, and either may step. Missing our own object here would
        # send a second POST; a stranger inside the margin only stops the create.
        start = first_attempt_at + (offset or 0.0) - (SKEW if offset is not None else UNKNOWN_SKEW)
        out: builtins.list[tuple[Any, str]] = []
        for obj in found:
            if unclaimed is not None and not unclaimed(obj):
                continue  # someone's mark: never what this create made (it marks only later)
            latest = _created_by(obj)
            if latest is not None and latest < start:
                continue  # made well before our first attempt: not ours
            why = claim(obj) if claim is not None else None
            out.append((obj, why or "every field sent is equal"))
        return out

    def _body(self, params: RequestModel) -> dict[str, Any]:
        body = params.to_body()
        for path in self.spec.fields.password_paths:
            node: Any = body
            for part in path.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            if isinstance(node, str):
                self.transport.hide(node)
        return body


def _created_by(obj: Any) -> float | None:
    """The latest time ``created_at`` may stand for: a stamp of whole seconds covers the second
    it names (the API may truncate), a finer one that instant."""
    stamp = getattr(obj, "created_at", None)
    if not stamp:
        return None
    text = str(stamp).replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp() + (0.0 if "." in text else 1.0)
