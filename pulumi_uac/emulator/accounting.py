"""Counting requests: the admin API's request log, and the rate window whose state every /v2
answer reports in ``x-ratelimit-*``."""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, deque
from typing import Any


class RequestLog:
    """Every /v2 request seen (the last ``keep``), and counts per method and route."""

    def __init__(self, keep: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._entries: deque[dict[str, Any]] = deque(maxlen=keep)
        self._counts: Counter[str] = Counter()
        self._total = 0
        self._in_flight = 0
        self._max_in_flight = 0

    def begin(self) -> None:
        """A /v2 request arrived (it counts as in flight until its answer is written)."""
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)

    def end(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def record(
        self,
        method: str,
        route: str,
        path: str,
        status: int,
        ignored: list[str] | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        with self._lock:
            self._total += 1
            self._counts[f"{method} {route}"] += 1
            entry: dict[str, Any] = {
                "method": method,
                "route": route,
                "path": path,
                "status": status,
                "at": time.time(),
            }
            if ignored:
                entry["ignored_fields"] = ignored
            if idempotency_key is not None:
                entry["idempotency_key"] = idempotency_key
            self._entries.append(entry)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "total": self._total,
                "counts": dict(self._counts),
                "max_in_flight": self._max_in_flight,
                "requests": list(self._entries),
            }

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._counts.clear()
            self._total = 0
            self._max_in_flight = self._in_flight


class RateWindow:
    """Telnyx's rate limit as its headers describe it: ``limit`` requests per window of
    ``window`` seconds; every /v2 answer says how many are left and when the window resets."""

    def __init__(self, limit: int = 10_000, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._used = 0

    def take(self) -> tuple[bool, dict[str, str]]:
        """Count one request: whether it is within the limit, and the headers to answer with."""
        with self._lock:
            now = time.monotonic()
            if now - self._started >= self.window:
                self._started, self._used = now, 0
            allowed = self._used < self.limit
            if allowed:
                self._used += 1
            reset = max(1, math.ceil(self._started + self.window - now))
            return allowed, {
                "x-ratelimit-limit": str(self.limit),
                "x-ratelimit-remaining": str(self.limit - self._used),
                "x-ratelimit-reset": str(reset),
            }
