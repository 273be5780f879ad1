"""How the emulator simulates Telnyx's registration to a customer's PBX: which proxies accept,
refuse, stay silent or expire, and what a registration reports about the PBX."""

from __future__ import annotations

import hashlib
import ipaddress
from fnmatch import fnmatch
from typing import Any


class RegistrationSettings:
    """How registration to a customer's PBX is simulated."""

    def __init__(
        self,
        delay: float = 0.5,
        failing_proxies: list[str] | None = None,
        silent_proxies: list[str] | None = None,
        expiring_proxies: list[str] | None = None,
    ) -> None:
        self.delay = delay
        """Seconds from a complete, active configuration to the outcome (Registered, ...)."""
        self.failing_proxies = list(failing_proxies or [])
        """Glob patterns of proxies whose PBX rejects Telnyx: they end ``Failed``."""
        self.silent_proxies = list(silent_proxies or [])
        """Glob patterns of proxies that never answer: they stay ``Not Registered``."""
        self.expiring_proxies = list(expiring_proxies or [])
        """Glob patterns of PBXs that accept Telnyx, then stop answering: ``Registered``, then
        ``Expired`` one more delay later."""

    def outcome(self, proxy: str) -> str:
        if _matches(proxy, self.failing_proxies):
            return "Failed"
        if _matches(proxy, self.silent_proxies):
            return "Not Registered"
        return "Registered"

    def expires(self, proxy: str) -> bool:
        return _matches(proxy, self.expiring_proxies)

    def to_dict(self) -> dict[str, Any]:
        return {
            "registration_delay": self.delay,
            "failing_proxies": self.failing_proxies,
            "silent_proxies": self.silent_proxies,
            "expiring_proxies": self.expiring_proxies,
        }


def _matches(proxy: str, patterns: list[str]) -> bool:
    """A glob matches the whole proxy (``sip:pbx.example.com:5060``) or its host alone
    (``*.reject.example``, as the emulator's help and the README write them)."""
    host = proxy_host(proxy)[0]
    return any(fnmatch(proxy, p) or fnmatch(host, p) for p in patterns)


def proxy_host(proxy: str) -> tuple[str, int | None]:
    rest = proxy
    for scheme in ("sips:", "sip:"):
        if rest.lower().startswith(scheme):
            rest = rest[len(scheme) :]
            break
    rest = rest.split(";")[0].rpartition("@")[2]
    if rest.startswith("["):
        host, _, tail = rest[1:].partition("]")
        port = tail[1:] if tail.startswith(":") else ""
    else:
        host, _, port = rest.partition(":")
    return host, int(port) if port.isdigit() else None


def address_of(host: str) -> str | None:
    """The IP Telnyx registered to: the proxy's own when it is an IP; for a host name, a stable
    address from the documentation range 203.0.113.0/24 (the emulator resolves no names)."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not host:
        return None
    return f"203.0.113.{int(hashlib.sha256(host.encode()).hexdigest(), 16) % 254 + 1}"
