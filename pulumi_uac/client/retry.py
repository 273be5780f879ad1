"""When and how long to wait before trying a request again.

Retries are bounded by *time*, not by a count: transient failures (408, 429, 5xx, connection
errors, timeouts) are retried until the request's budget (``ClientConfig.retry_timeout``) runs
out, with capped exponential backoff and jitter, and the server's own hints honoured. A rate
limit that one call learns about closes the process's :class:`RateGate` for everyone, so the
other calls wait for the announced reset instead of each running into it. And every wait can be
cut short by an *abandonment* check: a provider whose CLI is gone stops instead of waking up
later to send something nobody will record.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from typing import TypeVar

from .config import ClientConfig
from .errors import (
    AbandonedError,
    APIConnectionError,
    APIStatusError,
    TelnyxError,
    UnreachableError,
)

T = TypeVar("T")
log = logging.getLogger("pulumi_uac.client")

RETRYABLE_STATUSES = frozenset({408, 429})
SLEEP_SLICE = 1.0
"""Longest single sleep: every second a waiting call checks whether it was abandoned."""


def is_retryable(exc: BaseException) -> bool:
    """Transient failures: 408, 429, any 5xx, and failures to get an answer at all from a host
    that can answer (not :class:`UnreachableError`)."""
    if isinstance(exc, APIStatusError):
        return exc.status_code in RETRYABLE_STATUSES or exc.status_code >= 500
    return isinstance(exc, APIConnectionError) and not isinstance(exc, UnreachableError)


def may_have_landed(exc: BaseException) -> bool:
    """Whether a failed request may still have been carried out: its answer was lost (anything
    but a connection that never opened), or its failure is one that can come after Telnyx acted
    (408 or 429 from an intermediary, 5xx)."""
    if isinstance(exc, APIConnectionError):
        return exc.may_have_arrived
    return isinstance(exc, APIStatusError) and is_retryable(exc)


# Telnyx's x-ratelimit-reset is documented as "seconds until reset"; a value this large can only
# be an epoch timestamp (in seconds, or in milliseconds past the second threshold), which some
# gateways send instead, so every reading is honoured.
_EPOCH_THRESHOLD = 1_000_000_000
_EPOCH_MS_THRESHOLD = 100_000_000_000


def _usable(seconds: float) -> float | None:
    """A hint worth following: a positive, finite delay. Zero, a negative value, NaN, or a
    moment already past is no hint at all (following it would retry in a tight loop), so the
    caller falls back to its own backoff."""
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def _number(raw: str) -> float | None:
    try:
        return float(raw)
    except ValueError:
        return None


def _reset_seconds(raw: str | None, now: Callable[[], float]) -> float | None:
    value = _number(raw) if raw is not None else None
    if value is None:
        return None
    if value >= _EPOCH_MS_THRESHOLD:
        value = value / 1000.0 - now()
    elif value >= _EPOCH_THRESHOLD:
        value -= now()
    return _usable(value)


def limit_spent(headers: Mapping[str, str], status: int, reserve: int = 0) -> bool:
    """Whether an answer says the rate limit is spent (a 429, or no more than ``reserve``
    requests remaining)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if status == 429:
        return True
    remaining, limit = lowered.get("x-ratelimit-remaining"), lowered.get("x-ratelimit-limit")
    left = _number(remaining) if remaining is not None else None
    whole = _number(limit) if limit is not None else None
    if whole is not None and reserve > whole / 2:
        # A reserve near the whole window would stop every process after each request; half
        # of it still leaves the others room (the rest is what a 429 teaches).
        reserve = int(whole // 2)
    return left is not None and left <= reserve


def retry_after_seconds(
    headers: Mapping[str, str],
    now: Callable[[], float] = time.time,
    status: int = 429,
    reserve: int = 0,
) -> float | None:
    """The delay the server asked for, from ``retry-after-ms``, ``retry-after`` (seconds or an
    HTTP date) or ``x-ratelimit-reset``, in that order; None when it gave no usable hint.

    Telnyx sends ``x-ratelimit-reset`` on every answer: it is a wait only when the limit is
    spent (a 429, or ``x-ratelimit-remaining: 0``), never for a 5xx with requests left."""
    lowered = {k.lower(): v for k, v in headers.items()}
    raw_ms = lowered.get("retry-after-ms")
    value = _number(raw_ms) if raw_ms is not None else None
    if value is not None and (hint := _usable(value / 1000.0)) is not None:
        return hint
    raw = lowered.get("retry-after")
    if raw is not None:
        value = _number(raw)
        if value is None:
            try:
                when = parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                when = None
            if when is not None:
                value = when.timestamp() - now()
        if value is not None and (hint := _usable(value)) is not None:
            return hint
    if limit_spent(headers, status, reserve):
        return _reset_seconds(lowered.get("x-ratelimit-reset"), now)
    return None


class RateGate:
    """One per process and account: closed for everyone once any call learns the rate limit is
    spent, until the announced reset. Calls then resume spread over a short window (a tenth of
    the wait, 50 ms to 2 s) rather than all in the same instant."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._clock = clock
        self._rng = rng
        self._lock = threading.Lock()
        self._open_at = 0.0
        self._spread = 0.0

    def close_for(self, seconds: float) -> None:
        """The limit is spent for ``seconds`` more (a later reset wins)."""
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            if until > self._open_at:
                self._open_at = until
                self._spread = min(max(0.1 * seconds, 0.05), 2.0)

    def delay(self) -> float:
        """How long a caller must wait before sending now: 0 while the gate is open."""
        with self._lock:
            left = self._open_at - self._clock()
            return 0.0 if left <= 0 else left + self._rng() * self._spread

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._clock() < self._open_at


class RetryPolicy:
    """Exponential backoff with jitter, server hints first, within a time budget, through a
    shared rate gate, abandoned on request."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        gate: RateGate | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
        abandoned: Callable[[], str | None] | None = None,
    ) -> None:
        self.config = config
        self.gate = gate or RateGate(clock=clock, rng=rng)
        self._sleep = sleep
        self._clock = clock
        self._rng = rng
        self._abandoned_check = abandoned
        self._scope = threading.local()

    def backoff(self, retry_number: int) -> float:
        """Delay before retry ``retry_number`` (1-based) when the server gave no hint:
        ``min(initial * 2^(n-1), max) * (1 - 0.25 * rand)``, as the official SDK does."""
        growth: float = 2.0 ** (min(retry_number, 32) - 1)
        base = min(self.config.initial_backoff * growth, self.config.max_backoff)
        return base * (1.0 - 0.25 * self._rng())

    def delay_for(self, exc: BaseException | None, retry_number: int) -> float:
        """The wait before the next attempt after ``exc``."""
        if isinstance(exc, APIStatusError) and exc.retry_after is not None:
            return exc.retry_after
        return self.backoff(retry_number)

    def check_abandoned(self, describe: str) -> None:
        """Raise :class:`AbandonedError` when the caller is gone."""
        reason = self._abandoned_check() if self._abandoned_check is not None else None
        if reason:
            raise AbandonedError(f"{describe}: stopped, {reason}")

    def wait(self, seconds: float, describe: str) -> None:
        """Sleep ``seconds``; with an abandonment check, in slices of at most a second, so a
        caller that is gone is noticed within a second."""
        if self._abandoned_check is None:
            self._sleep(seconds)
            return
        end = self._clock() + seconds
        while True:
            self.check_abandoned(describe)
            left = end - self._clock()
            if left <= 0:
                return
            self._sleep(min(left, SLEEP_SLICE))

    def remaining(self) -> float | None:
        """Seconds left to the request being made on this thread (None: no deadline), so
        that one slow exchange cannot outlast it either."""
        deadline: float | None = getattr(self._scope, "deadline", None)
        return None if deadline is None else deadline - self._clock()

    @contextmanager
    def within(self, seconds: float) -> Iterator[None]:
        """Every request made in this block (on this thread), retries and rate-limit waits
        included, ends within ``seconds``: a shorter bound than the retry budget, for callers
        that have less time left (a registration wait, an operation's ``customTimeouts``)."""
        outer: float | None = getattr(self._scope, "deadline", None)
        deadline = self._clock() + max(0.0, seconds)
        self._scope.deadline = deadline if outer is None else min(outer, deadline)
        try:
            yield
        finally:
            self._scope.deadline = outer

    @contextmanager
    def full_budget(self) -> Iterator[None]:
        """Requests in this block get the whole retry budget again, whatever :meth:`within`
        encloses them: for clean-up (deleting a half-made connection, a rollback), which must
        not be cut short because the work it undoes ran out of time."""
        outer: float | None = getattr(self._scope, "deadline", None)
        self._scope.deadline = None
        try:
            yield
        finally:
            self._scope.deadline = outer

    def run(self, describe: str, attempt: Callable[[int], T]) -> T:
        """Call ``attempt(n)`` (n = 1, 2, ...) until it succeeds, fails for good, or the budget
        runs out; the last error is then raised, its type unchanged, its message saying how many
        attempts were made over how long and what to do.

        The budget is the retry timeout, or less inside :meth:`within` or inside another
        ``run`` (a lookup made by an attempt shares the deadline of the request it serves, so
        nested requests never add up to more than one budget)."""
        budget = self.config.retry_timeout
        started = self._clock()
        deadline = started + budget
        outer: float | None = getattr(self._scope, "deadline", None)
        if outer is not None and outer < deadline:
            deadline = outer
            budget = max(0.0, outer - started)
        n = 0
        while True:
            gate_wait = self.gate.delay()
            if gate_wait > 0:
                if self._clock() + gate_wait > deadline:
                    raise TelnyxError(
                        f"{describe}: Telnyx's rate limit stays spent for {gate_wait:.0f}s more, "
                        f"beyond the {budget:g}s left to this request; nothing was sent. Run the "
                        "command again later, or raise telnyx:retryTimeout / TELNYX_RETRY_TIMEOUT"
                    )
                log.info("%s: waiting %.2fs for the rate limit to reset", describe, gate_wait)
                self.wait(gate_wait, describe)
                continue
            self.check_abandoned(describe)
            n += 1
            self._scope.deadline = deadline
            try:
                return attempt(n)
            except TelnyxError as exc:
                if not is_retryable(exc):
                    raise
                delay = self.delay_for(exc, n)
                rate_limited = isinstance(exc, APIStatusError) and exc.status_code == 429
                if rate_limited:
                    # Every call of the process waits for this reset, not only this one (even
                    # when this call gives up: the others then fail fast instead of trying).
                    self.gate.close_for(delay)
                if self._clock() + delay >= deadline:
                    elapsed = self._clock() - started
                    asked = (
                        f"Telnyx asked to wait {delay:.0f}s more"
                        if isinstance(exc, APIStatusError) and exc.retry_after is not None
                        else "Telnyx kept failing"
                    )
                    exc.args = (
                        f"{exc} (gave up after {n} attempt{'s' if n > 1 else ''} over "
                        f"{elapsed:.1f}s, with {budget:g}s for this request: {asked}. Run "
                        "the command again later, or raise telnyx:retryTimeout / "
                        "TELNYX_RETRY_TIMEOUT)",
                    )
                    raise
                log.info(
                    "%s: attempt %d failed (%s); retrying in %.2fs",
                    describe,
                    n,
                    type(exc).__name__,
                    delay,
                )
                if not rate_limited:
                    self.wait(delay, describe)
            finally:
                self._scope.deadline = outer
