"""The REST routes of every resource beside UAC connections, from their specs: create, read,
update, delete and a list (paged and filtered where the API's is), validated by the same models
as the provider (so strict fields, required fields and cross-field rules are the contract's);
answers wrapped in ``data`` or not, as the spec says. Where a resource has them: idempotent
creates, soft delete and restore, and a tag endpoint."""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import parse_qs, unquote

from ..models import Problem, unknown_fields, without_paths
from .behaviour import Behaviour, dotted
from .behaviours import BEHAVIOURS
from .objects import IdempotencyConflictError
from .store import EmulatorStore
from .wire import Request, Response, bad_query, error, json_body, not_found, unprocessable

MAX_PAGE_SIZE = 250


def routes() -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    """(pattern, template, methods) of each behaviour's collection, item and item actions."""
    out = []
    for kind in BEHAVIOURS:
        path = kind.spec.api.path
        item = rf"^/v2/{path}/(?P<id>[^/]+)"
        out.append((re.compile(rf"^/v2/{path}/?$"), f"/v2/{path}", frozenset({"GET", "POST"})))
        if kind.spec.api.tag_endpoint:
            # As the SDK has them: every tag of the account, and one add or remove per object
            # (there is no read of one object's tags: its own answer has them).
            out.append(
                (re.compile(rf"^/v2/{path}/tags/?$"), f"/v2/{path}/tags", frozenset({"GET"}))
            )
            out.append(
                (
                    re.compile(rf"{item}/tags/(?P<tag>[^/]+)/?$"),
                    f"/v2/{path}/{{id}}/tags/{{tag}}",
                    frozenset({"DELETE"}),
                )
            )
            out.append(
                (re.compile(rf"{item}/tags/?$"), f"/v2/{path}/{{id}}/tags", frozenset({"POST"}))
            )
        if kind.soft_delete:
            out.append(
                (
                    re.compile(rf"{item}/restore/?$"),
                    f"/v2/{path}/{{id}}/restore",
                    frozenset({"POST"}),
                )
            )
        out.append(
            (
                re.compile(rf"{item}/?$"),
                f"/v2/{path}/{{id}}",
                frozenset({"GET", kind.spec.api.update_method, "DELETE"}),
            )
        )
    return out


def behaviour_of(route: str) -> Behaviour | None:
    for kind in BEHAVIOURS:
        base = f"/v2/{kind.spec.api.path}"
        if route in (base, f"{base}/tags") or route.startswith(f"{base}/{{id}}"):
            return kind
    return None


def _answer(kind: Behaviour, status: int, view: dict[str, Any]) -> Response:
    return Response(status, {"data": view} if kind.spec.api.enveloped else view)


class Collections:
    """Answers the routes of :func:`routes` over ``store``."""

    def __init__(self, store: EmulatorStore, strict_fields: bool) -> None:
        self.store = store
        self.strict_fields = strict_fields

    def dispatch(
        self,
        kind: Behaviour,
        req: Request,
        params: dict[str, str],
        route: str,
        ignored: list[str],
    ) -> Response:
        object_id = params.get("id")
        if route.endswith("/tags") and object_id is None:
            every = sorted({t for o in self.store.all_objects(kind) for t in o.get("tags") or []})
            return Response(200, {"tags": every})
        if object_id is None:
            return (
                self._list(kind, req) if req.method == "GET" else self._create(kind, req, ignored)
            )
        if route.endswith("/restore"):
            view = self.store.restore_object(kind, object_id)
            return not_found() if view is None else _answer(kind, 200, view)
        if "/tags" in route:
            return self._tags(kind, req, object_id, params.get("tag"))
        if req.method == "GET":
            view = self.store.get_object(kind, object_id)
        elif req.method == "DELETE":
            return self._delete(kind, req, object_id)
        else:
            return self._update(kind, req, object_id, ignored)
        return not_found() if view is None else _answer(kind, 200, view)

    def _delete(self, kind: Behaviour, req: Request, object_id: str) -> Response:
        query = {k: v[-1] for k, v in parse_qs(req.query, keep_blank_values=True).items()}
        hard = not kind.soft_delete
        if kind.soft_delete and "hard_delete" in query:
            if query["hard_delete"] not in ("true", "false"):
                return bad_query("hard_delete", "hard_delete must be true or false.")
            hard = query["hard_delete"] == "true"
        unknown = [k for k in query if not (kind.soft_delete and k == "hard_delete")]
        if unknown:
            return bad_query(unknown[0], f"{unknown[0]} is not a parameter of this delete.")
        users = self.store.users_of(kind, object_id)
        if users and self.store.get_object(kind, object_id) is not None:
            return error(
                422,
                "10015",
                "Resource in use",
                f"The {kind.spec.noun} is used by {', '.join(users)}: remove it from them first.",
            )
        view = self.store.delete_object(kind, object_id, hard=hard)
        if view is None:
            return not_found()
        if kind.delete_answer:
            # The SDK's delete answer (OpenAI's shape), not the object.
            answer = {"id": view["id"], "deleted": True, "object": kind.delete_answer}
            return Response(200, answer)
        return _answer(kind, 200, view)

    def _tags(self, kind: Behaviour, req: Request, object_id: str, tag: str | None) -> Response:
        change = None
        if req.method == "POST":
            body, err = json_body(req)
            if err:
                return err
            if (
                not isinstance(body, dict)
                or set(body) != {"tag"}
                or not isinstance(body["tag"], str)
                or not body["tag"].strip()
            ):
                problem = Problem(("tag",), 'is required: the body is {"tag": "..."}')
                return unprocessable([problem])
            new = body["tag"]

            def change(tags: list[str]) -> list[str]:
                return tags if new in tags else [*tags, new]

        elif req.method == "DELETE":
            gone = unquote(tag or "")

            def change(tags: list[str]) -> list[str]:
                return [t for t in tags if t != gone]

        tags = self.store.object_tags(kind, object_id, change)
        return not_found() if tags is None else Response(200, {"tags": tags})

    def _body(
        self, kind: Behaviour, req: Request, ignored: list[str], *, create: bool
    ) -> tuple[dict[str, Any] | None, dict[str, Any], Response | None]:
        """The body to validate, the uncovered values it carried (by dotted path), or the
        refusal."""
        body, err = json_body(req)
        if err:
            return None, {}, err
        if not isinstance(body, dict):
            bad = error(422, "10015", "Bad Request", "The body must be a JSON object.", "/")
            return None, {}, bad
        unknown = unknown_fields(body, kind.spec.fields.request)
        # What the SDK can set and the models do not cover: stored as given, not validated.
        outside = {u: dotted(body, u) for u in unknown if u in kind.spec.uncovered}
        unknown = [u for u in unknown if u not in outside]
        body = without_paths(body, list(outside))
        if create:
            # What the create request cannot carry (a Call Control application's tags).
            unknown += [k for k in kind.spec.api.create_excludes if k in body]
        if not unknown:
            return body, outside, None
        if self.strict_fields:
            problems = [
                Problem(tuple(u.split(".")), "is not a field of this object (check the spelling)")
                for u in unknown
            ]
            return None, {}, unprocessable(problems)
        ignored.extend(unknown)
        return without_paths(body, unknown), outside, None

    @staticmethod
    def _with_outside(body: dict[str, Any], outside: dict[str, Any]) -> dict[str, Any]:
        """``body`` with the uncovered values of the request put back (see ``_body``)."""
        for path, value in outside.items():
            *parents, leaf = path.split(".")
            node = body
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        return body

    def _create(self, kind: Behaviour, req: Request, ignored: list[str]) -> Response:
        body, outside, err = self._body(kind, req, ignored, create=True)
        if err or body is None:
            return err or not_found()
        params, problems = kind.spec.validate_create(body)
        if problems or params is None:
            return unprocessable(problems)
        header = kind.spec.api.idempotency_header
        key = req.headers.get(header.lower()) if header else None
        try:
            view = self.store.create_object(
                kind, self._with_outside(params.to_body(), outside), key=key
            )
        except IdempotencyConflictError:
            return error(
                422,
                "10015",
                "Idempotency key reused",
                f"The {header} was used before with another request body.",
            )
        return _answer(kind, 201, view)

    def _update(
        self, kind: Behaviour, req: Request, object_id: str, ignored: list[str]
    ) -> Response:
        if self.store.get_object(kind, object_id) is None:
            return not_found()
        body, outside, err = self._body(kind, req, ignored, create=False)
        if err or body is None:
            return err or not_found()
        params, problems = kind.spec.validate_update(body)
        if problems or params is None:
            return unprocessable(problems)
        body = self._with_outside(params.to_body(), outside)
        view = self.store.update_object(kind, object_id, body, self.store.nested_patch)
        return not_found() if view is None else _answer(kind, 200, view)

    def _list(self, kind: Behaviour, req: Request) -> Response:
        query = {k: v[-1] for k, v in parse_qs(req.query, keep_blank_values=True).items()}
        if not kind.spec.api.paginated:
            # The SDK's list takes no parameter at all: a caller relying on a filter or a page
            # the API ignores would get everything, so any is refused.
            if query:
                first = sorted(query)[0]
                return bad_query(first, f"this list takes no parameters ({first} given).")
            return Response(200, {"data": self.store.all_objects(kind)})
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
            items = [o for o in items if str(dotted(o, path)) == value]
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
            key=lambda o: (str(o.get(key)), o.get("created_at", ""), str(o["id"]).zfill(24)),
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
