"""The contract's rules, field by field: every string rule matches the whole string (a trailing
newline never passes), no user-visible string carries control characters, SIP addresses are
SIP addresses, and counts stay in range. Driven by the models' own field list, so a new field
without a sample here fails the suite."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_uac.models import UAC_CONNECTION
from pulumi_uac.models.fields import FieldSpec

# A valid value for every free-form string field (enums use their first value).
SAMPLES: dict[str, str] = {
    "connection_name": "Office PBX",
    "android_push_credential_id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
    "ios_push_credential_id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
    "password": "a-password",
    "user_name": "my-sip-user",
    "webhook_event_url": "https://example.com/hooks",
    "webhook_event_failover_url": "https://example.com/failover",
    "external_uac_settings.proxy": "sip:pbx.example.com:5060",
    "external_uac_settings.username": "telnyx-reg",
    "external_uac_settings.password": "pbx-pass",
    "external_uac_settings.auth_username": "auth-user",
    "external_uac_settings.from_user": "from-user",
    "external_uac_settings.outbound_proxy": "outbound.pbx.example.com:5061",
    "external_uac_settings.user_agent": "Acme PBX/1.0",
    "internal_uac_settings.destination_uri": "1006@assistant-abc.sip.telnyx.com",
    "outbound.ani_override": "+15551234567",
    "outbound.localization": "US",
    "outbound.outbound_voice_profile_id": "1293384261075731499",
}
PASSWORDS = {"password", "external_uac_settings.password"}


def string_fields() -> list[FieldSpec]:
    return [s for s in UAC_CONNECTION.fields.walk() if s.kind == "string"]


def body_with(path: str, value: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"connection_name": "Office PBX"}
    if path.startswith("external_uac_settings."):
        body["external_uac_settings"] = {"proxy": "sip:pbx.example.com"}
    node = body
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return body


def problems_at(path: str, value: Any) -> list[str]:
    _, problems = UAC_CONNECTION.validate_create(body_with(path, value))
    return [p.message for p in problems if p.dotted == path]


def sample(spec: FieldSpec) -> str:
    return spec.enum[0] if spec.enum else SAMPLES[spec.path]


def test_every_free_string_field_has_a_sample() -> None:
    free = {s.path for s in string_fields() if not s.enum}
    assert free == set(SAMPLES), "add a valid sample for each new string field"


@pytest.mark.parametrize("spec", string_fields(), ids=lambda s: s.path)
def test_the_sample_is_valid_and_a_trailing_newline_is_not(spec: FieldSpec) -> None:
    assert problems_at(spec.path, sample(spec)) == []
    assert problems_at(spec.path, sample(spec) + "\n"), f"{spec.path} accepted a trailing newline"


@pytest.mark.parametrize("spec", string_fields(), ids=lambda s: s.path)
@pytest.mark.parametrize("char", ["\x00", "\r", "\x1b", "\x7f", "\u0085", "\t"])
def test_no_user_visible_string_takes_a_control_character(spec: FieldSpec, char: str) -> None:
    value = sample(spec)
    assert problems_at(spec.path, value[:2] + char + value[2:])


@pytest.mark.parametrize("path", sorted(PASSWORDS))
@pytest.mark.parametrize("value", [" leading-1", "trailing-1 ", "line\nbreak-1", "nul\x00-1"])
def test_a_password_that_digest_auth_could_never_match_is_refused_by_path_only(
    path: str, value: str
) -> None:
    (message,) = problems_at(path, value)
    assert message.startswith("must not") and value.strip() not in message
    assert problems_at(path, "in ner space-1") == []  # inner spaces are ordinary characters


def test_tags_and_codecs_are_text_too() -> None:
    _, problems = UAC_CONNECTION.validate_create({"connection_name": "x", "tags": ["ok", "bad\n"]})
    assert [p.dotted for p in problems] == ["tags[1]"]
    _, problems = UAC_CONNECTION.validate_create(
        {"connection_name": "x", "inbound": {"codecs": ["G7\x0022"]}}
    )
    assert [p.dotted for p in problems] == ["inbound.codecs[0]"]


@pytest.mark.parametrize(
    "proxy",
    [
        "sip:pbx.example.com:5060",
        "sips:pbx.example.com",
        "SIP:PBX.EXAMPLE.COM",
        "sip-pbx.acme.example",
        "outbound.sip-pbx.acme.example:5061",
        "192.0.2.10:5060",
        "sip:reg@pbx.example.com;transport=tcp",
        "sip:[2001:db8::1]:5060",
        "[2001:db8::1]",
        "p",
    ],
)
def test_sip_addresses_that_telnyx_examples_use_pass(proxy: str) -> None:
    assert problems_at("external_uac_settings.proxy", proxy) == []
    assert problems_at("external_uac_settings.outbound_proxy", proxy) == []


@pytest.mark.parametrize(
    "proxy",
    [
        "",
        " sip:pbx.example.com",
        "sip:pbx.example.com ",
        "sip:pbx.example.com\r\nINVITE sip:x@y SIP/2.0",
        "sip:pbx example.com",
        "sip:",
        "sip:pbx.example.com:",
        "sip:pbx.example.com:0",
        "sip:pbx.example.com:65536",
        "sip:pbx.example.com:50x",
        "https://pbx.example.com",
        "sip:[not-an-ip]:5060",
        "sip:-pbx.example.com",
        "sip:pbx..example.com",
        "sip:pbx.example.com;bad param",
    ],
)
def test_anything_else_is_not_a_sip_address(proxy: str) -> None:
    assert problems_at("external_uac_settings.proxy", proxy)


@pytest.mark.parametrize(
    ("path", "value", "ok"),
    [
        ("inbound.channel_limit", 2**31 - 1, True),
        ("inbound.channel_limit", 2**31, False),
        ("inbound.channel_limit", 2**70, False),
        ("outbound.channel_limit", -1, False),
        ("external_uac_settings.expiration_sec", 2**40, False),
        ("webhook_timeout_secs", 30, True),
        ("webhook_timeout_secs", 31, False),
    ],
)
def test_integer_bounds(path: str, value: int, ok: bool) -> None:
    assert (problems_at(path, value) == []) is ok


@pytest.mark.parametrize(
    ("jitter", "ok"),
    [
        ({"jitterbuffer_msec_min": 60, "jitterbuffer_msec_max": 60}, True),
        ({"jitterbuffer_msec_min": 300, "jitterbuffer_msec_max": 100}, False),
        ({"jitterbuffer_msec_min": 250}, False),  # above the default max of 200
        ({"jitterbuffer_msec_max": 50}, False),  # below the default min of 60
        ({"jitterbuffer_msec_max": 400}, True),
    ],
)
def test_jitter_minimum_stays_at_or_below_the_maximum(jitter: dict[str, int], ok: bool) -> None:
    _, problems = UAC_CONNECTION.validate_create({"connection_name": "x", "jitter_buffer": jitter})
    assert (problems == []) is ok, problems
