"""Failures the lifecycle itself raises (the API's own failures are the client's exceptions).

Every class here, like every client exception, derives from
:class:`~pulumi_uac.client.TelnyxError`: an *expected* failure, which the adapters show as one
clear line with no Python traceback behind it.
"""

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

    def __init__(self, message: str, *, status: str | None) -> None:
        super().__init__(message)
        self.status = status
        """The last registration status Telnyx reported."""


class AdoptionError(TelnyxError):
    """An existing connection could not be adopted as asked."""


class MaskedPasswordError(TelnyxError):
    """A PATCH would have to leave out a password that Telnyx masks and the program does not set,
    and could so erase it: refused before anything is written."""


class OwnedElsewhereError(TelnyxError):
    """An imported connection carries another Pulumi resource's ownership mark: changing or
    deleting it from here is refused."""


class LookupFailedError(TelnyxError):
    """A lookup (a function of the native provider) matched no connection, or several."""


class RollbackError(TelnyxError):
    """An update failed after Telnyx accepted it, and putting the previous values back failed
    too: the message says what Telnyx now holds and what to run."""


def with_context(exc: TelnyxError, prefix: str | None, *, suffix: str = "") -> TelnyxError:
    """The same error, its message led by what was being done; raised ``from None`` by callers
    so the engine shows one short message instead of a chain through retry frames."""
    message = str(exc)
    if prefix and not message.startswith(prefix):
        message = f"{prefix}: {message}"
    exc.args = (message + suffix,)
    exc.__cause__ = None
    exc.__context__ = None
    exc.__traceback__ = None
    return exc
