"""Faults on demand: latency, random 5xx, 429s (bursts, random, or a storm of whole seconds),
dropped connections before or after the server acted, and scripted "fail the next N calls to
route R". Random choices come from a seeded generator, so a run with the same seed and the same
request order fails the same way."""

from __future__ import annotations

import math
import random
import threading
import time
import typing
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from fnmatch import fnmatch
from typing import Any


@dataclass
class FailRule:
    """Fail the next ``count`` requests whose ``METHOD /route`` matches ``route`` (a glob such
    as ``POST /v2/uac_connections`` or ``* /v2/uac_connections/*``)."""

    route: str
    status: int = 503
    count: int = 1
    drop: bool = False
    """Close the connection without an answer instead of answering ``status``."""
    after_commit: bool = False
    """Process the request first, then fail: the change is made but the reply is lost."""

    @classmethod
    def from_json(cls, raw: Any) -> FailRule:
        """A rule from the admin API's JSON, every field checked: a rule that could never match
        or fire (an empty route, a count of 0, a status that is not HTTP) is refused with a
        ``ValueError`` naming the field, not stored to silently do nothing."""
        if isinstance(raw, FailRule):
            return raw
        if not isinstance(raw, dict):
            raise ValueError("a fail-next rule must be an object")
        unknown = sorted(set(raw) - {"route", "status", "count", "drop", "after_commit"})
        if unknown:
            raise ValueError(f"unknown fail-next field {unknown[0]!r}")
        route = raw.get("route")
        if not isinstance(route, str) or not route.strip():
            raise ValueError("fail-next route must be a non-empty glob such as 'POST /v2/*'")
        status, count = raw.get("status", 503), raw.get("count", 1)
        if not _is_int(status) or not 100 <= status <= 599:
            raise ValueError("fail-next status must be an HTTP status, an integer 100-599")
        if not _is_int(count) or count < 1:
            raise ValueError("fail-next count must be an integer of at least 1")
        flags = {k: raw.get(k, False) for k in ("drop", "after_commit")}
        for key, flag in flags.items():
            if not isinstance(flag, bool):
                raise ValueError(f"fail-next {key} must be true or false")
        return cls(route=route, status=status, count=count, **flags)

    def matches(self, method: str, route: str, path: str) -> bool:
        return fnmatch(f"{method} {route}", self.route) or fnmatch(f"{method} {path}", self.route)


@dataclass
class Decision:
    """What to do to one request."""

    latency: float = 0.0
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    after_commit: bool = False


@dataclass
class FaultConfig:
    """The whole fault configuration, as the admin API reads and writes it."""

    seed: int = 0
    latency_ms: float = 0.0
    """Added to every /v2 request."""
    latency_jitter_ms: float = 0.0
    """Uniform extra latency in [0, jitter]."""
    error_rate: float = 0.0
    """Probability that a request gets a 503 (before the server acts)."""
    drop_rate: float = 0.0
    """Probability that a request's connection is closed before the server acts."""
    drop_after_rate: float = 0.0
    """Probability that the server acts, then closes the connection without an answer."""
    rate_limit_rate: float = 0.0
    """Probability that a request gets a 429."""
    rate_limit_burst: int = 0
    """The next N requests get 429."""
    storm_seconds: float = 0.0
    """Every request gets a 429 for this many seconds from when it is set."""
    retry_after: float = 1.0
    """Seconds announced by injected 429s (``x-ratelimit-reset``, and ``Retry-After``)."""
    retry_after_share: float = 1.0
    """Share of injected 429s that also carry ``Retry-After``; the rest carry only
    ``x-ratelimit-reset``, which is all Telnyx documents."""
    fail_next: list[FailRule] = field(default_factory=list)
    ignore_fields: list[str] = field(default_factory=list)
    """Dotted paths the server accepts and silently does not store (as if Telnyx ignored or
    reset them): what a read-after-write check must notice."""


_PROBABILITIES = frozenset(
    {"error_rate", "drop_rate", "drop_after_rate", "rate_limit_rate", "retry_after_share"}
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _coerce(name: str, value: Any) -> Any:
    """A setting's value checked against its type and range: a string for a number, a NaN, a
    negative latency or a probability above 1 is refused (``ValueError``), not stored to poison
    every later request."""
    kind = typing.get_type_hints(FaultConfig)[name]
    if name == "fail_next":
        if not isinstance(value, list):
            raise ValueError("fail_next must be a list of rules")
        return [FailRule.from_json(r) for r in value]
    if name == "ignore_fields":
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError("ignore_fields must be a list of dotted paths")
        return list(value)
    if kind is int and _is_int(value):
        if name != "seed" and value < 0:
            raise ValueError(f"{name} must be 0 or more, not {value}")
        return value
    if kind is float and (_is_int(value) or isinstance(value, float)):
        number = float(value)
        if not math.isfinite(number) or number < 0:
            raise ValueError(f"{name} must be a finite number of 0 or more, not {value}")
        if name in _PROBABILITIES and number > 1:
            raise ValueError(f"{name} is a probability: it must be between 0 and 1, not {value}")
        return number
    raise ValueError(f"{name} must be a {kind.__name__}, not {type(value).__name__}")


HOLD_LIMIT = 120.0
"""A held request is let go after this many seconds whatever happens: nothing hangs for good."""


class Faults:
    """Thread-safe holder of the fault configuration and its seeded generator, and of held
    routes: requests that wait until the admin API lets them go (a test that needs a run to be
    in flight holds it there, instead of hoping a latency outlasts the machine's load)."""

    def __init__(
        self, config: FaultConfig | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._held = threading.Condition()
        self._holding: list[str] = []
        self._waiting = 0
        self._lock = threading.Lock()
        self._clock = clock
        self.config = config or FaultConfig()
        self._rng = random.Random(self.config.seed)
        self._storm_until = self._clock() + self.config.storm_seconds

    def configure(self, **changes: Any) -> FaultConfig:
        """Change some settings; unknown names raise KeyError, ill-typed or out-of-range values
        ValueError (and nothing changes). Re-seeds when ``seed`` is given; starts a storm when
        ``storm_seconds`` is."""
        with self._lock:
            checked = {}
            for key, value in changes.items():
                if not hasattr(self.config, key):
                    raise KeyError(key)
                checked[key] = _coerce(key, value)
            for key, value in checked.items():
                setattr(self.config, key, value)
            if "seed" in checked:
                self._rng = random.Random(self.config.seed)
            if "storm_seconds" in checked:
                self._storm_until = self._clock() + self.config.storm_seconds
            return self.config

    def add_rule(self, rule: FailRule) -> None:
        with self._lock:
            self.config.fail_next.append(rule)

    def hold(self, route: str) -> None:
        """Requests whose ``METHOD /route`` matches the glob ``route`` wait, from now on,
        until :meth:`release` (or :data:`HOLD_LIMIT`)."""
        if not route.strip():
            raise ValueError("hold route must be a non-empty glob such as 'POST /v2/*'")
        with self._held:
            self._holding.append(route)

    def release(self) -> None:
        """Let every held request go, and hold nothing more."""
        with self._held:
            self._holding.clear()
            self._held.notify_all()

    def holding(self) -> dict[str, Any]:
        with self._held:
            return {"routes": list(self._holding), "waiting": self._waiting}

    def wait_if_held(self, method: str, route: str, path: str) -> None:
        """Block while a held route matches this request (at most :data:`HOLD_LIMIT`)."""

        def held() -> bool:
            return any(FailRule(route=r).matches(method, route, path) for r in self._holding)

        end = self._clock() + HOLD_LIMIT
        with self._held:
            if not held():
                return
            self._waiting += 1
            try:
                while held() and (left := end - self._clock()) > 0:
                    self._held.wait(left)
            finally:
                self._waiting -= 1

    def clear(self) -> None:
        self.release()
        with self._lock:
            self.config = FaultConfig(seed=self.config.seed)
            self._rng = random.Random(self.config.seed)
            self._storm_until = 0.0

    def ignored(self) -> list[str]:
        with self._lock:
            return list(self.config.ignore_fields)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return asdict(self.config)

    def _rate_limited(self, d: Decision, reset: float) -> Decision:
        d.status = 429
        wait = f"{max(reset, 0.0):g}"
        d.headers = {"x-ratelimit-reset": wait, "x-ratelimit-remaining": "0"}
        if self._rng.random() < self.config.retry_after_share:
            d.headers["Retry-After"] = wait
        return d

    def decide(self, method: str, route: str, path: str) -> Decision:
        with self._lock:
            cfg = self.config
            d = Decision(latency=cfg.latency_ms / 1000.0)
            if cfg.latency_jitter_ms:
                d.latency += self._rng.uniform(0, cfg.latency_jitter_ms) / 1000.0
            for rule in cfg.fail_next:
                if rule.count > 0 and rule.matches(method, route, path):
                    rule.count -= 1
                    d.status, d.drop, d.after_commit = rule.status, rule.drop, rule.after_commit
                    cfg.fail_next = [r for r in cfg.fail_next if r.count > 0]
                    if rule.status == 429 and not rule.drop:
                        return self._rate_limited(d, cfg.retry_after)
                    return d
            left = self._storm_until - self._clock()
            if left > 0:
                return self._rate_limited(d, left)
            if cfg.rate_limit_burst > 0:
                cfg.rate_limit_burst -= 1
                return self._rate_limited(d, cfg.retry_after)
            # Every draw happens on every request, so one rate never shifts another's sequence.
            drop, drop_after, error, limited = (self._rng.random() for _ in range(4))
            if drop < cfg.drop_rate:
                d.drop = True
            elif limited < cfg.rate_limit_rate:
                return self._rate_limited(d, cfg.retry_after)
            elif error < cfg.error_rate:
                d.status = 503
            elif drop_after < cfg.drop_after_rate:
                d.drop = d.after_commit = True
            return d
