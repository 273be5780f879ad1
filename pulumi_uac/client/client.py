"""A synchronous client for ``/v2/uac_connections`` that never loses, duplicates or leaks."""

from __future__ import annotations

import builtins
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from ..models import (
    ErrorEnvelope,
    RegistrationStatusResult,
    UacConnection,
    UacConnectionCreateParams,
    UacConnectionList,
    UacConnectionUpdateParams,
)
from ..models.enums import SortField
from .config import ClientConfig
from .errors import (
    AbandonedError,
    AmbiguousCreateError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    ErrorItem,
    TelnyxError,
    UnconfirmedCreateError,
    status_error_class,
)
from .redact import Redactor
from .retry import RetryPolicy, limit_spent, may_have_landed, retry_after_seconds

T = TypeVar("T")
log = logging.getLogger("pulumi_uac.client")

PAGE_SIZE = 250
# A create whose reply was lost is adopted only if Telnyx stamped it no earlier than this many
# seconds before our first attempt: it absorbs clock skew between us and Telnyx.
CREATE_ADOPTION_SKEW = 60.0
USER_AGENT = "pulumi-uac/0.1.0"
MIN_EXCHANGE_SECONDS = 1.0
"""The shortest time one exchange is given, however little is left of its deadline."""
# Failures before a connection was open: the request never left this machine.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class UacClient:
    """Talks to the Telnyx UAC connection API.

    One instance owns one ``httpx.Client`` and so one connection pool; build it once and reuse it.

    Retries: 408, 429, 5xx and connection failures are retried with exponential backoff and
    jitter, honouring ``retry-after-ms``, ``Retry-After`` and ``x-ratelimit-reset``, until the
    request's time budget (``ClientConfig.retry_timeout``) runs out. A spent rate limit closes
    the client's :class:`~.retry.RateGate`, which every call of the client waits on; the
    optional ``abandoned`` check stops any waiting call whose caller is gone.

    No-duplicate create rule: a POST is never re-sent blind. Whatever the failure (a refused
    connection and a 429 included: an intermediary may answer 429 after Telnyx acted), every
    re-send is preceded by a look for the connection the earlier attempts may have made: by its
    ``mark`` (a tag no other connection carries) when the caller gives one, which is exact;
    otherwise by exact name, created since just before the first attempt and carrying every
    requested tag. One match is returned instead of creating another; several raise
    :class:`AmbiguousCreateError`; none means the POST is sent again. When the retries run out
    after a failure that may have landed (a lost answer, a 5xx), one last look is made; if it
    finds nothing either, :class:`UnconfirmedCreateError` says so rather than a plain failure, so
    the caller can tell its user the connection may exist.
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
        self._redact = Redactor([config.api_key])
        self._retry = RetryPolicy(config, sleep=sleep, clock=clock, abandoned=abandoned)
        self.gate = self._retry.gate
        self._wall_clock = wall_clock
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
    def from_env(cls, api_key: str | None = None, base_url: str | None = None) -> UacClient:
        """A client configured from arguments, else ``TELNYX_API_KEY`` / ``TELNYX_BASE_URL``."""
        return cls(ClientConfig.from_env(api_key=api_key, base_url=base_url))

    def __repr__(self) -> str:
        return f"UacClient(base_url={self.config.base_url!r})"

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

    def __enter__(self) -> UacClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ---------------------------------------------------------------- endpoints

    def create(
        self, params: UacConnectionCreateParams, *, mark: str | None = None
    ) -> UacConnection:
        """``POST /uac_connections``, following the no-duplicate rule above. ``mark`` is a tag
        among ``params.tags`` that no other connection carries: with it, a connection created by
        an earlier attempt is recognised exactly, whenever it was created."""
        body = self._body(params)
        first_attempt_at = self._wall_clock()
        since = first_attempt_at - CREATE_ADOPTION_SKEW
        landed = False

        def attempt(n: int) -> UacConnection:
            nonlocal landed
            if n > 1:
                # Look before every re-send: an earlier attempt may have been carried out.
                adopted = self._find_created(params, since=since, mark=mark)
                if adopted is not None:
                    log.info(
                        "POST uac_connections: adopted %s created by an earlier attempt", adopted.id
                    )
                    return adopted
            try:
                data = self._send("POST", "uac_connections", json=body)
            except TelnyxError as exc:
                landed = landed or may_have_landed(exc)
                raise
            return UacConnection.model_validate(data["data"])

        try:
            return self._retry.run("POST uac_connections", attempt)
        except (AmbiguousCreateError, AbandonedError):
            raise
        except TelnyxError as exc:
            if not landed:
                raise
            failure = exc
        # The last attempt may have landed after the last look: look once more, one try per
        # request (the budget is spent; finding it now is what spares the user a duplicate).
        try:
            with self._retry.full_budget(), self._retry.within(0):
                adopted = self._find_created(params, since=since, mark=mark, thorough=True)
        except (AmbiguousCreateError, AbandonedError):
            raise
        except TelnyxError:
            adopted = None
        if adopted is not None:
            log.info("POST uac_connections: adopted %s after the retries ran out", adopted.id)
            return adopted
        tagged = f" tagged {mark}" if mark else ""
        raise UnconfirmedCreateError(
            f"{failure}. Telnyx may still have created {params.connection_name!r}{tagged}: "
            "no look has found it yet",
            connection_name=params.connection_name,
            mark=mark,
        ) from None

    def get(self, connection_id: str) -> UacConnection:
        """``GET /uac_connections/{id}``."""
        data = self._call("GET", f"uac_connections/{_quote(connection_id)}")
        return UacConnection.model_validate(data["data"])

    def update(self, connection_id: str, params: UacConnectionUpdateParams) -> UacConnection:
        """``PATCH /uac_connections/{id}`` with the fields set on ``params`` (nested ones merge)."""
        data = self._call(
            "PATCH", f"uac_connections/{_quote(connection_id)}", json=self._body(params)
        )
        return UacConnection.model_validate(data["data"])

    def delete(self, connection_id: str) -> UacConnection:
        """``DELETE /uac_connections/{id}``; returns the deleted connection."""
        data = self._call("DELETE", f"uac_connections/{_quote(connection_id)}")
        return UacConnection.model_validate(data.get("data") or {})

    def check_registration_status(self, connection_id: str) -> RegistrationStatusResult:
        """``POST /uac_connections/{id}/actions/check_registration_status``. It changes nothing,
        so unlike create it is retried like a read."""
        data = self._call(
            "POST", f"uac_connections/{_quote(connection_id)}/actions/check_registration_status"
        )
        return RegistrationStatusResult.model_validate(data["data"])

    def list(
        self,
        *,
        name_contains: str | None = None,
        fqdn: str | None = None,
        outbound_voice_profile_id: str | None = None,
        sort: SortField | None = None,
        page_size: int = PAGE_SIZE,
    ) -> Iterator[UacConnection]:
        """Every connection matching the filters, following ``meta`` across all pages."""
        params: dict[str, str | int] = {"page[size]": page_size}
        if name_contains is not None:
            params["filter[connection_name][contains]"] = name_contains
        if fqdn is not None:
            params["filter[fqdn]"] = fqdn
        if outbound_voice_profile_id is not None:
            params["filter[outbound_voice_profile_id]"] = outbound_voice_profile_id
        if sort is not None:
            params["sort"] = sort
        page = 1
        while True:
            data = self._call("GET", "uac_connections", params={**params, "page[number]": page})
            listing = UacConnectionList.model_validate(data)
            yield from listing.data
            meta = listing.meta
            if meta is None or meta.page_number >= meta.total_pages or not listing.data:
                return
            page = meta.page_number + 1

    def find_by_name(self, name: str) -> builtins.list[UacConnection]:
        """Connections whose name equals ``name`` exactly (the API filter is a substring match
        of at least 3 characters, so shorter names are matched by scanning)."""
        contains = name if len(name) >= 3 else None
        return [c for c in self.list(name_contains=contains) if c.connection_name == name]

    # ---------------------------------------------------------------- internals

    def _find_created(
        self,
        params: UacConnectionCreateParams,
        since: float,
        mark: str | None = None,
        *,
        thorough: bool = False,
    ) -> UacConnection | None:
        wanted_tags = set(params.tags or ())
        found = self.find_by_name(params.connection_name)
        if mark is not None:
            matches = [c for c in found if mark in (c.tags or ())]
            if thorough and not matches:
                # The mark is exact wherever the name filter falls short (an index that lags,
                # a filter that normalises names): one scan of every page settles it.
                matches = [c for c in self.list() if mark in (c.tags or ())]
        else:
            matches = [
                c for c in found if _created_at(c) >= since and wanted_tags <= set(c.tags or ())
            ]
        if len(matches) > 1:
            raise AmbiguousCreateError(
                f"creating UAC connection {params.connection_name!r} may have reached Telnyx, and "
                f"{len(matches)} connections with that name were created since: "
                f"{', '.join(str(c.id) for c in matches)}. Nothing was re-sent; delete the extra "
                "ones or adopt one by id."
            )
        return matches[0] if matches else None

    def _body(
        self, params: UacConnectionCreateParams | UacConnectionUpdateParams
    ) -> dict[str, Any]:
        body = params.to_body()
        self._redact.add(
            body.get("password"), (body.get("external_uac_settings") or {}).get("password")
        )
        return body

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return self._retry.run(f"{method} {path}", lambda _n: self._send(method, path, **kwargs))

    def _send(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
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
        except httpx.TransportError as exc:
            raise APIConnectionError(
                f"could not reach the Telnyx API at {self.config.base_url} for {method} /{path}: "
                f"{self._redact(str(exc)) or type(exc).__name__}",
                may_have_arrived=not isinstance(exc, _NEVER_SENT),
            ) from None
        log.debug("%s /%s -> %d", method, path, response.status_code)
        if response.status_code != 429 and limit_spent(response.headers, response.status_code):
            # Telnyx said this was the last request of the window (on any answer, an error
            # included): everyone waits for the reset. A 429 closes the gate in the retry loop.
            wait = retry_after_seconds(response.headers, self._wall_clock, response.status_code)
            self.gate.close_for(wait if wait is not None else 1.0)
        if response.is_success:
            try:
                payload = response.json()
            except ValueError:
                raise TelnyxError(
                    f"Telnyx API {method} /{path} answered {response.status_code} with a body that "
                    "is not JSON"
                ) from None
            return payload if isinstance(payload, dict) else {"data": payload}
        raise self._status_error(method, path, response)

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


def _created_at(conn: UacConnection) -> float:
    if not conn.created_at:
        return 0.0
    try:
        return datetime.fromisoformat(conn.created_at.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def _quote(connection_id: str) -> str:
    """An id as one path segment (ids are opaque strings; '/' or '?' must not change the URL)."""
    return quote(connection_id, safe="")
