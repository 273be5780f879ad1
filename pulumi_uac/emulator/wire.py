"""What travels: a request as the server read it, an answer as it will be written, and Telnyx's
error envelope in its shapes (``{"errors": [{code, title, detail, source, meta}]}``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..models import Problem


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


def json_body(req: Request) -> tuple[Any, Response | None]:
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
