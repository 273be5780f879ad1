"""One exception class per kind of failure, with messages that read well as a `pulumi up` error.

Messages are built from the API's ``errors[].title/detail/source.pointer`` and passed through
the redactor of the client that raised them, so no password or API key can appear in them.
Exceptions never keep the response body, which echoes passwords.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorItem:
    """One problem reported by Telnyx (already redacted)."""

    code: str | None
    title: str | None
    detail: str | None
    pointer: str | None
    parameter: str | None = None

    def describe(self) -> str:
        where = self.pointer or (f"?{self.parameter}" if self.parameter else None)
        text = self.detail or self.title or "unknown problem"
        head = f"{where}: {text}" if where and where != "/" else text
        return f"{head} [code {self.code}]" if self.code else head


class TelnyxError(Exception):
    """Base of every error raised by the Telnyx client."""


class ConfigurationError(TelnyxError):
    """The client cannot be built: no API key, or an unusable base URL."""


class APIConnectionError(TelnyxError):
    """The request did not get an HTTP answer (refused, reset, DNS, TLS)."""

    def __init__(self, message: str, *, may_have_arrived: bool = True) -> None:
        super().__init__(message)
        self.may_have_arrived = may_have_arrived
        """False only when the request certainly never left (the connection was refused or
        never opened); otherwise Telnyx may have received and acted on it."""


class UnreachableError(APIConnectionError):
    """No connection to the API could be made, for a reason waiting does not heal: nothing
    answers at the base URL (refused, before this process ever got an answer there), its name
    does not resolve, or TLS failed. Never retried: the base URL or the network is wrong, and
    saying so at once beats minutes of retries that blame Telnyx."""

    def __init__(self, message: str) -> None:
        super().__init__(message, may_have_arrived=False)


class APITimeoutError(APIConnectionError):
    """The request did not get an answer in time."""


class AbandonedError(TelnyxError):
    """The call stopped waiting because whoever asked for it is gone (the CLI that started the
    provider was killed): nothing more is sent."""


class AmbiguousCreateError(TelnyxError):
    """A create may have reached Telnyx and several matching connections exist; nothing was
    adopted and nothing re-sent, so a human must pick."""


class UnconfirmedCreateError(TelnyxError):
    """A create failed in a way that may still have made the object (its answer was lost or
    Telnyx answered 5xx), and no look found it. The object carries ``mark``, so it can be found
    later by that tag alone."""

    def __init__(self, message: str, *, name: str, mark: str | None) -> None:
        super().__init__(message)
        self.name = name
        self.mark = mark


class APIStatusError(TelnyxError):
    """Telnyx answered with an error status."""

    status_code: int = 0
    reason: str = "Error"

    def __init__(
        self,
        method: str,
        path: str,
        status_code: int,
        errors: tuple[ErrorItem, ...] = (),
        retry_after: float | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.status_code = status_code
        self.errors = errors
        self.retry_after = retry_after
        super().__init__(self._message())

    def _message(self) -> str:
        head = f"Telnyx API {self.method} {self.path} failed: {self.status_code} {self.reason}"
        if not self.errors:
            return head
        if len(self.errors) == 1:
            return f"{head}: {self.errors[0].describe()}"
        return head + "".join(f"\n  - {e.describe()}" for e in self.errors)


class BadRequestError(APIStatusError):
    """400: the request was not well-formed."""

    reason = "Bad Request"


class AuthenticationError(APIStatusError):
    """401: the API key was missing or not accepted."""

    reason = (
        "Unauthorized (check telnyx:apiKey or TELNYX_API_KEY; after rotating the key, "
        "`pulumi destroy` and `pulumi refresh` use the key recorded by the last `pulumi up` "
        "unless run with --run-program)"
    )


class PermissionDeniedError(APIStatusError):
    """403: the key may not access this resource."""

    reason = "Forbidden"


class NotFoundError(APIStatusError):
    """404: no such connection (or route)."""

    reason = "Not Found"


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""

    reason = "Conflict"


class UnprocessableEntityError(APIStatusError):
    """422: validation failed; ``errors`` holds each problem and its ``source.pointer``."""

    reason = "Unprocessable Entity"


class RateLimitError(APIStatusError):
    """429: too many requests."""

    reason = "Too Many Requests"


class InternalServerError(APIStatusError):
    """>= 500: Telnyx failed."""

    reason = "Server Error"


class UnexpectedStatusError(APIStatusError):
    """Any other non-success status (e.g. 405, 408)."""

    reason = "Unexpected Status"


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for an HTTP status."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, UnexpectedStatusError)
