"""``python -m pulumi_uac.probe``: ask a real Telnyx account what the documentation leaves open.

With ``TELNYX_API_KEY`` (and optionally ``TELNYX_BASE_URL``) it creates one connection named
``pulumi-uac-probe-<random>``, asks the questions no public source settles, deletes the
connection again (also on failure or Ctrl-C), and prints what it found plus the emulator flags
that reproduce it:

- does a PATCH merge a partial nested object into the stored one, or replace it?
- are unknown request fields ignored or rejected?
- is ``""`` accepted where Telnyx documents it, and ``null`` refused on ``active``?
- what is the registration status right after a create?
- do ``x-ratelimit-*`` headers come on a successful answer?
- is a password revealed by an update that did not change it?

``--json`` prints one JSON object instead. It costs about ten requests and never runs without an
explicit key.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import sys
from collections.abc import Sequence
from typing import Any

import httpx

from .client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL

RESOURCE = "uac_connections"
MASK = "********"


class ProbeError(Exception):
    """The probe could not ask a question; the message says which."""


class Probe:
    """One probing session against one account."""

    def __init__(self, client: httpx.Client) -> None:
        self.http = client
        self.created: str | None = None
        self.findings: dict[str, Any] = {}

    def call(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return self.http.request(method, path, json=body)

    def data(self, response: httpx.Response, what: str) -> dict[str, Any]:
        if not response.is_success:
            raise ProbeError(f"{what} answered {response.status_code}: {response.text[:300]}")
        payload: dict[str, Any] = response.json()["data"]
        return payload

    def patch(self, body: dict[str, Any]) -> httpx.Response:
        return self.call("PATCH", f"{RESOURCE}/{self.created}", body)

    def get(self) -> dict[str, Any]:
        return self.data(self.call("GET", f"{RESOURCE}/{self.created}"), "GET")

    def run(self) -> dict[str, Any]:
        f = self.findings
        name = f"pulumi-uac-probe-{secrets.token_hex(4)}"
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
        f["emulator_flags"] = emulator_flags(f)
        return f

    def clean_up(self) -> str | None:
        """Delete what the probe created; an error message when that fails."""
        if self.created is None:
            return None
        try:
            response = self.call("DELETE", f"{RESOURCE}/{self.created}")
        except httpx.HTTPError as exc:
            return f"could not delete probe connection {self.created}: {exc}"
        if response.status_code not in (200, 204, 404):
            return f"could not delete probe connection {self.created}: {response.status_code}"
        self.created = None
        return None


def emulator_flags(findings: dict[str, Any]) -> list[str]:
    """The emulator flags that reproduce what the probe found."""
    flags = [f"--nested-patch {findings['nested_patch']}"]
    if findings.get("unknown_fields") == "rejected":
        flags.append("--strict-fields")
    if findings.get("password_revealed_on_unrelated_update"):
        flags.append("--no-masking")  # an account from before 2026-09-08: nothing masked
    return flags


def report(findings: dict[str, Any]) -> str:
    lines = ["What this Telnyx account answered:"]
    for key, value in findings.items():
        if key != "emulator_flags":
            lines.append(f"  {key.replace('_', ' ')}: {value}")
    lines.append("Emulator flags that match: " + " ".join(findings["emulator_flags"]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_uac.probe", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--base-url", help=f"API root (default ${BASE_URL_ENV}, else Telnyx)")
    args = parser.parse_args(argv)
    key = os.environ.get(API_KEY_ENV)
    if not key:
        print(
            f"probe: refusing to run without an explicit key: set {API_KEY_ENV} (it creates "
            "and deletes one connection on that account)",
            file=sys.stderr,
        )
        return 2
    base = (args.base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/") + "/"

    def interrupted(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30
    ) as http:
        probe = Probe(http)
        status = 0
        try:
            findings = probe.run()
        except (ProbeError, httpx.HTTPError, KeyboardInterrupt) as exc:
            print(f"probe: stopped: {exc or type(exc).__name__}", file=sys.stderr)
            findings, status = {}, 1
        finally:
            problem = probe.clean_up()
            if problem:
                print(f"probe: {problem}; delete it by hand", file=sys.stderr)
                status = 1
    if findings:
        print(json.dumps(findings) if args.json else report(findings))
    return status


if __name__ == "__main__":
    sys.exit(main())
