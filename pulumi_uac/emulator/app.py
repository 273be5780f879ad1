"""The emulator's request handling, independent of any socket: ``EmulatorApp.handle`` takes a
:class:`Request` and returns a :class:`Response`. ``server`` puts it on a real HTTP socket."""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from ..models import UAC_CONNECTION, Problem, unknown_fields, without_paths
from .accounting import RateWindow, RequestLog
from .admin import AdminRoutes
from .collection import Collections, behaviour_of, routes
from .connection_shape import NESTED
from .faults import Faults
from .store import EmulatorStore
from .wire import Request, Response, bad_query, error, json_body, not_found, unprocessable

MAX_PAGE_SIZE = 250
SORTS = {"created_at", "connection_name", "active"}


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
    *routes(),
]


@dataclass
class _Call:
    """One /v2 request on its way through: the request, its route, and what it ignored."""

    req: Request
    route: str
    params: dict[str, str]
    allowed: frozenset[str]
    ignored: list[str] = field(default_factory=list)


def _is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip.split("%")[0]).is_loopback
    except ValueError:
        return False


class EmulatorApp(AdminRoutes):
    """The Telnyx UAC connection API, its auth, faults and admin API, over a store."""

    def __init__(
        self,
        api_key: str,
        store: EmulatorStore | None = None,
        faults: Faults | None = None,
        *,
        strict_fields: bool = False,
        rate: RateWindow | None = None,
    ) -> None:
        self.api_key = api_key
        self.store = store if store is not None else EmulatorStore()
        self.faults = faults if faults is not None else Faults()
        self.log = RequestLog()
        self.strict_fields = strict_fields
        """Refuse unknown request fields (422) instead of ignoring them, as Telnyx most likely
        does. Our own tests run strict, so a typo in the provider still fails them."""
        self.rate = rate if rate is not None else RateWindow()
        self.collections = Collections(self.store, strict_fields)

    # ------------------------------------------------------------ entry point

    def handle(self, req: Request) -> Response:
        if req.path.startswith("/_emulator/") or req.path == "/_emulator":
            if not _is_loopback(req.client_ip):
                return error(403, "10010", "Not authorized", "The admin API answers loopback only.")
            return self._admin(req)
        if not req.path.startswith("/v2/"):
            return not_found()
        call = _Call(req, *self._route(req.path))
        resp = self._v2(call)
        self.log.record(
            req.method,
            call.route,
            req.path,
            0 if resp.drop else resp.status,
            call.ignored,
            req.headers.get("idempotency-key"),
        )
        return resp

    def _route(self, path: str) -> tuple[str, dict[str, str], frozenset[str]]:
        for pattern, template, methods in _ROUTES:
            m = pattern.match(path)
            if m:
                return template, m.groupdict(), methods
        return path, {}, frozenset()

    def _v2(self, call: _Call) -> Response:
        within, limits = self.rate.take()
        resp = self._v2_answer(call, within, limits)
        for key, value in limits.items():
            # Telnyx documents these on every answer; an injected 429 states its own.
            resp.headers.setdefault(key, value)
        return resp

    def _v2_answer(self, call: _Call, within: bool, limits: dict[str, str]) -> Response:
        req, route = call.req, call.route
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
        self.faults.wait_if_held(req.method, route, req.path)
        decision = self.faults.decide(req.method, route, req.path)
        if (decision.status is not None or decision.drop) and not decision.after_commit:
            return self._fault_response(decision)
        resp = self._dispatch(call)
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

    def _dispatch(self, call: _Call) -> Response:
        req, route, allowed, ignored = call.req, call.route, call.allowed, call.ignored
        if not allowed:
            return not_found()
        if req.method not in allowed:
            resp = error(
                405, "10015", "Method not allowed", f"{req.method} is not allowed on {route}."
            )
            resp.headers["Allow"] = ", ".join(sorted(allowed))
            return resp
        conn_id = call.params.get("id")
        kind = behaviour_of(route)
        if kind is not None:
            self.collections.strict_fields = self.strict_fields
            return self.collections.dispatch(kind, req, call.params, route, ignored)
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

    def _known_fields(
        self, body: dict[str, Any], ignored: list[str]
    ) -> tuple[Any, Response | None]:
        """The body without fields the contract does not have: refused when strict, else
        ignored (and recorded in the request log)."""
        unknown = unknown_fields(body, UAC_CONNECTION.fields.request)
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
        body, err = json_body(req)
        if err:
            return err
        if not isinstance(body, dict):
            return error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
        body, err = self._known_fields(body, ignored)
        if err:
            return err
        params, problems = UAC_CONNECTION.validate_create(body)
        if problems or params is None:
            return unprocessable(problems)
        _record, view = self.store.create(without_paths(params.to_body(), self.faults.ignored()))
        return Response(201, {"data": view})

    def _update(self, req: Request, conn_id: str, ignored: list[str]) -> Response:
        body, err = json_body(req)
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
        params, problems = UAC_CONNECTION.validate_update(body, stored=stored)
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
