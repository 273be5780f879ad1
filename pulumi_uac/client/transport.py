"""One transport to the Telnyx API: retries, the rate gate, time budgets and redaction, shared
by every resource's client (:mod:`.resource`) so that all calls of a process learn from each
other's 429s."""

from __future__ import annotations

import logging
import re
import socket
import ssl
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from pydantic import ValidationError

from ..models import ErrorEnvelope
from .config import ClientConfig
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    ErrorItem,
    TelnyxError,
    UnreachableError,
    status_error_class,
)
from .redact import SecretScrubber
from .retry import RetryPolicy, limit_spent, retry_after_seconds

T = TypeVar("T")
SelfT = TypeVar("SelfT", bound="Transport")
log = logging.getLogger("pulumi_uac.client")

USER_AGENT = "pulumi-uac/0.1.0"
UNREACHABLE_GRACE = 3.0
"""How long a base URL where nothing has answered yet is tried before it is called unreachable
(an emulator or gateway started beside the program comes up within it)."""
MIN_EXCHANGE_SECONDS = 1.0
"""The shortest time one exchange is given, however little is left of its deadline."""
# Failures before a connection was open: the request never left this machine.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class Transport:
    """Talks to the Telnyx API: requests, retries, the rate gate, redaction. The resource
    clients (:class:`~.resource.ResourceClient`) speak through it; :class:`~.client.TelnyxClient`
    adds them.

    One instance owns one ``httpx.Client`` and so one connection pool; build it once and reuse it.

    Retries: 408, 429, 5xx and connection failures are retried with exponential backoff and
    jitter, honouring ``retry-after-ms``, ``Retry-After`` and ``x-ratelimit-reset``, until the
    request's time budget (``ClientConfig.retry_timeout``) runs out. A spent rate limit closes
    the client's :class:`~.retry.RateGate`, which every call of the client waits on; the
    optional ``abandoned`` check stops any waiting call whose caller is gone. Requests that
    change something are retried by the resource client's rules (see
    :class:`~.resource.ResourceClient`), never blind.
    """

    def __init__(
        self,
        config: ClientConfig,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        abandoned: Callable[[], str | None] | None = None,
    ) -> None:
        self.config = config
        self._redact = SecretScrubber([config.api_key])
        self._retry = RetryPolicy(config, sleep=sleep, clock=clock, abandoned=abandoned)
        self.gate = self._retry.gate
        self._wall_clock = wall_clock
        self._server_offset: float | None = None
        self._answered = False
        self._unreachable_since: float | None = None
        self._clock = clock
        # A password in the URL's userinfo (a gateway's) never reaches a message.
        self._shown_url = re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", config.base_url)
        self._http = httpx.Client(
            base_url=config.base_url + "/",
            headers={
                "Authorization": f"Bearer {config.api_key}",
                "Accept": "application/json",
                "User-Agent": USER_AGENT,
            },
            timeout=httpx.Timeout(config.timeout, connect=config.connect_timeout),
            transport=transport,
        )

    @classmethod
    def from_env(
        cls: type[SelfT], api_key: str | None = None, base_url: str | None = None
    ) -> SelfT:
        """A client configured from arguments, else ``TELNYX_API_KEY`` / ``TELNYX_BASE_URL``."""
        return cls(ClientConfig.from_env(api_key=api_key, base_url=base_url))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.config.base_url!r})"

    def wall_time(self) -> float:
        return self._wall_clock()

    def server_offset(self) -> float | None:
        """A lower bound of Telnyx's clock minus ours, in seconds, from the ``Date`` of its
        successful answers (None before the first one that had a ``Date``).

        A ``Date`` is stamped before the answer leaves and truncated to the second, so each
        reading is at most the true offset: the largest seen is the tightest bound. Only 2xx
        answers count: an error may come from an intermediary with a clock of its own."""
        return self._server_offset

    def _note_server_clock(self, response: httpx.Response) -> None:
        stamp = response.headers.get("date")
        if not stamp:
            return
        try:
            when = parsedate_to_datetime(stamp)
        except (TypeError, ValueError):
            return
        if when.tzinfo is None:  # "-0000": UTC, by RFC 5322
            when = when.replace(tzinfo=timezone.utc)
        offset = when.timestamp() - self._wall_clock()
        if self._server_offset is None or offset > self._server_offset:
            self._server_offset = offset

    def hide(self, *values: str | None) -> None:
        """Never show these values (passwords sent) in an error text."""
        self._redact.add(*values)

    def run(self, describe: str, attempt: Callable[[int], T]) -> T:
        """``attempt(n)`` under the retry policy (for requests with their own retry rules)."""
        return self._retry.run(describe, attempt)

    @property
    def remaining(self) -> Callable[[], float | None]:
        return self._retry.remaining

    def within(self, seconds: float) -> AbstractContextManager[None]:
        """A block whose requests (retries and rate-limit waits included) all end within
        ``seconds``, for callers with less time left than the retry budget."""
        return self._retry.within(seconds)

    def full_budget(self) -> AbstractContextManager[None]:
        """A block whose requests get the whole retry budget again (clean-up after a failure)."""
        return self._retry.full_budget()

    def check_abandoned(self, describe: str) -> None:
        """Raise :class:`AbandonedError` if whoever this client works for is gone (for long
        waits outside a request, such as waiting for a registration)."""
        self._retry.check_abandoned(describe)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self: SelfT) -> SelfT:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ---------------------------------------------------------------- requests

    def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """One request, retried by the policy (for requests that may safely be repeated)."""
        return self._retry.run(f"{method} {path}", lambda _n: self.send(method, path, **kwargs))

    def send(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """One HTTP exchange, mapped onto our exceptions. Logs method, path and status only."""
        left = self._retry.remaining()
        if left is not None and left < self.config.timeout:
            # A deadline nearer than the usual timeout (customTimeouts, a registration wait):
            # the exchange itself must end by then, not only the retries around it.
            cap = max(left, MIN_EXCHANGE_SECONDS)
            kwargs["timeout"] = httpx.Timeout(cap, connect=min(self.config.connect_timeout, cap))
        try:
            response = self._http.request(method, path, **kwargs)
        except (httpx.LocalProtocolError, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            # Nothing left this machine, and nothing will change by trying again.
            raise ConfigurationError(
                f"Telnyx API {method} /{path} could not be sent ({type(exc).__name__}): check the "
                "API key and the base URL"
            ) from None
        except httpx.TimeoutException as exc:
            allowed = kwargs["timeout"].read if "timeout" in kwargs else self.config.timeout
            raise APITimeoutError(
                f"Telnyx API {method} /{path} timed out ({type(exc).__name__}) after {allowed:g}s",
                may_have_arrived=not isinstance(exc, _NEVER_SENT),
            ) from None
        except httpx.ConnectError as exc:
            why = self._unreachable(exc)
            if why is None:
                raise APIConnectionError(
                    f"could not reach the Telnyx API at {self._shown_url} for {method} "
                    f"/{path}: {self._redact(str(exc)) or type(exc).__name__}",
                    may_have_arrived=False,
                ) from None
            raise UnreachableError(
                f"cannot reach the Telnyx API at {self._shown_url}: {why}. Nothing was "
                "sent. Check telnyx:baseUrl (or TELNYX_BASE_URL) and that this machine can reach "
                "it (for the local emulator: that it is running, `make up` starts it)"
            ) from None
        except httpx.TransportError as exc:
            raise APIConnectionError(
                f"could not reach the Telnyx API at {self._shown_url} for {method} /{path}: "
                f"{self._redact(str(exc)) or type(exc).__name__}",
                may_have_arrived=not isinstance(exc, _NEVER_SENT),
            ) from None
        self._answered = True
        log.debug("%s /%s -> %d", method, path, response.status_code)
        if response.status_code != 429 and limit_spent(
            response.headers, response.status_code, self.config.rate_reserve
        ):
            # Telnyx said this was the last request of the window this process may take (on
            # any answer, an error included): everyone waits for the reset. A 429 closes the
            # gate in the retry loop.
            wait = retry_after_seconds(
                response.headers,
                self._wall_clock,
                response.status_code,
                self.config.rate_reserve,
            )
            self.gate.close_for(wait if wait is not None else 1.0)
        if response.is_success:
            self._note_server_clock(response)
            try:
                payload = response.json()
            except ValueError:
                raise TelnyxError(
                    f"Telnyx API {method} /{path} answered {response.status_code} with a body that "
                    "is not JSON"
                ) from None
            return payload if isinstance(payload, dict) else {"data": payload}
        raise self._status_error(method, path, response)

    def _unreachable(self, exc: httpx.ConnectError) -> str | None:
        """Why no connection could be made, when waiting will not heal it (None otherwise).

        A certificate that does not verify is a setting to fix, at once. A refused connection
        or a name that does not resolve (not a resolver's temporary failure) is so only where
        nothing has answered in this process yet, and still after :data:`UNREACHABLE_GRACE`
        (an API started beside the program gets that long); once the API has answered, they
        are a restart or a glitch, retried like any transient failure."""
        chain: list[BaseException] = []
        cause: BaseException | None = exc
        while cause is not None and len(chain) < 8:
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        text = " ".join(str(c) for c in chain)
        if any(isinstance(c, ssl.SSLCertVerificationError) for c in chain) or (
            "CERTIFICATE_VERIFY_FAILED" in text
        ):
            return f"its TLS certificate does not verify ({_first_line(self._redact(text) or '')})"
        if self._answered:
            return None
        temporary = any(
            isinstance(c, socket.gaierror) and c.errno == socket.EAI_AGAIN for c in chain
        )
        if any(isinstance(c, socket.gaierror) for c in chain) and not temporary:
            why = "its host name does not resolve"
        elif any(isinstance(c, ConnectionRefusedError) for c in chain) or "refused" in text:
            why = "the connection was refused (nothing listens there)"
        elif any(isinstance(c, ssl.SSLError) for c in chain):
            why = f"the TLS handshake failed ({_first_line(self._redact(text) or '')})"
        else:
            return None
        now = self._clock()
        if self._unreachable_since is None:
            self._unreachable_since = now
        if now - self._unreachable_since < UNREACHABLE_GRACE:
            return None
        return f"{why}, for {now - self._unreachable_since:.0f}s"

    def _status_error(self, method: str, path: str, response: httpx.Response) -> APIStatusError:
        items: tuple[ErrorItem, ...] = ()
        try:
            envelope = ErrorEnvelope.model_validate(response.json())
            items = tuple(
                ErrorItem(
                    code=e.code,
                    title=self._redact(e.title),
                    detail=self._redact(e.detail),
                    pointer=e.source.pointer if e.source else None,
                    parameter=e.source.parameter if e.source else None,
                )
                for e in envelope.errors
            )
        except (ValueError, ValidationError):
            pass
        cls = status_error_class(response.status_code)
        return cls(
            method,
            "/" + path,
            response.status_code,
            items,
            retry_after=retry_after_seconds(
                response.headers, now=self._wall_clock, status=response.status_code
            ),
        )


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "no detail"
