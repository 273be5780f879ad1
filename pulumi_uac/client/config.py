"""Where the client's credentials, endpoint and limits come from."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any

DEFAULT_BASE_URL = "https://api.telnyx.com/v2"
API_KEY_ENV = "TELNYX_API_KEY"
BASE_URL_ENV = "TELNYX_BASE_URL"
RETRY_TIMEOUT_ENV = "TELNYX_RETRY_TIMEOUT"
RATE_RESERVE_ENV = "TELNYX_RATE_RESERVE"
DEFAULT_RETRY_TIMEOUT = 300.0
"""Five minutes per request. Telnyx announces its rate-limit resets in seconds within a
minute-long window, so a storm of 429s lasting a few windows is waited out; a Telnyx that keeps
failing for longer than that is an outage, better reported than hidden. An ``up`` that already
takes minutes can afford it; set ``telnyx:retryTimeout`` (or ``TELNYX_RETRY_TIMEOUT``) lower for
fast failure in CI, higher for big migrations."""


def clean_api_key(key: str) -> str:
    """The key without the whitespace a key file's line ending leaves around it; a key with any
    other character outside printable ASCII is refused (it cannot travel in a header, and
    libraries then quote it whole in their error messages). The message never shows the key."""
    from .errors import ConfigurationError

    cleaned = key.strip()
    if not cleaned or any(not ("!" <= c <= "~") for c in cleaned):
        raise ConfigurationError(
            "the Telnyx API key contains a space, a line break or another character that is not "
            "printable ASCII: check where it came from (a file, an environment variable)"
        )
    return cleaned


@dataclass(frozen=True)
class ClientConfig:
    """Settings of a :class:`~pulumi_uac.client.UacClient`.

    The defaults follow the official Telnyx SDK (5 s connect, 0.5 s to 8 s backoff), with a
    shorter timeout per exchange and a time budget for retrying each request.
    """

    api_key: str = field(repr=False)
    """Telnyx API key (``TELNYX_API_KEY``). Never shown in repr."""
    base_url: str = DEFAULT_BASE_URL
    """API root including ``/v2`` (``TELNYX_BASE_URL``)."""
    connect_timeout: float = 5.0
    """Seconds to establish a connection."""
    timeout: float = 30.0
    """Seconds for a whole request (read, write and pool waits)."""
    retry_timeout: float = DEFAULT_RETRY_TIMEOUT
    """Seconds a request may spend retrying transient failures (waits included); no attempt
    starts, and no wait begins, that would end past it."""
    initial_backoff: float = 0.5
    """First backoff delay in seconds; doubles each attempt, with jitter."""
    max_backoff: float = 8.0
    """Largest computed backoff delay in seconds."""
    rate_reserve: int = 0
    """Requests of the account's rate window this process leaves to others
    (``TELNYX_RATE_RESERVE``): once an answer says no more than this many remain, the process
    waits for the window's reset before sending again. 0 waits only when none remain. Processes
    sharing one account (``pulumi-uac fleet``) set it to what the others may have in flight, so
    that together they stay under the limit instead of each finding it with a 429."""

    @classmethod
    def from_env(
        cls,
        api_key: str | None = None,
        base_url: str | None = None,
        retry_timeout: float | str | None = None,
        **overrides: Any,
    ) -> ClientConfig:
        """Explicit values first, then ``TELNYX_API_KEY`` / ``TELNYX_BASE_URL`` /
        ``TELNYX_RETRY_TIMEOUT``."""
        from .errors import ConfigurationError

        budget = parse_retry_timeout(retry_timeout)
        if budget is not None:
            overrides["retry_timeout"] = budget
        reserve = os.environ.get(RATE_RESERVE_ENV, "").strip()
        if reserve and not reserve.isdigit():
            raise ConfigurationError(
                f"{RATE_RESERVE_ENV} must be a whole number of requests (0 or more)"
            )
        key = api_key or os.environ.get(API_KEY_ENV, "")
        if not key:
            raise ConfigurationError(
                "no Telnyx API key: set TELNYX_API_KEY or pass api_key explicitly"
            )
        key = clean_api_key(key)
        url = effective_base_url(base_url)
        config = cls(api_key=key, base_url=url, **overrides)
        return dataclasses.replace(config, rate_reserve=int(reserve)) if reserve else config


def parse_retry_timeout(raw: float | str | None) -> float | None:
    """The retry budget from ``raw`` (else ``TELNYX_RETRY_TIMEOUT``; None when neither is set),
    refusing anything but 0 to 86400 seconds with a :class:`ConfigurationError`."""
    from .errors import ConfigurationError

    value = raw if raw is not None else os.environ.get(RETRY_TIMEOUT_ENV)
    if value is None or value == "":
        return None
    try:
        budget = float(value)
    except ValueError:
        budget = -1.0
    if not 0 <= budget <= 86_400:
        raise ConfigurationError(
            f"the retry timeout (telnyx:retryTimeout / {RETRY_TIMEOUT_ENV}) must be a number of "
            "seconds between 0 and 86400"
        )
    return budget


def effective_base_url(base_url: str | None) -> str:
    """The API root from ``base_url``, else ``TELNYX_BASE_URL``, else Telnyx's; an http(s) URL
    or a :class:`ConfigurationError`."""
    from .errors import ConfigurationError

    url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"Telnyx base URL must start with http:// or https://: {url!r}")
    return url
