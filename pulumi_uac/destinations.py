"""Building ``internal_uac_settings.destination_uri`` for the Telnyx application that should
answer the PBX's calls: ``<extension>@<application-fqdn>.sip.telnyx.com``.

Every function accepts plain strings or ``pulumi.Input`` values (for instance the id of an
assistant exported by another stack) and returns a ``pulumi.Output[str]``. Bad extensions or ids
raise ``ValueError`` naming the rule: at once for plain strings, when resolved for Outputs.

Example::

    destinations.ai_assistant("1006", "abc123")   # 1006@assistant-abc123.sip.telnyx.com
    destinations.call_control("2000", "xyz789")   # 2000@cc-app-xyz789.sip.telnyx.com
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pulumi

DOMAIN = "sip.telnyx.com"
_EXTENSION = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def _extension(value: str) -> str:
    if not isinstance(value, str) or not _EXTENSION.match(value):
        raise ValueError(
            f"destination extension {value!r} must be 1-64 letters, digits, '-' or '_' "
            "(the part before '@')"
        )
    return value


def valid_extension(value: str) -> str:
    """``value`` if it can be the extension of a destination URI, else ``ValueError``."""
    return _extension(value)


def _application(prefix: str, app_id: str, what: str) -> str:
    if not isinstance(app_id, str) or not app_id:
        raise ValueError(f"{what} id must be a non-empty string")
    # An id already in FQDN form ("assistant-<uuid>") is not prefixed a second time.
    label = app_id if not prefix or app_id.startswith(prefix) else prefix + app_id
    if not _LABEL.match(label):
        raise ValueError(
            f"{what} id {app_id!r} cannot form a host name label ({label!r}): use letters, "
            "digits and '-', at most 63 characters, not starting or ending with '-'"
        )
    return label


def _build(
    extension: pulumi.Input[str], app_id: pulumi.Input[str], make: Callable[[str], str]
) -> pulumi.Output[str]:
    if isinstance(extension, str) and isinstance(app_id, str):
        return pulumi.Output.from_input(f"{_extension(extension)}@{make(app_id)}.{DOMAIN}")
    return pulumi.Output.all(extension, app_id).apply(
        lambda v: f"{_extension(v[0])}@{make(v[1])}.{DOMAIN}"
    )


def ai_assistant(
    extension: pulumi.Input[str], assistant_id: pulumi.Input[str]
) -> pulumi.Output[str]:
    """Route ``extension`` to a Telnyx AI Assistant: ``<ext>@assistant-<id>.sip.telnyx.com``."""
    return _build(extension, assistant_id, lambda i: _application("assistant-", i, "AI Assistant"))


def call_control(extension: pulumi.Input[str], app_id: pulumi.Input[str]) -> pulumi.Output[str]:
    """Route ``extension`` to a Call Control application: ``<ext>@cc-app-<id>.sip.telnyx.com``."""
    return _build(
        extension, app_id, lambda i: _application("cc-app-", i, "Call Control application")
    )


def speech_to_text(extension: pulumi.Input[str], stt_id: pulumi.Input[str]) -> pulumi.Output[str]:
    """Route ``extension`` to speech-to-text: ``<ext>@stt-<id>.sip.telnyx.com``."""
    return _build(extension, stt_id, lambda i: _application("stt-", i, "speech-to-text"))


def raw(extension: pulumi.Input[str], application_fqdn: pulumi.Input[str]) -> pulumi.Output[str]:
    """Any application by its FQDN label: ``<ext>@<application_fqdn>.sip.telnyx.com``."""
    return _build(extension, application_fqdn, lambda i: _application("", i, "application FQDN"))
