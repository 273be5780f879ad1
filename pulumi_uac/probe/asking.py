"""Asking: the probe's questions to a real Telnyx account, one throwaway object per resource,
cleaned up on failure or Ctrl-C (see :mod:`pulumi_uac.probe`)."""

from __future__ import annotations

import secrets
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from ..client import retry_after_seconds
from .comparing import emulator_flags, unmatched

RESOURCE = "uac_connections"
APPLICATIONS = "call_control_applications"
PROFILES = "outbound_voice_profiles"
ASSISTANTS = "ai/assistants"
UNWRAPPED = (ASSISTANTS,)
"""Collections whose answers are the object itself, not ``{"data": ...}``, and whose list has
no pages and no filter."""
MASK = "********"
CLEANUP_ATTEMPTS = 6
CLEANUP_MAX_WAIT = 20.0
"""A 429 or 5xx during cleanup is retried this many times, waiting what Telnyx asks (at most
this many seconds a time): the one connection the probe made must not be left behind."""


class ProbeError(Exception):
    """The probe could not ask a question; the message says which."""


class Probe:
    """One probing session against one account."""

    def __init__(self, client: httpx.Client, idempotency_wait: float = 30.0) -> None:
        self.http = client
        self.idempotency_wait = idempotency_wait
        self.name = f"pulumi-uac-probe-{secrets.token_hex(4)}"
        self.created: str | None = None
        self.posted = False
        """A create was sent: when its answer never came, cleanup must look the name up."""
        self.others: list[tuple[str, str, str, str | None]] = []
        """(collection, name field, name, id or None while the create's answer is awaited) of
        the other objects the probe made; deleted before the connection."""
        self.findings: dict[str, Any] = {}

    def call(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return self.http.request(method, path, json=body, headers=headers)

    def data(self, response: httpx.Response, what: str, wrapped: bool = True) -> dict[str, Any]:
        if not response.is_success:
            raise ProbeError(f"{what} answered {response.status_code}: {response.text[:300]}")
        payload: dict[str, Any] = response.json()["data"] if wrapped else response.json()
        return payload

    def patch(self, body: dict[str, Any]) -> httpx.Response:
        return self.call("PATCH", f"{RESOURCE}/{self.created}", body)

    def get(self) -> dict[str, Any]:
        return self.data(self.call("GET", f"{RESOURCE}/{self.created}"), "GET")

    def run(self) -> dict[str, Any]:
        f, name = self.findings, self.name
        self.posted = True
        created = self.call(
            "POST",
            RESOURCE,
            {
                "connection_name": name,
                "external_uac_settings": {
                    "proxy": "sip:probe.invalid:5060",
                    "username": "probe-user",
                    "password": "probe-password-1",
                    "transport": "TCP",
                },
                "inbound": {"codecs": ["G722"], "sip_region": "Europe"},
            },
        )
        conn = self.data(created, "create")
        self.created = str(conn["id"])
        f["initial_registration_status"] = conn.get("registration_status")
        f["rate_limit_headers_on_success"] = all(
            h in created.headers
            for h in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
        )

        # 1. A partial nested object: merged into the stored one, or replacing it?
        self.data(self.patch({"inbound": {"channel_limit": 5}}), "PATCH inbound.channel_limit")
        inbound = self.get().get("inbound") or {}
        kept = inbound.get("codecs") == ["G722"] and inbound.get("sip_region") == "Europe"
        f["nested_patch"] = "merge" if kept else "replace"
        partial = self.patch({"external_uac_settings": {"transport": "UDP"}})
        if partial.is_success:
            ext = self.get().get("external_uac_settings") or {}
            f["partial_external_settings"] = (
                "merged" if ext.get("proxy") == "sip:probe.invalid:5060" else "replaced"
            )
        else:
            f["partial_external_settings"] = f"refused ({partial.status_code})"

        # 2. Unknown fields, top level and nested.
        unknown = self.patch({"pulumi_uac_probe_field": 1, "inbound": {"pulumi_uac_probe_key": 1}})
        f["unknown_fields"] = "ignored" if unknown.is_success else "rejected"
        f["unknown_fields_status"] = unknown.status_code

        # 3. null where the SDK forbids it; "" where Telnyx documents it.
        f["null_on_active"] = "accepted" if self.patch({"active": None}).is_success else "refused"
        self.patch({"active": True})
        blank = self.patch({"webhook_event_failover_url": "", "outbound": {"localization": ""}})
        f["blank_accepted"] = blank.is_success

        # 4. Passwords in update answers.
        changed = self.data(self.patch({"password": "probe-password-2"}), "PATCH password")
        f["password_revealed_on_changing_update"] = changed.get("password") not in (None, MASK)
        other = self.data(self.patch({"connection_name": f"{name}-renamed"}), "PATCH name")
        f["password_revealed_on_unrelated_update"] = other.get("password") not in (None, MASK)
        self._companions()
        f["emulator_flags"] = emulator_flags(f)
        f["not_reproduced"] = unmatched(f)
        return f

    def _make(
        self,
        collection: str,
        field: str,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """A create of another object, recorded first so that cleanup finds it even when its
        answer is lost."""
        index = len(self.others)
        self.others.append((collection, field, str(body[field]), None))
        response = self.call("POST", collection, body, headers)
        if response.is_success:
            payload = response.json()
            made = payload if collection in UNWRAPPED else payload["data"]
            self.others[index] = (collection, field, str(body[field]), str(made["id"]))
        return response

    def _companions(self) -> None:
        f = self.findings
        # 5. A Call Control create with tags: stored, ignored, or refused?
        app = {
            "application_name": f"{self.name}-app",
            "webhook_event_url": "https://probe.invalid/telnyx",
            "inbound": {"channel_limit": 10, "sip_subdomain_receive_settings": "from_anyone"},
        }
        tagged = self._make(APPLICATIONS, "application_name", {**app, "tags": ["pulumi-uac-probe"]})
        if tagged.is_success:
            stored = tagged.json()["data"].get("tags") or []
            f["call_control_create_tags"] = "stored" if "pulumi-uac-probe" in stored else "ignored"
        elif tagged.status_code in (400, 422) and "tags" in tagged.text:
            # Refused for its tags: nothing was made. Any other failure (a 5xx or 429 may come
            # after Telnyx acted) stops the probe, and cleanup looks the name up.
            f["call_control_create_tags"] = f"refused ({tagged.status_code})"
            self.others.pop()
            self.data(self._make(APPLICATIONS, "application_name", app), "create application")
        else:
            raise ProbeError(
                f"create application with tags answered {tagged.status_code}: {tagged.text[:300]}"
            )
        app_id = self.others[-1][3]
        # 6. Nested objects of the companions: merged or replaced by a partial PATCH?
        required = {k: app[k] for k in ("application_name", "webhook_event_url")}
        self.data(
            self.call(
                "PATCH", f"{APPLICATIONS}/{app_id}", {**required, "inbound": {"channel_limit": 5}}
            ),
            "PATCH application inbound",
        )
        inbound = self.data(self.call("GET", f"{APPLICATIONS}/{app_id}"), "GET application")
        kept = (inbound.get("inbound") or {}).get("sip_subdomain_receive_settings")
        f["call_control_nested_patch"] = "merge" if kept == "from_anyone" else "replace"
        profile = {
            "name": f"{self.name}-profile",
            "calling_window": {"start_time": "08:00", "end_time": "20:00"},
        }
        self.data(self._make(PROFILES, "name", profile), "create profile")
        profile_id = self.others[-1][3]
        self.data(
            self.call(
                "PATCH",
                f"{PROFILES}/{profile_id}",
                {"name": profile["name"], "calling_window": {"calls_per_cld": 3}},
            ),
            "PATCH profile calling_window",
        )
        window = self.data(self.call("GET", f"{PROFILES}/{profile_id}"), "GET profile")
        start = (window.get("calling_window") or {}).get("start_time")
        f["outbound_profile_nested_patch"] = "merge" if start == "08:00" else "replace"
        self._assistant()

    def _assistant(self) -> None:
        f = self.findings
        body = {
            "name": f"{self.name}-assistant",
            "instructions": "A pulumi-uac probe. It is deleted within a minute.",
            "tags": ["pulumi-uac-probe"],
            "telephony_settings": {
                "time_limit_secs": 600,
                "supports_unauthenticated_web_calls": True,
            },
        }
        key = {"Idempotency-Key": f"{self.name}-key"}
        made = self.data(self._make(ASSISTANTS, "name", body, key), "create assistant", False)
        item = f"{ASSISTANTS}/{made['id']}"
        # 7. The same key and body again: the first answer, or a second assistant?
        waits = {"at_once": 0.0, f"after_{self.idempotency_wait:g}s": self.idempotency_wait}
        for label, wait in waits.items():
            time.sleep(wait)
            again = self._make(ASSISTANTS, "name", body, key)
            if not again.is_success:
                self.others.pop()
                f[f"assistant_idempotency_{label}"] = f"refused ({again.status_code})"
            elif again.json().get("id") == made["id"]:
                self.others.pop()
                f[f"assistant_idempotency_{label}"] = "replayed"
            else:
                f[f"assistant_idempotency_{label}"] = "second assistant made"
        # 8. Versions: does an update of the tags alone mint one? Does the tag endpoint?
        before = made.get("version_id")
        tags = {"tags": ["pulumi-uac-probe", "second"]}
        self.data(self.call("POST", item, tags), "update assistant tags", False)
        after = self.data(self.call("GET", item), "GET assistant", False).get("version_id")
        f["assistant_tags_update_mints_version"] = after != before
        self.data(self.call("POST", f"{item}/tags", {"tag": "third"}), "add tag", False)
        last = self.data(self.call("GET", item), "GET assistant", False).get("version_id")
        f["assistant_tag_endpoint_mints_version"] = last != after
        # 9. A partial nested object in an update: merged or replaced?
        partial = {"telephony_settings": {"time_limit_secs": 900}}
        self.data(self.call("POST", item, partial), "update assistant telephony", False)
        now = self.data(self.call("GET", item), "GET assistant", False)
        kept = (now.get("telephony_settings") or {}).get("supports_unauthenticated_web_calls")
        f["assistant_nested_update"] = "merge" if kept is True else "replace"

    def clean_up(self) -> str | None:
        """Delete what the probe created; an error message when that fails. A create whose
        answer was lost (a dropped connection, Ctrl-C mid-request) may still have landed, so the
        name is looked up before concluding there is nothing to delete."""
        problems = [p for p in map(self._clean_up_other, reversed(self.others)) if p]
        problem = self._clean_up_connection()
        return "; ".join([*problems, *([problem] if problem else [])]) or None

    def _clean_up_other(self, made: tuple[str, str, str, str | None]) -> str | None:
        collection, field, name, object_id = made
        try:
            if object_id is None:
                object_id = self._find(collection, field, name)
            if object_id is None:
                return None
            hard = {"hard_delete": "true"} if collection in UNWRAPPED else None
            response = self._patiently("DELETE", f"{collection}/{object_id}", hard)
        except httpx.HTTPError as exc:
            return f"could not delete probe object {object_id or name}: {exc or type(exc).__name__}"
        if response.status_code not in (200, 204, 404):
            return f"could not delete probe object {object_id}: {response.status_code}"
        return None

    def _find(self, collection: str, field: str, name: str) -> str | None:
        params = None if collection in UNWRAPPED else {f"filter[{field}][contains]": name}
        if params is not None:
            params["page[size]"] = "250"
        response = self._patiently("GET", collection, params)
        if not response.is_success:
            raise httpx.HTTPError(f"looking up {name} answered {response.status_code}")
        for item in response.json().get("data") or []:
            if item.get(field) == name:
                return str(item["id"])
        return None

    def _clean_up_connection(self) -> str | None:
        try:
            if self.created is None and self.posted:
                self.created = self._find_by_name()
            if self.created is None:
                return None
            response = self._patiently("DELETE", f"{RESOURCE}/{self.created}")
        except httpx.HTTPError as exc:
            what = self.created or f"named {self.name}"
            return f"could not delete probe connection {what}: {str(exc) or type(exc).__name__}"
        if response.status_code not in (200, 204, 404):
            return f"could not delete probe connection {self.created}: {response.status_code}"
        self.created = None
        return None

    def _find_by_name(self) -> str | None:
        params = {"filter[connection_name][contains]": self.name, "page[size]": "250"}
        response = self._patiently("GET", RESOURCE, params)
        if not response.is_success:
            raise httpx.HTTPError(f"looking up {self.name} answered {response.status_code}")
        for conn in response.json().get("data") or []:
            if conn.get("connection_name") in (self.name, f"{self.name}-renamed"):
                return str(conn["id"])
        return None

    def _patiently(
        self, method: str, path: str, params: dict[str, str] | None = None
    ) -> httpx.Response:
        """One cleanup request, retried on 429 and 5xx as long as Telnyx's hint allows."""
        for attempt in range(CLEANUP_ATTEMPTS):
            response = self.http.request(method, path, params=params)
            if response.status_code != 429 and response.status_code < 500:
                return response
            if attempt + 1 < CLEANUP_ATTEMPTS:
                time.sleep(_wait_hint(response, attempt))
        return response


def _wait_hint(response: httpx.Response, attempt: int) -> float:
    hint = retry_after_seconds(response.headers, status=response.status_code)
    return min(hint if hint is not None else 0.5 * 2.0**attempt, CLEANUP_MAX_WAIT)


@contextmanager
def uninterruptible() -> Iterator[None]:
    """Cleanup is not cut short by a second Ctrl-C or SIGTERM: it is bounded, and stopping it
    is how a probe connection gets left on a real account."""
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
