"""Failures the provider itself raises (the API's own failures are the client's exceptions)."""

from __future__ import annotations

from ..client import TelnyxError


class MissingCredentialsError(TelnyxError):
    """No API key was configured."""

    def __init__(self) -> None:
        super().__init__(
            "no Telnyx API key: set it for this stack with "
            "`pulumi config set --secret telnyx:apiKey <KEY>`, or export TELNYX_API_KEY=<KEY> "
            "in the environment that runs pulumi"
        )


class RegistrationError(TelnyxError):
    """The PBX did not accept Telnyx's registration in time (or rejected it)."""


class AdoptionError(TelnyxError):
    """An existing connection could not be adopted as asked."""
