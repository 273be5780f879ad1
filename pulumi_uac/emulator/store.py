"""The emulator's data: UAC connections as Telnyx would store them, thread-safe and persistent.

Choices where the documentation is silent or contradicts itself (see the API reference's open
points), made once here:
- ids are numeric strings (the schema's int64), not the UUIDs of some doc examples;
- a new connection starts ``Not Registered``;
- ``default_on_hold_comfort_noise_enabled`` defaults to false (the request schema's default);
- PATCH merges nested objects key by key; top-level values and lists are replaced;
- ``page[size]`` defaults to 250 (the newer OpenAPI), not the older 20.
"""

from __future__ import annotations

import copy
import json
import os
import random
import string
import tempfile
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from fnmatch import fnmatch
from typing import Any

from ..models import MASKED_PASSWORD, nested_objects

Record = dict[str, Any]

DEFAULT_INBOUND: Record = {
    "ani_number_format": "E.164-national",
    "channel_limit": None,
    "codecs": ["G722", "G711U", "G711A", "G729", "OPUS", "H.264"],
    "default_routing_method": "sequential",
    "dnis_number_format": "e164",
    "generate_ringback_tone": False,
    "isup_headers_enabled": False,
    "prack_enabled": False,
    "shaken_stir_enabled": False,
    "simultaneous_ringing": "disabled",
    "sip_compact_headers_enabled": True,
    "sip_region": "US",
    "timeout_1xx_secs": 3,
    "timeout_2xx_secs": 90,
    "sip_subdomain_receive_settings": "only_my_connections",
}
DEFAULT_OUTBOUND: Record = {
    "ani_override": "",
    "ani_override_type": "always",
    "call_parking_enabled": False,
    "channel_limit": None,
    "generate_ringback_tone": False,
    "instant_ringback_enabled": True,
    "localization": "US",
    "outbound_voice_profile_id": None,
    "t38_reinvite_source": "telnyx",
}
DEFAULTS: Record = {
    "active": True,
    "anchorsite_override": "Latency",
    "android_push_credential_id": None,
    "bridge_generate_comfort_noise_on_cn": False,
    "call_cost_in_webhooks": False,
    "default_on_hold_comfort_noise_enabled": False,
    "dtmf_type": "RFC 2833",
    "encode_contact_header_enabled": False,
    "encrypted_media": None,
    "external_uac_settings": None,
    "internal_uac_settings": None,
    "ios_push_credential_id": None,
    "jitter_buffer": {
        "enable_jitter_buffer": False,
        "jitterbuffer_msec_max": 200,
        "jitterbuffer_msec_min": 60,
    },
    "noise_suppression": "disabled",
    "noise_suppression_details": {"attenuation_limit": 100, "engine": "denoiser"},
    "onnet_t38_passthrough_enabled": False,
    "rtcp_settings": {"capture_enabled": False, "port": "rtp+1", "report_frequency_secs": 5},
    "sip_uri_calling_preference": "disabled",
    "tags": [],
    "webhook_api_version": "1",
    "webhook_event_failover_url": "",
    "webhook_event_url": None,
    "webhook_timeout_secs": None,
}
NESTED = nested_objects()


def now_iso(clock: Callable[[], float]) -> str:
    return (
        datetime.fromtimestamp(clock(), tz=timezone.utc)
        .isoformat(timespec="microseconds")
        .replace("+00:00", "Z")
    )


class RegistrationSettings:
    """How registration to a customer's PBX is simulated."""

    def __init__(
        self,
        delay: float = 0.5,
        failing_proxies: list[str] | None = None,
        silent_proxies: list[str] | None = None,
    ) -> None:
        self.delay = delay
        """Seconds from a complete, active configuration to ``Registered``."""
        self.failing_proxies = list(failing_proxies or [])
        """Glob patterns of proxies whose PBX rejects Telnyx: they end ``Failed``."""
        self.silent_proxies = list(silent_proxies or [])
        """Glob patterns of proxies that never answer: they stay ``Not Registered``."""

    def outcome(self, proxy: str) -> str:
        if any(fnmatch(proxy, p) for p in self.failing_proxies):
            return "Failed"
        if any(fnmatch(proxy, p) for p in self.silent_proxies):
            return "Not Registered"
        return "Registered"

    def to_dict(self) -> dict[str, Any]:
        return {
            "registration_delay": self.delay,
            "failing_proxies": self.failing_proxies,
            "silent_proxies": self.silent_proxies,
        }


class ConnectionStore:
    """All connections, behind one lock; every change is written to ``path`` when given."""

    def __init__(
        self,
        path: str | None = None,
        *,
        seed: int = 0,
        clock: Callable[[], float] | None = None,
        registration: RegistrationSettings | None = None,
    ) -> None:
        import time

        self.path = path
        self.clock = clock or time.time
        self.registration = registration or RegistrationSettings()
        self.masking = True
        """Mask passwords in answers, as Telnyx does for accounts created on or after 2026-09-08."""
        self._lock = threading.RLock()
        self._rng = random.Random(seed)
        self._records: dict[str, Record] = {}
        self._next_id = 1293384261075731000
        if path and os.path.exists(path):
            self._load(path)

    # ------------------------------------------------------------ persistence

    def _load(self, path: str) -> None:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        self._records = data.get("connections", {})
        self._next_id = int(data.get("next_id", self._next_id))

    def _save(self) -> None:
        if not self.path:
            return
        payload = json.dumps({"next_id": self._next_id, "connections": self._records})
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
            for key, value in body.items():
                if key in NESTED and isinstance(value, dict):
                    base = record.get(key) or {}
                    record[key] = {**base, **value}
                else:
                    record[key] = copy.deepcopy(value)
            record["inbound"] = {
                **DEFAULT_INBOUND,
                **(body.get("inbound") or {}),
                "sip_subdomain": subdomain,
            }
            record["outbound"] = {**DEFAULT_OUTBOUND, **(body.get("outbound") or {})}
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
                registration_status="Not Registered",
                registration_status_updated_at=ts,
                _registration_started_at=None,
            )
            self._restart_registration(record)
            self._records[conn_id] = record
            self._save()
            return record, self.view(record, reveal={"password", "external_uac_settings.password"})

    def update(self, conn_id: str, body: Record) -> Record | None:
        """Apply a validated PATCH body; the reply view, or None when the id is unknown."""
        with self._lock:
            record = self._records.get(conn_id)
            if record is None:
                return None
            self._settle_registration(record)
            before_ext = copy.deepcopy(record.get("external_uac_settings"))
            before_active = record.get("active")
            for key, value in body.items():
                if key in NESTED and isinstance(value, dict):
                    record[key] = {**(record.get(key) or {}), **copy.deepcopy(value)}
                else:
                    record[key] = copy.deepcopy(value)
            record["updated_at"] = now_iso(self.clock)
            if (
                record.get("external_uac_settings") != before_ext
                or record.get("active") != before_active
            ):
                self._restart_registration(record)
            self._save()
            reveal = set()
            if "password" in body:
                reveal.add("password")
            if "password" in (body.get("external_uac_settings") or {}):
                reveal.add("external_uac_settings.password")
            return self.view(record, reveal=reveal)

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
        with self._lock:
            record = self._settled(conn_id)
            if record is None:
                return None
            ext = record.get("external_uac_settings") or {}
            status = record["registration_status"]
            proxy = str(ext.get("proxy") or "")
            host = proxy.removeprefix("sip:").removeprefix("sips:").split(";")[0]
            hostname, _, port = host.partition(":")
            return {
                "record_type": "registration_status",
                "status": status,
                "sip_username": ext.get("username"),
                "ip_address": hostname or None,
                "port": int(port) if port.isdigit() else (5060 if hostname else None),
                "transport": ext.get("transport") or ("UDP" if hostname else None),
                "user_agent": ext.get("user_agent") or "Telnyx UAC",
                "last_registration": record["registration_status_updated_at"]
                if status == "Registered"
                else None,
            }

    def reset(self) -> None:
        with self._lock:
            self._records.clear()
            self._save()

    def dump(self, reveal: bool = False) -> list[Record]:
        """Every stored record (passwords masked unless ``reveal``), for the admin API."""
        with self._lock:
            names = {"password", "external_uac_settings.password"} if reveal else set()
            return [self.view(r, reveal=names) for r in self._records.values()]

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    # ------------------------------------------------------------ registration

    @staticmethod
    def _eligible(record: Record) -> bool:
        ext = record.get("external_uac_settings") or {}
        return bool(
            record.get("active")
            and ext.get("proxy")
            and ext.get("username")
            and ext.get("password")
        )

    def _restart_registration(self, record: Record) -> None:
        ts_now = self.clock()
        record["_registration_started_at"] = ts_now if self._eligible(record) else None
        if record.get("registration_status") != "Not Registered":
            record["registration_status"] = "Not Registered"
            record["registration_status_updated_at"] = now_iso(self.clock)

    def _settle_registration(self, record: Record) -> bool:
        """Move a pending registration to its outcome once its delay has passed."""
        started = record.get("_registration_started_at")
        if started is None or self.clock() < started + self.registration.delay:
            return False
        proxy = str((record.get("external_uac_settings") or {}).get("proxy") or "")
        outcome = self.registration.outcome(proxy)
        record["_registration_started_at"] = None
        if outcome == record["registration_status"]:
            return True
        record["registration_status"] = outcome
        record["registration_status_updated_at"] = now_iso(
            lambda: started + self.registration.delay
        )
        return True

    # ------------------------------------------------------------ views

    def view(self, record: Record, reveal: set[str] | frozenset[str] = frozenset()) -> Record:
        out = {k: copy.deepcopy(v) for k, v in record.items() if not k.startswith("_")}
        if self.masking:
            if "password" not in reveal and out.get("password"):
                out["password"] = MASKED_PASSWORD
            ext = out.get("external_uac_settings")
            if (
                isinstance(ext, dict)
                and ext.get("password")
                and ("external_uac_settings.password" not in reveal)
            ):
                ext["password"] = MASKED_PASSWORD
        return out
