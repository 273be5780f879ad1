"""Comparing: what the account answered against what the emulator does by default, and the
emulator flags that reproduce it."""

from __future__ import annotations

from typing import Any


def emulator_flags(findings: dict[str, Any]) -> list[str]:
    """The emulator flags that reproduce what the probe found."""
    flags = [f"--nested-patch {findings['nested_patch']}"]
    if findings.get("unknown_fields") == "rejected":
        flags.append("--strict-fields")
    if findings.get("password_revealed_on_unrelated_update"):
        flags.append("--no-masking")  # an account from before 2026-09-08: nothing masked
    return flags


def unmatched(findings: dict[str, Any]) -> list[str]:
    """Findings no emulator flag reproduces: the emulator's fixed behaviour differs, so tests
    against it do not cover what this account does (and the fidelity notes need updating)."""
    gaps = []
    if findings.get("null_on_active") == "accepted":
        gaps.append("null on active is accepted (the emulator always refuses it)")
    if findings.get("blank_accepted") is False:
        gaps.append('"" is refused where documented (the emulator always accepts it)')
    nested, external = findings.get("nested_patch"), findings.get("partial_external_settings")
    if (nested, external) in (("merge", "replaced"), ("replace", "merged")):
        gaps.append(
            f"nested objects disagree (inbound: {nested}, external_uac_settings: {external}); "
            "the emulator applies one mode to all"
        )
    elif str(external).startswith("refused") and nested == "merge":
        # Under --nested-patch replace the emulator refuses it too (no proxy left); under
        # merge it accepts it.
        gaps.append(
            f"a partial external_uac_settings is {external} while nested objects merge "
            "(the emulator, merging, accepts it)"
        )
    tags = str(findings.get("call_control_create_tags") or "")
    strict = findings.get("unknown_fields") == "rejected"
    if tags == "stored":
        gaps.append("a Call Control create stores tags (the emulator never does)")
    elif tags and tags.startswith("refused") != strict:
        gaps.append(
            f"a Call Control create's tags are {tags} while unknown fields are "
            f"{findings.get('unknown_fields')} (the emulator treats both alike)"
        )
    for key, noun in (
        ("call_control_nested_patch", "Call Control applications"),
        ("outbound_profile_nested_patch", "outbound voice profiles"),
    ):
        mode = findings.get(key)
        if mode is not None and nested is not None and mode != nested:
            gaps.append(
                f"nested objects of {noun} {mode} while a connection's {nested} (the emulator "
                "applies one mode to all)"
            )
    for key, value in findings.items():
        if key.startswith("assistant_idempotency_") and value != "replayed":
            gaps.append(f"{key}: {value} (the emulator replays the first answer)")
    if findings.get("assistant_tags_update_mints_version") is False:
        gaps.append(
            "an update of an assistant's tags alone mints no version (the emulator: it does)"
        )
    if findings.get("assistant_tag_endpoint_mints_version"):
        gaps.append("the assistant tag endpoint mints a version (the emulator: it does not)")
    mode = findings.get("assistant_nested_update")
    if mode is not None and nested is not None and mode != nested:
        gaps.append(
            f"nested objects of AI Assistants {mode} while a connection's {nested} (the emulator "
            "applies one mode to all)"
        )
    if findings.get("initial_registration_status") not in (None, "Not Registered"):
        status = findings["initial_registration_status"]
        gaps.append(f"a new connection starts {status!r} (the emulator: 'Not Registered')")
    return gaps


def report(findings: dict[str, Any]) -> str:
    lines = ["What this Telnyx account answered:"]
    for key, value in findings.items():
        if key not in ("emulator_flags", "not_reproduced"):
            lines.append(f"  {key.replace('_', ' ')}: {value}")
    lines.append("Emulator flags that match: " + " ".join(findings["emulator_flags"]))
    for gap in findings.get("not_reproduced") or []:
        lines.append(f"  not reproduced by any flag: {gap}")
    return "\n".join(lines)
