"""Where the client's credentials, endpoint and limits come from."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_BASE_URL = "https://api.telnyx.com/v2"
API_KEY_ENV = "TELNYX_API_KEY"
BASE_URL_ENV = "TELNYX_BASE_URL"


@dataclass(frozen=True)
class ClientConfig:
    """Settings of a :class:`~pulumi_uac.client.UacClient`.

    The defaults follow the official Telnyx SDK (5 s connect, 0.5 s to 8 s backoff), with a
    shorter total timeout and a cap on total retry time so a preview or an up can never hang.
    """

    api_key: str = field(repr=False)
    """Telnyx API key (``TELNYX_API_KEY``). Never shown in repr."""
    base_url: str = DEFAULT_BASE_URL
    """API root including ``/v2`` (``TELNYX_BASE_URL``)."""
    connect_timeout: float = 5.0
    """Seconds to establish a connection."""
    timeout: float = 30.0
    """Seconds for a whole request (read, write and pool waits)."""
    max_attempts: int = 5
    """Attempts per call, the first included."""
    max_retry_time: float = 60.0
    """Seconds after which no further attempt starts, whatever the attempts left."""
    initial_backoff: float = 0.5
    """First backoff delay in seconds; doubles each attempt, with jitter."""
    max_backoff: float = 8.0
    """Largest computed backoff delay in seconds."""
    max_retry_after: float = 60.0
    """Largest server-requested delay (Retry-After and friends) we are willing to honour."""

    @classmethod
    def from_env(
        cls, api_key: str | None = None, base_url: str | None = None, **overrides: float
    ) -> ClientConfig:
        """Explicit values first, then ``TELNYX_API_KEY`` / ``TELNYX_BASE_URL``."""
        from .errors import ConfigurationError

        key = api_key or os.environ.get(API_KEY_ENV, "")
        if not key:
            raise ConfigurationError(
                "no Telnyx API key: set TELNYX_API_KEY or pass api_key explicitly"
            )
        url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"Telnyx base URL must start with http:// or https://: {url!r}"
            )
        return cls(api_key=key, base_url=url, **overrides)  # type: ignore[arg-type]
