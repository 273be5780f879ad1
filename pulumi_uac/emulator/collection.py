"""The REST routes of every resource beside UAC connections, from their specs: create, read,
update, delete and a paged, filtered list, validated by the same models as the provider (so
strict fields, required fields and cross-field rules are the contract's)."""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import parse_qs

from ..models import Problem, unknown_fields, without_paths
from .resources import BEHAVIOURS, Behaviour
from .store import ConnectionStore
from .wire import Request, Response, bad_query, error, json_body, not_found, unprocessable

MAX_PAGE_SIZE = 250


def routes() -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    """(pattern, template, methods) of each behaviour's collection and item."""
    out = []
    for kind in BEHAVIOURS:
        path = kind.spec.api.path
        out.append((re.compile(rf"^/v2/{path}/?$"), f"/v2/{path}", frozenset({"GET", "POST"})))
        out.append(
            (
                re.compile(rf"^/v2/{path}/(?P<id>[^/]+)/?$"),
                f"/v2/{path}/{{id}}",
                frozenset({"GET", kind.spec.api.update_method, "DELETE"}),
            )
        )
    return out


def behaviour_of(route: str) -> Behaviour | None:
    for kind in BEHAVIOURS:
        if route in (f"/v2/{kind.spec.api.path}", f"/v2/{kind.spec.api.path}/{{id}}"):
            return kind
    return None


class Collections:
    """Answers the routes of :func:`routes` over ``store``."""

    def __init__(self, store: ConnectionStore, strict_fields: bool) -> None:
        self.store = store
        self.strict_fields = strict_fields

    def dispatch(
        self, kind: Behaviour, req: Request, object_id: str | None, ignored: list[str]
    ) -> Response:
        if object_id is None:
            return (
                self._list(kind, req) if req.method == "GET" else self._create(kind, req, ignored)
            )
        if req.method == "GET":
            view = self.store.get_object(kind, object_id)
        elif req.method == "DELETE":
            users = self.store.users_of(kind, object_id)
            if users and self.store.get_object(kind, object_id) is not None:
                return error(
                    422,
                    "10015",
                    "Resource in use",
                    f"The {kind.spec.noun} is used by {', '.join(users)}: remove it from them "
                    "first.",
                )
            view = self.store.delete_object(kind, object_id)
        else:
            return self._update(kind, req, object_id, ignored)
        return not_found() if view is None else Response(200, {"data": view})

    def _body(
        self, kind: Behaviour, req: Request, ignored: list[str], *, create: bool
    ) -> tuple[dict[str, Any] | None, Response | None]:
        body, err = json_body(req)
        if err:
            return None, err
        if not isinstance(body, dict):
            return None, error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
        unknown = unknown_fields(body, kind.spec.fields.request)
        if create:
            # What the create request cannot carry (a Call Control application's tags).
            unknown += [k for k in kind.spec.api.create_excludes if k in body]
        if not unknown:
            return body, None
        if self.strict_fields:
            problems = [
                Problem(tuple(u.split(".")), "is not a field of this object (check the spelling)")
                for u in unknown
            ]
            return None, unprocessable(problems)
        ignored.extend(unknown)
        return without_paths(body, unknown), None

    def _create(self, kind: Behaviour, req: Request, ignored: list[str]) -> Response:
        body, err = self._body(kind, req, ignored, create=True)
        if err or body is None:
            return err or not_found()
        params, problems = kind.spec.validate_create(body)
        if problems or params is None:
            return unprocessable(problems)
        return Response(201, {"data": self.store.create_object(kind, params.to_body())})

    def _update(
        self, kind: Behaviour, req: Request, object_id: str, ignored: list[str]
    ) -> Response:
        if self.store.get_object(kind, object_id) is None:
            return not_found()
        body, err = self._body(kind, req, ignored, create=False)
        if err or body is None:
            return err or not_found()
        params, problems = kind.spec.validate_update(body)
        if problems or params is None:
            return unprocessable(problems)
        view = self.store.update_object(kind, object_id, params.to_body())
        return not_found() if view is None else Response(200, {"data": view})

    def _list(self, kind: Behaviour, req: Request) -> Response:
        query = {k: v[-1] for k, v in parse_qs(req.query, keep_blank_values=True).items()}
        numbers = (query.get("page[number]", "1"), query.get("page[size]", str(MAX_PAGE_SIZE)))
        if not all(re.fullmatch(r"[0-9]{1,9}", n, re.ASCII) for n in numbers):
            return bad_query("page", "page[number] and page[size] must be integers.")
        page, size = (int(n) for n in numbers)
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            return bad_query("page", f"page[number] >= 1 and page[size] in 1..{MAX_PAGE_SIZE}.")
        # The SDK: "If not given, results are sorted by created_at in descending order."
        sort = query.get("sort", "-created_at")
        if sort.lstrip("-") not in kind.sorts:
            return bad_query("sort", f"sort must be one of {', '.join(sorted(kind.sorts))}.")
        items = self.store.all_objects(kind)
        api, name_field = kind.spec.api, kind.spec.name_field
        for key, value in query.items():
            if not key.startswith("filter[") or key == api.name_filter:
                continue
            path = kind.filters.get(key)
            if path is None:
                known = ", ".join(k for k in (api.name_filter, *kind.filters) if k)
                return bad_query(
                    key,
                    f"{key} is not a filter the emulator implements for {kind.spec.noun}s "
                    f"(it implements {known}).",
                )
            items = [o for o in items if str(_dotted(o, path)) == value]
        if api.name_filter is not None and api.name_filter in query:
            contains = query[api.name_filter]
            if len(contains) < api.name_filter_min:
                return bad_query(
                    api.name_filter,
                    f"{api.name_filter} needs at least {api.name_filter_min} characters.",
                )
            items = [o for o in items if contains.lower() in str(o.get(name_field, "")).lower()]
        key = kind.sorts[sort.lstrip("-")]
        items.sort(
            key=lambda o: (str(o.get(key)), o.get("created_at", ""), int(o["id"])),
            reverse=sort.startswith("-"),
        )
        total = len(items)
        data = items[(page - 1) * size : page * size]
        meta = {
            "page_number": page,
            "page_size": size,
            "total_pages": math.ceil(total / size) if total else 0,
            "total_results": total,
        }
        return Response(200, {"data": data, "meta": meta})


def _dotted(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
