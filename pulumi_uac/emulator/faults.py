"""Faults on demand: latency, random 5xx, 429 bursts, dropped connections, and scripted
"fail the next N calls to route R". Random choices come from a seeded generator, so a run with
the same seed and the same request order fails the same way."""

from __future__ import annotations

import random
import threading
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
    """Probability that a request gets a 503."""
    drop_rate: float = 0.0
    """Probability that a request's connection is closed without an answer."""
    rate_limit_burst: int = 0
    """The next N requests get 429."""
    retry_after: float = 1.0
    """Seconds announced by 429 answers (Retry-After and x-ratelimit-reset)."""
    rate_limit_limit: int = 100
    """Announced in x-ratelimit-limit."""
    fail_next: list[FailRule] = field(default_factory=list)


class Faults:
    """Thread-safe holder of the fault configuration and its seeded generator."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self._lock = threading.Lock()
        self.config = config or FaultConfig()
        self._rng = random.Random(self.config.seed)

    def configure(self, **changes: Any) -> FaultConfig:
        """Change some settings (unknown names raise KeyError); re-seeds when ``seed`` is given."""
        with self._lock:
            for key, value in changes.items():
                if key == "fail_next":
                    value = [FailRule(**r) if isinstance(r, dict) else r for r in value]
                if not hasattr(self.config, key):
                    raise KeyError(key)
                setattr(self.config, key, value)
            if "seed" in changes:
                self._rng = random.Random(self.config.seed)
            return self.config

    def add_rule(self, rule: FailRule) -> None:
        with self._lock:
            self.config.fail_next.append(rule)

    def clear(self) -> None:
        with self._lock:
            self.config = FaultConfig(seed=self.config.seed)
            self._rng = random.Random(self.config.seed)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return asdict(self.config)

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
                    return d
            if cfg.rate_limit_burst > 0:
                cfg.rate_limit_burst -= 1
                d.status = 429
                wait = f"{cfg.retry_after:g}"
                d.headers = {
                    "Retry-After": wait,
                    "x-ratelimit-limit": str(cfg.rate_limit_limit),
                    "x-ratelimit-remaining": "0",
                    "x-ratelimit-reset": wait,
                }
                return d
            # Both draws happen on every request so one rate does not shift the other's sequence.
            drop_draw, error_draw = self._rng.random(), self._rng.random()
            if drop_draw < cfg.drop_rate:
                d.drop = True
            elif error_draw < cfg.error_rate:
                d.status = 503
            return d
