"""A throwaway PostgreSQL cluster for the team tests: ``initdb`` and ``pg_ctl`` in a temporary
folder, a loopback port, no system service. Pulumi's PostgreSQL backend creates its own table
in the database it is given, so each test takes a database of its own.

PostgreSQL refuses to run as root; as root (CI containers), the cluster runs as the
``postgres`` user the Debian package creates, in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

USER = "pulumi"


def _binary(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        pytest.fail(
            f"PostgreSQL's {name} is not installed: run `make setup` (it installs the Debian "
            "package postgresql where missing)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    """One cluster, started on construction; :meth:`stop` removes it."""

    def __init__(self, settings: tuple[str, ...] = ()) -> None:
        """``settings``: extra server settings, ``name=value`` each."""
        self.root = Path(tempfile.mkdtemp(prefix="uac-pg-"))
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        data = self.root / "data"
        self._run(
            _binary("initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8",
            "--no-sync", "--no-instructions",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
            + "".join(f" -c {setting}" for setting in settings)
        )
        self._run(
            _binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.root / "log"),
            "-w", "start",
        )  # fmt: skip
        self._data = data

    def _run(self, *args: str) -> str:
        proc = subprocess.run(
            [*self._as, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {proc.stdout}{proc.stderr}")
        return proc.stdout

    def sql(self, database: str, statement: str) -> str:
        """Run ``statement``; its rows as psql prints them unaligned."""
        return self._run(
            _binary("psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, "-d",
            database, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement,
        )  # fmt: skip

    def database(self, name: str) -> str:
        """A new database ``name``; its URL for ``pulumi login``."""
        self.sql("postgres", f'CREATE DATABASE "{name}"')
        return f"postgres://{USER}@127.0.0.1:{self.port}/{name}?sslmode=disable"

    def stop(self) -> None:
        self._run(_binary("pg_ctl"), "-D", str(self._data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
