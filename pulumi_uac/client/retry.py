"""When and how long to wait before trying a request again.

Built on tenacity for the loop itself; this module holds only the Telnyx-specific parts: which
failures are transient, the server's own wait hints, and the caps on attempts and total time.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import TypeVar

import tenacity

from .config import ClientConfig
from .errors import APIConnectionError, APIStatusError, TelnyxError

T = TypeVar("T")
log = logging.getLogger("pulumi_uac.client")

RETRYABLE_STATUSES = frozenset({408, 429})


def is_retryable(exc: BaseException) -> bool:
    """Transient failures: 408, 429, any 5xx, and failures to get an answer at all."""
    if isinstance(exc, APIStatusError):
        return exc.status_code in RETRYABLE_STATUSES or exc.status_code >= 500
    return isinstance(exc, APIConnectionError)


# Telnyx's x-ratelimit-reset is documented as "seconds until reset"; a value this large can only
# be an epoch timestamp, which some gateways send instead, so both readings are honoured.
_EPOCH_THRESHOLD = 1_000_000_000


def retry_after_seconds(
    headers: Mapping[str, str], now: Callable[[], float] = time.time, status: int = 429
) -> float | None:
    """The delay the server asked for, from ``retry-after-ms``, ``retry-after`` (seconds or an
    HTTP date) or ``x-ratelimit-reset``, in that order; None when it gave no usable hint.

    Telnyx sends ``x-ratelimit-reset`` on every answer: it is a wait only when the limit is
    spent (a 429, or ``x-ratelimit-remaining: 0``), never for a 5xx with requests left."""
    lowered = {k.lower(): v for k, v in headers.items()}
    raw_ms = lowered.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = lowered.get("retry-after")
    if raw is not None:
        try:
            return max(0.0, float(raw))
        except ValueError:
            try:
                when = parsedate_to_datetime(raw)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                return max(0.0, when.timestamp() - now())
    reset = lowered.get("x-ratelimit-reset")
    spent = status == 429 or lowered.get("x-ratelimit-remaining", "").strip() == "0"
    if reset is not None and spent:
        try:
            value = float(reset)
        except ValueError:
            return None
        if value >= _EPOCH_THRESHOLD:
            value -= now()
        return max(0.0, value)
    return None


class RetryPolicy:
    """Exponential backoff with jitter, server hints first, capped in attempts and total time."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._clock = clock
        self._rng = rng

    def backoff(self, retry_number: int) -> float:
        """Delay before retry ``retry_number`` (1-based) when the server gave no hint:
        ``min(initial * 2^(n-1), max) * (1 - 0.25 * rand)``, as the official SDK does."""
        growth: float = 2.0 ** (retry_number - 1)
        base = min(self.config.initial_backoff * growth, self.config.max_backoff)
        return base * (1.0 - 0.25 * self._rng())

    def delay_for(self, exc: BaseException | None, retry_number: int) -> float:
        """The wait before the next attempt after ``exc``."""
        if isinstance(exc, APIStatusError) and exc.retry_after is not None:
            return exc.retry_after
        return self.backoff(retry_number)

    def run(self, describe: str, attempt: Callable[[int], T]) -> T:
        """Call ``attempt(n)`` (n = 1, 2, ...) until it succeeds, fails for good, or a cap is hit.

        A retry whose wait would end past ``max_retry_time`` (or exceed ``max_retry_after``) is not
        started: the last error is raised at once, its type unchanged, with how many attempts
        were made added to its message so users see why the provider gave up.
        """
        cfg = self.config
        started = self._clock()

        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            return self.delay_for(exc, state.attempt_number)

        def stop(state: tenacity.RetryCallState) -> bool:
            if state.attempt_number >= cfg.max_attempts:
                return True
            upcoming = state.upcoming_sleep
            exc = state.outcome.exception() if state.outcome else None
            if (
                isinstance(exc, APIStatusError)
                and exc.retry_after is not None
                and exc.retry_after > cfg.max_retry_after
            ):
                return True
            return (self._clock() - started) + upcoming > cfg.max_retry_time

        def before_sleep(state: tenacity.RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.info(
                "%s: attempt %d failed (%s); retrying in %.2fs",
                describe,
                state.attempt_number,
                type(exc).__name__,
                state.upcoming_sleep,
            )

        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception(is_retryable),
            wait=wait,
            stop=stop,
            sleep=self._sleep,
            before_sleep=before_sleep,
            reraise=True,
        )
        count = 0

        def one() -> T:
            nonlocal count
            count += 1
            return attempt(count)

        try:
            return retrying(one)
        except TelnyxError as exc:
            if is_retryable(exc) and count > 1:
                exc.args = (
                    f"{exc} (gave up after {count} attempts in {self._clock() - started:.1f}s)",
                )
            raise
