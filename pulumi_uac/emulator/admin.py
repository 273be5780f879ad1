"""The emulator's admin API (``/_emulator/...``, loopback only): health, reset, state, the request
log, faults and run-time configuration. Ill-typed values are refused with a 400 and change
nothing."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qs

from .accounting import RateWindow, RequestLog
from .connection_shape import NESTED_PATCH_MODES
from .faults import FailRule, Faults
from .store import EmulatorStore
from .wire import Request, Response, error, json_body, not_found


class AdminRoutes:
    """Mixed into :class:`~pulumi_uac.emulator.app.EmulatorApp`: the admin half of it."""

    api_key: str
    store: EmulatorStore
    faults: Faults
    log: RequestLog
    rate: RateWindow
    strict_fields: bool

    def _config(self) -> dict[str, Any]:
        store = self.store
        return {
            "masking": store.masking,
            "strict_fields": self.strict_fields,
            "nested_patch": store.nested_patch,
            "rate_limit": self.rate.limit,
            "rate_window": self.rate.window,
            **store.registration.to_dict(),
        }

    def _configure(self, changes: Any) -> str | None:
        problem = _config_problem(changes)
        if problem:
            return problem
        store, reg = self.store, self.store.registration
        for key, value in changes.items():
            if key == "masking":
                store.masking = value
            elif key == "api_key":
                self.api_key = value  # a key rotated at Telnyx: the old one stops working
            elif key == "strict_fields":
                self.strict_fields = value
            elif key == "nested_patch":
                store.nested_patch = value
            elif key == "registration_delay":
                reg.delay = float(value)
            elif key == "rate_limit":
                self.rate.limit = value
            elif key == "rate_window":
                self.rate.window = float(value)
            else:
                setattr(reg, key, list(value))
        return None

    def _admin(self, req: Request) -> Response:
        path = req.path.rstrip("/")
        query = {k: v[-1] for k, v in parse_qs(req.query).items()}
        body: Any = None
        if req.method in ("POST", "PUT", "PATCH"):
            body, err = json_body(req)
            if err:
                return err
        store = self.store
        if path == "/_emulator/health":
            return Response(200, {"status": "ok", "connections": len(store)})
        if path == "/_emulator/reset" and req.method == "POST":
            store.reset()
            self.log.clear()
            self.faults.clear()
            return Response(200, {"status": "reset"})
        if path == "/_emulator/state" and req.method == "GET":
            reveal = query.get("reveal") in ("1", "true")
            return Response(
                200, {"connections": store.dump(reveal=reveal), "objects": store.dump_objects()}
            )
        if path == "/_emulator/requests":
            if req.method == "DELETE":
                self.log.clear()
                return Response(200, {"status": "cleared"})
            return Response(200, self.log.snapshot())
        if path == "/_emulator/faults":
            if req.method == "DELETE":
                self.faults.clear()
            elif req.method in ("PUT", "PATCH", "POST"):
                if not isinstance(body or {}, dict):
                    return error(400, "10015", "Bad Request", "fault settings must be an object")
                try:
                    self.faults.configure(**(body or {}))
                except KeyError as exc:
                    return error(400, "10015", "Bad Request", f"unknown fault setting {exc}")
                except ValueError as exc:
                    return error(400, "10015", "Bad Request", str(exc))
            return Response(200, self.faults.snapshot())
        if path == "/_emulator/faults/hold":
            if req.method == "DELETE":
                self.faults.release()
            elif req.method == "POST":
                route = (body or {}).get("route") if isinstance(body, dict) else None
                if not isinstance(route, str):
                    return error(400, "10015", "Bad Request", "hold needs a route glob")
                try:
                    self.faults.hold(route)
                except ValueError as exc:
                    return error(400, "10015", "Bad Request", str(exc))
            return Response(200, self.faults.holding())
        if path == "/_emulator/faults/fail-next" and req.method == "POST":
            try:
                self.faults.add_rule(FailRule.from_json(body))
            except ValueError as exc:
                return error(400, "10015", "Bad Request", str(exc))
            return Response(200, self.faults.snapshot())
        if path == "/_emulator/config":
            if req.method in ("PATCH", "POST", "PUT"):
                problem = self._configure(body or {})
                if problem:
                    return error(400, "10015", "Bad Request", problem)
            return Response(200, self._config())
        return not_found("No such admin route.")


_CONFIG_TYPES: dict[str, Any] = {
    "masking": bool,
    "api_key": str,
    "strict_fields": bool,
    "nested_patch": str,
    "registration_delay": (int, float),
    "failing_proxies": list,
    "silent_proxies": list,
    "expiring_proxies": list,
    "rate_limit": int,
    "rate_window": (int, float),
}


def _config_problem(changes: Any) -> str | None:
    """Why a config change is refused (None when it is fine), checked before anything changes."""
    if not isinstance(changes, dict):
        return "config must be an object"
    for key, value in changes.items():
        kind = _CONFIG_TYPES.get(key)
        if kind is None:
            return f"unknown config setting {key!r}"
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            return f"{key} has the wrong type ({type(value).__name__})"
        if key == "nested_patch" and value not in NESTED_PATCH_MODES:
            return f"nested_patch must be one of {', '.join(NESTED_PATCH_MODES)}"
        if key.endswith("_proxies") and not all(isinstance(v, str) for v in value):
            return f"{key} must be a list of glob patterns"
        if kind == (int, float) and not (math.isfinite(value) and value >= 0):
            return f"{key} must be a finite number of seconds, 0 or more (got {value})"
        if key == "rate_window" and value == 0:
            return "rate_window must be more than 0 seconds"
        if key == "rate_limit" and value < 0:
            return "rate_limit must be 0 or more requests per window"
        if key == "api_key" and not value:
            return "api_key must not be empty"
    return None
