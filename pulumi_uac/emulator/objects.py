"""The objects of every resource beside UAC connections, as :class:`EmulatorStore` keeps them
(one lock, one persisted file): create, read, update, delete, and what only some resources
have, each switched on by the resource's :class:`Behaviour` (soft delete and restore,
idempotent creates, a tag endpoint, versions)."""

from __future__ import annotations

import copy
import hashlib
import json
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..models import SPECS, ResourceSpec
from .behaviour import Behaviour, dotted

Record = dict[str, Any]
DELETED_AT = "deleted_at"
"""Set on a soft-deleted object: it is then invisible to reads, lists and updates."""


class IdempotencyConflictError(Exception):
    """The key was used before with another body."""


def body_digest(body: Record) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


class ObjectStore:
    """Mixed into :class:`~.store.EmulatorStore`, which provides the lock, the clock, the
    random tokens, the ids and persistence."""

    _lock: threading.RLock
    _objects: dict[str, dict[str, Record]]
    _idempotency: dict[str, dict[str, Record]]
    """Per resource, per key: the body's digest, the object's id and the first answer."""
    _records: dict[str, Record]
    _records_spec: ResourceSpec
    """The resource whose objects the store keeps in ``_records`` (with behaviour of its own)."""

    if TYPE_CHECKING:  # provided by the store

        def _save(self) -> None: ...

        def _token(self, n: int, alphabet: str = ...) -> str: ...

        def _new_id(self) -> str: ...

        def _now(self) -> str: ...

    def _uuid(self) -> str:
        return str(uuid.UUID(int=int(self._token(32, "0123456789abcdef"), 16), version=4))

    def _live(self, kind: Behaviour) -> dict[str, Record]:
        return {
            k: r for k, r in self._objects.get(kind.spec.name, {}).items() if DELETED_AT not in r
        }

    def create_object(self, kind: Behaviour, body: Record, key: str | None = None) -> Record:
        """Store a new object of ``kind`` from a validated body; the view for the reply. With an
        idempotency ``key`` seen before with the same body, the first answer again (nothing is
        created); with another body, :class:`IdempotencyConflictError`."""
        with self._lock:
            if key is not None:
                seen = self._idempotency.get(kind.spec.name, {}).get(key)
                if seen is not None:
                    if seen["digest"] != body_digest(body):
                        raise IdempotencyConflictError(key)
                    return copy.deepcopy(seen["answer"])
            ts = self._now()
            record: Record = copy.deepcopy(kind.defaults)
            for name, defaults in kind.nested_defaults.items():
                record[name] = {**copy.deepcopy(defaults), **copy.deepcopy(body.get(name) or {})}
            for name, value in body.items():
                if name not in kind.nested_defaults:
                    record[name] = copy.deepcopy(value)
            if kind.generate is not None:
                kind.generate(record, self._token)
            object_id = self._uuid_id(kind)
            record.update(id=object_id, created_at=ts)
            if kind.record_type:
                record["record_type"] = kind.record_type
            if kind.updated_at:
                record["updated_at"] = ts
            if kind.versions:
                self._new_version(record, ts)
            self._objects.setdefault(kind.spec.name, {})[object_id] = record
            answer = self._object_view(kind, record)
            if key is not None:
                self._idempotency.setdefault(kind.spec.name, {})[key] = {
                    "digest": body_digest(body),
                    "id": object_id,
                    "answer": answer,
                }
            self._save()
            return copy.deepcopy(answer)

    def _uuid_id(self, kind: Behaviour) -> str:
        return f"{kind.id_prefix}{self._uuid()}" if kind.id_prefix else self._new_id()

    def _new_version(self, record: Record, ts: str) -> None:
        record["version_id"] = self._uuid()
        record["version_created_at"] = ts
        record["version_name"] = f"v{len(record.setdefault('_versions', [])) + 1}"
        record["_versions"].append(record["version_id"])

    def update_object(
        self, kind: Behaviour, object_id: str, body: Record, nested_patch: str
    ) -> Record | None:
        """Apply a validated update body (nested objects replaced, or merged); the view, or
        None when the id is unknown. Where the resource has versions, every update mints one
        (the strict reading: whether Telnyx does for every update is not documented)."""
        with self._lock:
            record = self._live(kind).get(object_id)
            if record is None:
                return None
            for name, value in body.items():
                defaults = kind.nested_defaults.get(name)
                if defaults is not None and isinstance(value, dict):
                    base = record.get(name) if nested_patch == "merge" else defaults
                    record[name] = {**copy.deepcopy(base or defaults), **copy.deepcopy(value)}
                else:
                    record[name] = copy.deepcopy(value)
            ts = self._now()
            if kind.updated_at:
                record["updated_at"] = ts
            if kind.versions:
                self._new_version(record, ts)
            self._save()
            return self._object_view(kind, record)

    def users_of(self, kind: Behaviour, object_id: str) -> list[str]:
        """The ids of what uses the object: the objects of every resource whose spec has a
        reference to this one holding its id (see ``Behaviour.users_count``)."""
        if kind.users_count is None:
            return []
        with self._lock:
            found: list[str] = []
            for spec in SPECS:
                for ref in spec.references:
                    if ref.resource != kind.spec.name:
                        continue
                    if spec.name == self._records_spec.name:
                        records = list(self._records.values())
                    else:
                        stored = self._objects.get(spec.name, {}).values()
                        records = [r for r in stored if DELETED_AT not in r]
                    found += [str(r["id"]) for r in records if dotted(r, ref.path) == object_id]
            return found

    def _object_view(self, kind: Behaviour, record: Record) -> Record:
        view = {k: copy.deepcopy(v) for k, v in record.items() if not k.startswith("_")}
        if kind.users_count is not None:
            view[kind.users_count] = len(self.users_of(kind, str(record["id"])))
        return view

    def get_object(self, kind: Behaviour, object_id: str) -> Record | None:
        with self._lock:
            record = self._live(kind).get(object_id)
            return None if record is None else self._object_view(kind, record)

    def delete_object(self, kind: Behaviour, object_id: str, hard: bool = True) -> Record | None:
        """Delete (or, where the resource soft-deletes and ``hard`` is false, move to the
        recently deleted); the object as it was, or None when the id is unknown."""
        with self._lock:
            record = self._live(kind).get(object_id)
            if record is None:
                return None
            if hard:
                del self._objects[kind.spec.name][object_id]
            else:
                record[DELETED_AT] = self._now()
            self._save()
            return self._object_view(kind, record)

    def restore_object(self, kind: Behaviour, object_id: str) -> Record | None:
        """Bring back a soft-deleted object; None when there is none by that id."""
        with self._lock:
            record = self._objects.get(kind.spec.name, {}).get(object_id)
            if record is None or DELETED_AT not in record:
                return None
            del record[DELETED_AT]
            self._save()
            return self._object_view(kind, record)

    def object_tags(
        self, kind: Behaviour, object_id: str, change: Callable[[list[str]], list[str]] | None
    ) -> list[str] | None:
        """The object's tags after ``change`` (none: read only); None when the id is unknown.
        A change here mints no version and leaves ``updated_at`` alone."""
        with self._lock:
            record = self._live(kind).get(object_id)
            if record is None:
                return None
            tags = list(record.get(kind.spec.tags_field) or [])
            if change is not None:
                tags = change(tags)
                record[kind.spec.tags_field] = tags
                self._save()
            return tags

    def all_objects(self, kind: Behaviour) -> list[Record]:
        with self._lock:
            return [self._object_view(kind, r) for r in self._live(kind).values()]

    def dump_objects(self) -> dict[str, list[Record]]:
        """Every other resource's live objects by type name, for the admin API (soft-deleted
        ones under ``<name> (deleted)``)."""
        with self._lock:
            out: dict[str, list[Record]] = {}
            for name, records in self._objects.items():
                out[name] = [copy.deepcopy(r) for r in records.values() if DELETED_AT not in r]
                gone = [copy.deepcopy(r) for r in records.values() if DELETED_AT in r]
                if gone:
                    out[f"{name} (deleted)"] = gone
            return out
