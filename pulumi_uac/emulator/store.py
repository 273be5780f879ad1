"""The emulator's data: UAC connections as Telnyx would store them, thread-safe and persistent.

Choices where the documentation is silent or contradicts itself (see the API reference's open
points and the fidelity notes), made once here, always on the strict side:

- ids are numeric strings (the schema's int64), not the UUIDs of some doc examples;
- a PATCH *replaces* a nested object by default (keys it leaves out go back to their defaults);
  ``nested_patch = "merge"`` merges key by key instead. Nothing public settles which one Telnyx
  does, so the provider must be right under both, and tests run both;
- a new connection with complete external settings starts ``Not Registered``, one without any
  reports ``Not Applicable``; ``registration_status_updated_at`` stays null until the first
  registration event;
- ``default_on_hold_comfort_noise_enabled`` defaults to false (the request schema's default);
- ``noise_suppression_details.attenuation_limit`` defaults per engine (0 for ``denoiser``);
- ``page[size]`` defaults to 250 (the newer OpenAPI), not the older 20;
- a password is revealed in the create answer, and in an update answer only when that update
  changed it (the SDK's docstring).
"""

from __future__ import annotations

import copy
import json
import os
import random
import string
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from ..models import MASKED_PASSWORD, UAC_CONNECTION
from .behaviour import dotted
from .connection_shape import (
    DEFAULTS,
    EXTERNAL_KEYS,
    GENERATED_NESTED,
    NESTED,
    NESTED_DEFAULTS,
    PASSWORDS,
    NestedPatch,
    Record,
    nested_value,
)
from .objects import ObjectStore
from .registration import RegistrationSettings, address_of, proxy_host


def now_iso(clock: Callable[[], float]) -> str:
    return (
        datetime.fromtimestamp(clock(), tz=timezone.utc)
        .isoformat(timespec="microseconds")
        .replace("+00:00", "Z")
    )


class EmulatorStore(ObjectStore):
    """All connections, behind one lock; every change is written to ``path`` when given."""

    _records_spec = UAC_CONNECTION

    def __init__(
        self,
        path: str | None = None,
        *,
        seed: int = 0,
        clock: Callable[[], float] | None = None,
        registration: RegistrationSettings | None = None,
        nested_patch: NestedPatch = "replace",
    ) -> None:
        self.path = path
        self.clock = clock or time.time
        self.registration = registration or RegistrationSettings()
        self.masking = True
        """Mask passwords in answers, as Telnyx does for accounts created on or after 2026-09-08."""
        self.nested_patch: NestedPatch = nested_patch
        """How a PATCH treats a nested object: ``replace`` (strict default) or ``merge``."""
        self._lock = threading.RLock()
        self._rng = random.Random(seed)
        self._records: dict[str, Record] = {}
        self._objects: dict[str, dict[str, Record]] = {}
        """The other resources' objects, by resource type name, then id."""
        self._idempotency: dict[str, dict[str, Record]] = {}
        self._next_id = 1293384261075731000
        if path and os.path.exists(path):
            self._load(path)

    # ------------------------------------------------------------ persistence

    def _load(self, path: str) -> None:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        self._records = data.get("connections", {})
        self._objects = data.get("objects", {})
        self._idempotency = data.get("idempotency", {})
        self._next_id = int(data.get("next_id", self._next_id))
        rng = data.get("rng")
        if rng is not None:
            # The generator continues where it stopped: ids, FQDNs, user names and passwords
            # never repeat across a restart.
            version, internal, gauss = rng
            self._rng.setstate((version, tuple(internal), gauss))

    def _save(self) -> None:
        if not self.path:
            return
        payload = json.dumps(
            {
                "next_id": self._next_id,
                "rng": self._rng.getstate(),
                "connections": self._records,
                "objects": self._objects,
                "idempotency": self._idempotency,
            }
        )
        directory = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(directory, exist_ok=True)
        # Write-then-rename: a crash leaves either the old file or the new one, never half.
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".emulator-state-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    # ------------------------------------------------------------ generation

    def _token(self, n: int, alphabet: str = string.ascii_lowercase + string.digits) -> str:
        return "".join(self._rng.choice(alphabet) for _ in range(n))

    def _now(self) -> str:
        return now_iso(self.clock)

    def _new_id(self) -> str:
        self._next_id += self._rng.randint(1, 97)
        return str(self._next_id)

    # ------------------------------------------------------------ operations

    def create(self, body: Record) -> tuple[Record, Record]:
        """Store a new connection from a validated body; (stored record, view for the reply)."""
        with self._lock:
            ts = now_iso(self.clock)
            conn_id = self._new_id()
            subdomain = self._token(12)
            record: Record = copy.deepcopy(DEFAULTS)
            for key in (
                "inbound",
                "outbound",
                "jitter_buffer",
                "noise_suppression_details",
                "rtcp_settings",
            ):
                record[key] = nested_value(key, body.get(key) or {})
            for key, value in body.items():
                if key in NESTED and isinstance(value, dict):
                    record[key] = nested_value(key, value)
                else:
                    record[key] = copy.deepcopy(value)
            record["inbound"].update(
                sip_subdomain=subdomain, sip_subdomain_receive_settings="only_my_connections"
            )
            if not record.get("user_name"):
                record["user_name"] = "uac" + self._token(9)
            if not record.get("password"):
                record["password"] = self._token(20, string.ascii_letters + string.digits)
            fqdn = f"{subdomain}.uac.telnyx.com"
            record.update(
                id=conn_id,
                record_type="uac_connection",
                authentication="uac-authentication",
                fqdn=fqdn,
                fqdn_outbound_authentication="credential-authentication",
                fqdns=[
                    {
                        "id": self._new_id(),
                        "connection_id": conn_id,
                        "fqdn": fqdn,
                        "dns_record_type": "srv",
                        "port": 5060,
                        "record_type": "fqdn",
                        "created_at": ts,
                        "updated_at": ts,
                    }
                ],
                created_at=ts,
                updated_at=ts,
                registration_status=None,
                registration_status_updated_at=None,
                _registration=None,
            )
            self._restart_registration(record)
            self._records[conn_id] = record
            self._save()
            return record, self.view(record, reveal=set(PASSWORDS))

    def update(self, conn_id: str, body: Record) -> Record | None:
        """Apply a validated PATCH body; the reply view, or None when the id is unknown."""
        with self._lock:
            record = self._records.get(conn_id)
            if record is None:
                return None
            self._settle_registration(record)
            before = copy.deepcopy(record)
            for key, value in body.items():
                if key in NESTED and isinstance(value, dict):
                    record[key] = self._patched(key, record.get(key), value)
                else:
                    record[key] = copy.deepcopy(value)
            record["updated_at"] = now_iso(self.clock)
            if record.get("external_uac_settings") != before.get(
                "external_uac_settings"
            ) or record.get("active") != before.get("active"):
                self._restart_registration(record)
            self._save()
            reveal = {
                path
                for path in PASSWORDS
                if dotted(body, path) is not None and dotted(before, path) != dotted(record, path)
            }
            return self.view(record, reveal=reveal)

    def _patched(self, key: str, stored: Record | None, value: Record) -> Record:
        if self.nested_patch == "merge":
            merged = {**(stored or NESTED_DEFAULTS.get(key, {})), **copy.deepcopy(value)}
            return nested_value(key, merged) if key == "noise_suppression_details" else merged
        out = nested_value(key, value)
        for generated in GENERATED_NESTED.get(key, ()):
            if stored and generated in stored:
                out[generated] = stored[generated]
        return out

    def stored_nested(self, conn_id: str, key: str) -> Record | None:
        """A nested object as stored (for validating a PATCH under ``merge``)."""
        with self._lock:
            record = self._records.get(conn_id)
            value = None if record is None else record.get(key)
            return copy.deepcopy(value) if isinstance(value, dict) else None

    def _settled(self, conn_id: str) -> Record | None:
        """The stored record with its registration brought up to date (call under the lock)."""
        record = self._records.get(conn_id)
        if record is not None and self._settle_registration(record):
            self._save()
        return record

    def get(self, conn_id: str) -> Record | None:
        with self._lock:
            record = self._settled(conn_id)
            return None if record is None else self.view(record)

    def delete(self, conn_id: str) -> Record | None:
        with self._lock:
            record = self._records.pop(conn_id, None)
            if record is None:
                return None
            self._save()
            return self.view(record)

    def all(self) -> list[Record]:
        """Views of every connection (registration settled), unordered."""
        with self._lock:
            changed = [self._settle_registration(r) for r in self._records.values()]
            if any(changed):
                self._save()
            return [self.view(r) for r in self._records.values()]

    def registration_status(self, conn_id: str) -> Record | None:
        """The answer of ``check_registration_status``."""
        with self._lock:
            record = self._settled(conn_id)
            if record is None:
                return None
            ext = record.get("external_uac_settings") or {}
            status = record["registration_status"] or "Not Registered"
            registered = status in ("Registered", "Expired")
            host, port = proxy_host(str(ext.get("proxy") or ""))
            return {
                "record_type": "registration_status",
                "status": status,
                "sip_username": ext.get("username"),
                "ip_address": address_of(host) if registered else None,
                "port": (port or 5060) if registered else None,
                "transport": ext.get("transport") if registered else None,
                "user_agent": ext.get("user_agent") if registered else None,
                "last_registration": record.get("_last_registration") if registered else None,
            }

    def reset(self) -> None:
        with self._lock:
            self._records.clear()
            self._objects.clear()
            self._idempotency.clear()
            self._save()

    def dump(self, reveal: bool = False) -> list[Record]:
        """Every stored record (passwords masked unless ``reveal``), for the admin API."""
        with self._lock:
            return [
                self.view(r, reveal=set(PASSWORDS) if reveal else set())
                for r in self._records.values()
            ]

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    # ------------------------------------------------------------ registration

    def _status(self, record: Record, status: str, at: float | None = None) -> None:
        if record.get("registration_status") != status:
            record["registration_status"] = status
            # Null until the first registration event: a configuration change is not one.
            if status not in ("Not Registered", "Not Applicable"):
                when = self.clock() if at is None else at
                record["registration_status_updated_at"] = now_iso(lambda: when)

    def _restart_registration(self, record: Record) -> None:
        ext = record.get("external_uac_settings") or {}
        record["_registration"] = None
        if not ext:
            self._status(record, "Not Applicable")
        elif not record.get("active"):
            self._status(record, "Unregistered")
        else:
            complete = all(ext.get(k) for k in ("proxy", "username", "password"))
            self._status(record, "Not Registered")
            if complete:
                record["_registration"] = {"started": self.clock(), "stage": "pending"}

    def _settle_registration(self, record: Record) -> bool:
        """Move a pending registration on once its delay has passed; whether anything changed."""
        pending = record.get("_registration")
        if not pending:
            return False
        delay = self.registration.delay
        proxy = str((record.get("external_uac_settings") or {}).get("proxy") or "")
        now = self.clock()
        changed = False
        if pending["stage"] == "pending" and now >= pending["started"] + delay:
            outcome = self.registration.outcome(proxy)
            at = pending["started"] + delay
            self._status(record, outcome, at)
            if outcome == "Registered":
                record["_last_registration"] = now_iso(lambda: at)
            if outcome == "Registered" and self.registration.expires(proxy):
                pending["stage"] = "registered"
            else:
                record["_registration"] = None
            changed = True
        if pending["stage"] == "registered" and now >= pending["started"] + 2 * delay:
            self._status(record, "Expired", pending["started"] + 2 * delay)
            record["_registration"] = None
            changed = True
        return changed

    # ------------------------------------------------------------ views

    def view(self, record: Record, reveal: set[str] | frozenset[str] = frozenset()) -> Record:
        out = {k: copy.deepcopy(v) for k, v in record.items() if not k.startswith("_")}
        ext = out.get("external_uac_settings")
        if isinstance(ext, dict):
            out["external_uac_settings"] = {k: ext.get(k) for k in EXTERNAL_KEYS}
        if self.masking:
            for path in PASSWORDS:
                if path not in reveal and dotted(out, path):
                    _set(out, path, MASKED_PASSWORD)
        return out


def _set(data: Record, path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    node = data
    for part in parents:
        node = node[part]
    node[leaf] = value
