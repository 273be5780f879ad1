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

from ..models import Problem, validate_create, validate_update
from .faults import FailRule, Faults
from .store import ConnectionStore

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

    def record(self, method: str, route: str, path: str, status: int) -> None:
        with self._lock:
            self._total += 1
            self._counts[f"{method} {route}"] += 1
            self._entries.append(
                {
                    "method": method,
                    "route": route,
                    "path": path,
                    "status": status,
                    "at": time.time(),
                }
            )

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "total": self._total,
                "counts": dict(self._counts),
                "requests": list(self._entries),
            }

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._counts.clear()
            self._total = 0


class EmulatorApp:
    """The Telnyx UAC connection API, its auth, faults and admin API, over a store."""

    def __init__(
        self, api_key: str, store: ConnectionStore | None = None, faults: Faults | None = None
    ) -> None:
        self.api_key = api_key
        self.store = store if store is not None else ConnectionStore()
        self.faults = faults if faults is not None else Faults()
        self.log = RequestLog()

    # ------------------------------------------------------------ entry point

    def handle(self, req: Request) -> Response:
        if req.path.startswith("/_emulator/") or req.path == "/_emulator":
            if not _is_loopback(req.client_ip):
                return error(403, "10010", "Not authorized", "The admin API answers loopback only.")
            return self._admin(req)
        if not req.path.startswith("/v2/"):
            return not_found()
        route, params, allowed = self._route(req.path)
        resp = self._v2(req, route, params, allowed)
        self.log.record(req.method, route, req.path, 0 if resp.drop else resp.status)
        return resp

    def _route(self, path: str) -> tuple[str, dict[str, str], frozenset[str]]:
        for pattern, template, methods in _ROUTES:
            m = pattern.match(path)
            if m:
                return template, m.groupdict(), methods
        return path, {}, frozenset()

    def _v2(
        self, req: Request, route: str, params: dict[str, str], allowed: frozenset[str]
    ) -> Response:
        auth = req.headers.get("authorization", "")
        if auth != f"Bearer {self.api_key}":
            return error(
                401,
                "10009",
                "Authentication failed",
                "Could not understand the provided credentials.",
            )
        decision = self.faults.decide(req.method, route, req.path)
        if (decision.status is not None or decision.drop) and not decision.after_commit:
            return self._fault_response(decision)
        resp = self._dispatch(req, route, params, allowed)
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
        self, req: Request, route: str, params: dict[str, str], allowed: frozenset[str]
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
            return self._list(req) if req.method == "GET" else self._create(req)
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
        return self._update(req, conn_id)

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

    def _create(self, req: Request) -> Response:
        body, err = self._json_body(req)
        if err:
            return err
        if not isinstance(body, dict):
            return error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
        params, problems = validate_create(body)
        if problems or params is None:
            return unprocessable(problems)
        _record, view = self.store.create(params.to_body())
        return Response(201, {"data": view})

    def _update(self, req: Request, conn_id: str) -> Response:
        body, err = self._json_body(req)
        if err:
            return err
        current = self.store.get(conn_id)
        if current is None:
            return not_found()
        if not isinstance(body, dict):
            return error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
        stored_proxy = (current.get("external_uac_settings") or {}).get("proxy")
        params, problems = validate_update(body, stored_proxy=stored_proxy)
        if problems or params is None:
            return unprocessable(problems)
        view = self.store.update(conn_id, params.to_body())
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
                try:
                    self.faults.configure(**(body or {}))
                except (KeyError, TypeError) as exc:
                    return error(400, "10015", "Bad Request", f"unknown fault setting {exc}")
            return Response(200, self.faults.snapshot())
        if path == "/_emulator/faults/fail-next" and req.method == "POST":
            try:
                self.faults.add_rule(FailRule(**(body or {})))
            except TypeError as exc:
                return error(400, "10015", "Bad Request", str(exc))
            return Response(200, self.faults.snapshot())
        if path == "/_emulator/config":
            if req.method in ("PATCH", "POST", "PUT"):
                reg = store.registration
                changes = body or {}
                if "masking" in changes:
                    store.masking = bool(changes["masking"])
                if "api_key" in changes:
                    # A key rotated at Telnyx: the old one stops working at once.
                    self.api_key = str(changes["api_key"])
                if "registration_delay" in changes:
                    reg.delay = float(changes["registration_delay"])
                if "failing_proxies" in changes:
                    reg.failing_proxies = list(changes["failing_proxies"])
                if "silent_proxies" in changes:
                    reg.silent_proxies = list(changes["silent_proxies"])
            return Response(200, {"masking": store.masking, **store.registration.to_dict()})
        return not_found("No such admin route.")
