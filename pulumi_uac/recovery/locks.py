"""Reading a DIY backend's lock of one stack without writing anything.

Pulumi's DIY backends keep a run's lock as one more object beside the state
(``.pulumi/locks/<org>/<project>/<stack>/<id>.json``, or ``.pulumi/locks/<stack>/`` in the
legacy layout): files on a file backend, rows of the ``pulumi_state`` table on PostgreSQL.
The CLI has no command that reports it; the one that shows it at all, ``pulumi stack import``,
writes when the stack is not locked, and drops the pending operations an interrupted run
recorded (the evidence ``recover`` needs). So the lock is read here where it is kept.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from .errors import RecoveryError

TABLE = "pulumi_state"
"""The table Pulumi's PostgreSQL backend keeps every object of the backend in, unless the
backend URL names another (``?table=``)."""

_TABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)?")

_LIBPQ_PARAMS = frozenset(
    {
        "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "sslrootcert",
        "sslcert", "sslkey", "sslcrl", "sslsni", "connect_timeout", "application_name",
        "fallback_application_name", "options", "krbsrvname", "target_session_attrs",
    }
)  # fmt: skip
"""Query parameters libpq takes as connection settings. Pulumi's driver (lib/pq) sends any
other as a server setting at connect (``?search_path=ops``), which libpq spells ``options``."""

_DRIVER_ONLY = frozenset(
    {"binary_parameters", "disable_prepared_binary_result", "sslinline", "krbspn"}
)
"""Settings of lib/pq itself: neither libpq's nor the server's."""


def lock_keys(project: str, stack: str) -> tuple[str, str]:
    """The two places a lock of ``stack`` lives, below ``.pulumi/locks/``, as glob patterns:
    the project-scoped layout and the legacy one."""
    name = stack.rsplit("/", 1)[-1]
    return f"*/{project}/{name}/*.json", f"{name}/*.json"


def lock_key_pattern(project: str, stack: str) -> re.Pattern[str]:
    """What the key of a lock of ``stack`` ends with, in either layout, exactly."""
    name = re.escape(stack.rsplit("/", 1)[-1])
    return re.compile(rf"/\.pulumi/locks/(?:[^/]+/{re.escape(project)}/{name}|{name})/[^/]+\.json$")


def file_locked(root: Path, project: str, stack: str) -> bool:
    locks = root / ".pulumi" / "locks"
    return any(p.is_file() for pattern in lock_keys(project, stack) for p in locks.glob(pattern))


def postgres_locked(url: str, project: str, stack: str) -> bool:
    """Whether a lock row of the stack exists (one query, read-only)."""
    try:
        import psycopg
    except ImportError:
        raise RecoveryError(
            "refusing to go on: the stack's backend is PostgreSQL, and telling whether a run "
            "holds its lock needs a PostgreSQL client: pip install 'pulumi-uac[postgres]'. "
            "Nothing was changed"
        ) from None
    # The backend's keys start with the database's path; LIKE narrows the rows, and the exact
    # layout is then matched here (``%`` would also match a ``/``: the legacy pattern of a
    # stack named ``organization`` would take every project's locks for its own).
    patterns = [
        "%/.pulumi/locks/" + p.replace("_", r"\_").replace("*", "%")
        for p in lock_keys(project, stack)
    ]
    exact = lock_key_pattern(project, stack)
    conninfo, table = _libpq_url(url)
    try:
        with psycopg.connect(conninfo, connect_timeout=15) as conn:
            rows: Any = conn.execute(
                # The name is checked by _libpq_url and written as Pulumi writes it, unquoted,
                # so that it names the same table (case folded, search_path applied).
                f"SELECT key FROM {table} WHERE key LIKE %s OR key LIKE %s",  # noqa: S608
                patterns,
            ).fetchall()
    except psycopg.Error as exc:
        # libpq names the server, and may quote a part of the URL it could not read.
        text = _without_password(str(exc), url).strip()
        first = text.splitlines()[0] if text else type(exc).__name__
        raise RecoveryError(
            f"refusing to go on: could not read the stack's lock from its PostgreSQL backend "
            f"({first}). Nothing was changed"
        ) from None
    return any(exact.search(str(row[0])) for row in rows)


def _libpq_url(url: str) -> tuple[str, str]:
    """The backend URL as libpq takes it, and the table the backend keeps its objects in.

    Pulumi reads ``table`` itself and hands the rest to lib/pq, which takes libpq's
    connection settings and sends any other parameter to the server as a setting; those go
    into libpq's ``options`` here, so that ``?search_path=ops`` finds the same table. A
    parameter given twice is refused: which of the two each program takes is not a promise."""
    try:
        parts = urllib.parse.urlsplit(url)
        pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        raise RecoveryError(
            "refusing to go on: the PostgreSQL backend URL cannot be read. Nothing was changed"
        ) from None
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise RecoveryError(
            f"refusing to go on: the backend URL gives {', '.join(repeated)} more than once, "
            "and which one Pulumi's driver takes is not settled, so the stack's lock could "
            "be read in the wrong place. Give each once. Nothing was changed"
        )
    table = TABLE
    query: list[tuple[str, str]] = []
    settings: list[str] = []
    for key, value in pairs:
        if key == "table":
            table = value or TABLE
        elif key in _LIBPQ_PARAMS:
            query.append((key, value))
        elif key in _DRIVER_ONLY:
            continue
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", key):
            escaped = value.replace("\\", "\\\\").replace(" ", "\\ ")
            settings.append(f"-c {key}={escaped}")
    if settings:
        query = [(k, v) for k, v in query if k != "options"] + [
            ("options", " ".join([*(v for k, v in query if k == "options"), *settings]))
        ]
    if not _TABLE_NAME.fullmatch(table):
        raise RecoveryError(
            f"refusing to go on: the backend URL's table {table!r} is not a plain table name "
            "(letters, digits, _ and $, optionally schema.table). Nothing was changed"
        )
    return (
        urllib.parse.urlunsplit(
            ("postgresql", parts.netloc, parts.path, urlencode(query, quote_via=quote), "")
        ),
        table,
    )


def _without_password(message: str, url: str) -> str:
    """``message`` with the URL's password taken out, in whatever spelling it appears."""
    try:
        raw = urllib.parse.urlsplit(url).netloc.rpartition("@")[0].partition(":")[2]
    except ValueError:
        return message
    for spelling in {raw, urllib.parse.unquote(raw)} - {""}:
        message = message.replace(spelling, "****")
    return message
