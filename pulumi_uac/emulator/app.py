"""The emulator's request handling, independent of any socket: ``EmulatorApp.handle`` takes a
:class:`Request` and returns a :class:`Response`. ``server`` puts it on a real HTTP socket."""

from __future__ import annotations

import ipaddress
import json
import math
import re
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from ..models import Problem, unknown_fields, validate_create, validate_update, without_paths
from .faults import FailRule, Faults
from .store import NESTED, NESTED_PATCH_MODES, ConnectionStore

JSON = "application/json"
MAX_PAGE_SIZE = 250
SORTS = {"created_at", "connection_name", "active"}


@dataclass
class Request:
    method: str
    path: str
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    """Header names in lower case."""
    body: bytes = b""
    client_ip: str = "127.0.0.1"


@dataclass
class Response:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    """Close the connection without answering."""
    latency: float = 0.0

    def encoded(self) -> bytes:
        return b"" if self.body is None else json.dumps(self.body).encode()


def error(
    status: int,
    code: str,
    title: str,
    detail: str,
    pointer: str | None = None,
    parameter: str | None = None,
) -> Response:
    item: dict[str, Any] = {
        "code": code,
        "title": title,
        "detail": detail,
        "meta": {"url": f"https://developers.telnyx.com/docs/overview/errors/{code}"},
    }
    if pointer is not None or parameter is not None:
        item["source"] = {k: v for k, v in (("pointer", pointer), ("parameter", parameter)) if v}
    return Response(status, {"errors": [item]})


def not_found(detail: str = "The requested resource or URL could not be found.") -> Response:
    return error(404, "10005", "Resource not found", detail, "/")


def unprocessable(problems: list[Problem]) -> Response:
    items = []
    for p in problems:
        code, title = (
            ("10004", "Missing required parameter") if p.missing else ("10015", "Bad Request")
        )
        items.append(
            {
                "code": code,
                "title": title,
                "detail": f"{p.dotted} {p.message}",
                "source": {"pointer": p.pointer},
                "meta": {"url": f"https://developers.telnyx.com/docs/overview/errors/{code}"},
            }
        )
    return Response(422, {"errors": items})


def bad_query(parameter: str, detail: str) -> Response:
    return error(400, "10015", "Bad Request", detail, parameter=parameter)


_ROUTES: list[tuple[re.Pattern[str], str, frozenset[str]]] = [
    (re.compile(r"^/v2/uac_connections/?$"), "/v2/uac_connections", frozenset({"GET", "POST"})),
    (
        re.compile(r"^/v2/uac_connections/(?P<id>[^/]+)/actions/check_registration_status/?$"),
        "/v2/uac_connections/{id}/actions/check_registration_status",
        frozenset({"POST"}),
    ),
    (
        re.compile(r"^/v2/uac_connections/(?P<id>[^/]+)/?$"),
        "/v2/uac_connections/{id}",
        frozenset({"GET", "PATCH", "DELETE"}),
    ),
]


def _is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip.split("%")[0]).is_loopback
    except ValueError:
        return False


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
        self, method: str, route: str, path: str, status: int, ignored: list[str] | None = None
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


class EmulatorApp:
    """The Telnyx UAC connection API, its auth, faults and admin API, over a store."""

    def __init__(
        self,
        api_key: str,
        store: ConnectionStore | None = None,
        faults: Faults | None = None,
        *,
        strict_fields: bool = False,
        rate: RateWindow | None = None,
    ) -> None:
        self.api_key = api_key
        self.store = store if store is not None else ConnectionStore()
        self.faults = faults if faults is not None else Faults()
        self.log = RequestLog()
        self.strict_fields = strict_fields
        """Refuse unknown request fields (422) instead of ignoring them, as Telnyx most likely
        does. Our own tests run strict, so a typo in the provider still fails them."""
        self.rate = rate if rate is not None else RateWindow()

    # ------------------------------------------------------------ entry point

    def handle(self, req: Request) -> Response:
        if req.path.startswith("/_emulator/") or req.path == "/_emulator":
            if not _is_loopback(req.client_ip):
                return error(403, "10010", "Not authorized", "The admin API answers loopback only.")
            return self._admin(req)
        if not req.path.startswith("/v2/"):
            return not_found()
        route, params, allowed = self._route(req.path)
        ignored: list[str] = []
        resp = self._v2(req, route, params, allowed, ignored)
        self.log.record(req.method, route, req.path, 0 if resp.drop else resp.status, ignored)
        return resp

    def _route(self, path: str) -> tuple[str, dict[str, str], frozenset[str]]:
        for pattern, template, methods in _ROUTES:
            m = pattern.match(path)
            if m:
                return template, m.groupdict(), methods
        return path, {}, frozenset()

    def _v2(
        self,
        req: Request,
        route: str,
        params: dict[str, str],
        allowed: frozenset[str],
        ignored: list[str],
    ) -> Response:
        within, limits = self.rate.take()
        resp = self._v2_answer(req, route, params, allowed, ignored, within, limits)
        for key, value in limits.items():
            # Telnyx documents these on every answer; an injected 429 states its own.
            resp.headers.setdefault(key, value)
        return resp

    def _v2_answer(
        self,
        req: Request,
        route: str,
        params: dict[str, str],
        allowed: frozenset[str],
        ignored: list[str],
        within: bool,
        limits: dict[str, str],
    ) -> Response:
        auth = req.headers.get("authorization", "")
        if auth != f"Bearer {self.api_key}":
            return error(
                401,
                "10009",
                "Authentication failed",
                "Could not understand the provided credentials.",
            )
        if not within:
            resp = error(
                429,
                "10011",
                "Too many requests",
                "You have exceeded the maximum number of allowed requests.",
            )
            resp.headers.update(limits)
            return resp
        decision = self.faults.decide(req.method, route, req.path)
        if (decision.status is not None or decision.drop) and not decision.after_commit:
            return self._fault_response(decision)
        resp = self._dispatch(req, route, params, allowed, ignored)
        resp.latency = decision.latency
        if decision.after_commit:
            return self._fault_response(decision)
        return resp

    @staticmethod
    def _fault_response(decision: Any) -> Response:
        if decision.drop:
            return Response(0, drop=True, latency=decision.latency)
        if decision.status == 429:
            resp = error(
                429,
                "10011",
                "Too many requests",
                "You have exceeded the maximum number of allowed requests.",
            )
        else:
            resp = error(
                decision.status,
                "10007",
                "Unexpected error",
                "An unexpected error occurred (injected by the emulator).",
            )
        resp.headers.update(decision.headers)
        resp.latency = decision.latency
        return resp

    def _dispatch(
        self,
        req: Request,
        route: str,
        params: dict[str, str],
        allowed: frozenset[str],
        ignored: list[str],
    ) -> Response:
        if not allowed:
            return not_found()
        if req.method not in allowed:
            resp = error(
                405, "10015", "Method not allowed", f"{req.method} is not allowed on {route}."
            )
            resp.headers["Allow"] = ", ".join(sorted(allowed))
            return resp
        conn_id = params.get("id")
        if route == "/v2/uac_connections":
            return self._list(req) if req.method == "GET" else self._create(req, ignored)
        assert conn_id is not None
        if route.endswith("check_registration_status"):
            status = self.store.registration_status(conn_id)
            return not_found() if status is None else Response(200, {"data": status})
        if req.method == "GET":
            view = self.store.get(conn_id)
            return not_found() if view is None else Response(200, {"data": view})
        if req.method == "DELETE":
            view = self.store.delete(conn_id)
            return not_found() if view is None else Response(200, {"data": view})
        return self._update(req, conn_id, ignored)

    # ------------------------------------------------------------ UAC endpoints

    @staticmethod
    def _json_body(req: Request) -> tuple[Any, Response | None]:
        try:
            return json.loads(req.body or b"null"), None
        except (ValueError, UnicodeDecodeError):
            return None, error(
                400,
                "10015",
                "Bad Request",
                "The request failed because it was not well-formed.",
                "/",
            )

    def _known_fields(
        self, body: dict[str, Any], ignored: list[str]
    ) -> tuple[Any, Response | None]:
        """The body without fields the contract does not have: refused when strict, else
        ignored (and recorded in the request log)."""
        unknown = unknown_fields(body)
        if not unknown:
            return body, None
        if self.strict_fields:
            return None, unprocessable(
                [
                    Problem(
                        tuple(u.split(".")), "is not a field of this object (check the spelling)"
                    )
                    for u in unknown
                ]
            )
        ignored.extend(unknown)
        return without_paths(body, unknown), None

    def _create(self, req: Request, ignored: list[str]) -> Response:
        body, err = self._json_body(req)
        if err:
            return err
        if not isinstance(body, dict):
            return error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
        body, err = self._known_fields(body, ignored)
        if err:
            return err
        params, problems = validate_create(body)
        if problems or params is None:
            return unprocessable(problems)
        _record, view = self.store.create(without_paths(params.to_body(), self.faults.ignored()))
        return Response(201, {"data": view})

    def _update(self, req: Request, conn_id: str, ignored: list[str]) -> Response:
        body, err = self._json_body(req)
        if err:
            return err
        if self.store.get(conn_id) is None:
            return not_found()
        if not isinstance(body, dict):
            return error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
        body, err = self._known_fields(body, ignored)
        if err:
            return err
        # Under "merge", a key a nested object leaves out keeps its stored value, so the
        # cross-field rules look at those; under "replace" it takes its default.
        stored = None
        if self.store.nested_patch == "merge":
            stored = {
                key: value
                for key in NESTED
                if (value := self.store.stored_nested(conn_id, key)) is not None
            }
        params, problems = validate_update(body, stored=stored)
        if problems or params is None:
            return unprocessable(problems)
        view = self.store.update(conn_id, without_paths(params.to_body(), self.faults.ignored()))
        return not_found() if view is None else Response(200, {"data": view})

    def _list(self, req: Request) -> Response:
        query = {k: v[-1] for k, v in parse_qs(req.query, keep_blank_values=True).items()}
        try:
            page = int(query.get("page[number]", "1"))
            size = int(query.get("page[size]", str(MAX_PAGE_SIZE)))
        except ValueError:
            return bad_query("page", "page[number] and page[size] must be integers.")
        if page < 1:
            return bad_query("page[number]", "page[number] must be at least 1.")
        if not 1 <= size <= MAX_PAGE_SIZE:
            return bad_query("page[size]", f"page[size] must be between 1 and {MAX_PAGE_SIZE}.")
        sort = query.get("sort", "-created_at")
        if sort.lstrip("-") not in SORTS:
            return bad_query(
                "sort",
                f"sort must be one of {', '.join(sorted(SORTS))}, optionally prefixed with '-'.",
            )
        items = self.store.all()
        contains = query.get("filter[connection_name][contains]")
        if contains is not None:
            if len(contains) < 3:
                return bad_query(
                    "filter[connection_name][contains]",
                    "filter[connection_name][contains] needs at least 3 characters.",
                )
            items = [
                c for c in items if contains.lower() in str(c.get("connection_name", "")).lower()
            ]
        fqdn = query.get("filter[fqdn]")
        if fqdn is not None:
            items = [c for c in items if c.get("fqdn") == fqdn]
        # The SDK's key, and the spec's original spelling; both are accepted.
        profile = query.get(
            "filter[outbound_voice_profile_id]",
            query.get("filter[outbound.outbound_voice_profile_id]"),
        )
        if profile is not None:
            items = [
                c
                for c in items
                if (c.get("outbound") or {}).get("outbound_voice_profile_id") == profile
            ]
        key = sort.lstrip("-")
        # Ties (same name, same activity) fall back to creation order, then id, so pages are stable.
        items.sort(
            key=lambda c: (
                c.get(key) is None,
                c.get(key) if c.get(key) is not None else "",
                c.get("created_at", ""),
                int(c["id"]) if str(c["id"]).isdigit() else 0,
            ),
            reverse=sort.startswith("-"),
        )
        total = len(items)
        pages = math.ceil(total / size) if total else 0
        data = items[(page - 1) * size : page * size]
        meta = {
            "page_number": page,
            "page_size": size,
            "total_pages": pages,
            "total_results": total,
        }
        return Response(200, {"data": data, "meta": meta})

    # ------------------------------------------------------------ admin API

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
            body, err = self._json_body(req)
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
            return Response(200, {"connections": store.dump(reveal=reveal)})
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
                except TypeError as exc:
                    return error(400, "10015", "Bad Request", str(exc))
            return Response(200, self.faults.snapshot())
        if path == "/_emulator/faults/fail-next" and req.method == "POST":
            try:
                self.faults.add_rule(FailRule(**(body or {})))
            except TypeError as exc:
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
    return None
