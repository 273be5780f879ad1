"""No warning, error or log line prints a value that was secret on its way in.

Every message that can carry an input value is provoked through the real CLI, in both modes and
for each way a value becomes secret, and the CLI's whole output is searched for the values:
a read-after-write warning (a secret webhook URL and secret tags Telnyx did not store), a
registration refusal (a secret proxy), a failed adoption by name (a secret name), a replacement
reason (a secret create-only value) and, natively, a lookup by a secret name.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import MODES, PulumiProject, as_shown

pytestmark = pytest.mark.e2e

SECRETS = {
    "hook": "https://hook-7f3a9c.example.com/events",
    "tag": "tag-value-7f3a9c",
    "proxy": "sip:pbx-7f3a9c.reject.example",
    "name": "Name 7f3a9c",
    "api": "texml",
}

PROGRAM = """
import pulumi
from pulumi_uac import UacConnection
cfg = pulumi.Config()
form = cfg.require("form")

def secret(key):
    if form == "config":
        return cfg.require_secret(key)
    return pulumi.Output.secret(cfg.require(key))

UacConnection("warned", connection_name="Warned",
    webhook_event_url=secret("hook"), tags=secret("tag").apply(lambda t: [t]),
    webhook_api_version=secret("api") if cfg.get_bool("texml") else "1",
    outbound={"call_parking_enabled": True})
UacConnection("refused", connection_name="Refused", wait_for_registration=5,
    external_uac_settings=secret("proxy").apply(
        lambda p: {"proxy": p, "username": "reg-user", "password": "Refused-pw-1"}))
UacConnection("adopting", connection_name=secret("name"), adopt_existing_by_name=True)
"""

LOOKUP = """
import pulumi_uac.native as native
native.get_uac_connection_output(connection_name=secret("name"))
"""


@pytest.mark.parametrize("form", ["output", "config"])
@pytest.mark.parametrize("mode", MODES)
def test_no_message_prints_a_secret_value(
    project_factory: Any, admin: httpx.Client, mode: str, form: str
) -> None:
    program = PROGRAM + (LOOKUP if mode == "native" else "")
    proj: PulumiProject = project_factory(program, mode=mode)
    proj.init()
    proj.config("form", form)
    for key, value in SECRETS.items():
        proj.config(key, value, secret=form == "config")
    admin.patch("config", json={"failing_proxies": ["*.reject.example"]})
    admin.put("faults", json={"ignore_fields": ["webhook_event_url", "tags"]})
    first = proj.run("up", "--yes", "--skip-preview", "--continue-on-error", check=False)
    admin.delete("faults")
    proj.config("texml", "true")
    second = proj.run("up", "--yes", "--skip-preview", "--continue-on-error", check=False)
    out = first.stdout + first.stderr + second.stdout + second.stderr
    # Each message was really shown, so the search below is not vacuous.
    stored = as_shown("Telnyx stored webhook_event_url", mode)
    assert stored in out and "Telnyx stored tags" in out, out
    assert "rejected" in out or "Failed" in out, out
    assert as_shown("adopt_existing_by_name", mode) in out, out
    if mode == "native":
        assert "getUacConnection" in out and "accepts only when a UAC connection is created" in out
    for key, value in SECRETS.items():
        assert value not in out, (key, out)
    assert "7f3a9c" not in out, out
