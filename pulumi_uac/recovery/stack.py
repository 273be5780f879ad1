"""One stack, reached through the ``pulumi`` CLI (run in the project folder, with this process's
environment: the same backend, passphrase and stack selection as the user's own commands)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import time
import urllib.parse
from pathlib import Path
from typing import Any

from ..client import TelnyxClient
from ..core.marks import stack_mark
from ..core.session import API_KEY_CONFIG, BASE_URL_CONFIG, resolve, shared_client
from .errors import RecoveryError
from .locks import file_locked, postgres_locked
from .processes import project_file
from .state import Held, read_state

PULUMI_ENV = "PULUMI_UAC_PULUMI"
"""Overrides the ``pulumi`` executable to run."""

READ_ONLY = {
    ("stack", "ls"), ("stack", "export"), ("stack", "--show-name"), ("whoami", "--json"),
    ("config", "--json"),
}  # fmt: skip
"""The CLI calls of the tools that change nothing (their first two arguments)."""

LIST_TIMEOUT = 300
"""Seconds ``pulumi stack ls`` may take: it reads every stack of the backend, no more."""


def _last_lines(proc: subprocess.CompletedProcess[str], n: int = 3) -> str:
    return " ".join((proc.stderr or proc.stdout).strip().splitlines()[-n:])


def _project_name(project_dir: str) -> str:
    """The ``name:`` of the project's ``Pulumi.yaml``, found as the CLI finds it (here or in a
    folder above), read without a YAML library: it is one plain top-level scalar."""
    path = project_file(project_dir)
    if path is not None:
        found = re.search(r"^name:\s*['\"]?([^'\"\s#]+)", Path(path).read_text(), re.MULTILINE)
        if found:
            return found.group(1)
    raise RecoveryError(
        f"no Pulumi project here: no Pulumi.yaml with a name in {project_dir} or above it "
        "(run this in the project, or pass --cwd)"
    )


POSTGRES = ("postgres", "postgresql")
"""Schemes of Pulumi's PostgreSQL backend."""


def _scheme(url: str) -> str:
    """The backend URL's scheme, as the CLI reads it (``POSTGRES://`` is PostgreSQL too)."""
    return url.split("://", 1)[0].lower() if "://" in url else ""


def _names(listed: str, project: str, stack: str) -> bool:
    """Whether a name ``pulumi stack ls --all`` printed is the stack ``stack`` of ``project``:
    it names the current project's stacks short and the others' in full."""
    parts = listed.split("/")
    return (parts[-2] if len(parts) == 3 else project) == project and parts[-1] == stack


def _file_root(url: str) -> Path:
    return Path(os.path.expanduser(urllib.parse.unquote(url[len("file://") :].split("?")[0])))


def _whole_json(path: Path) -> bool:
    try:
        json.loads(path.read_text())
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return True


class Stack:
    """One stack of the project in ``cwd``."""

    def __init__(self, name: str | None, cwd: str | None) -> None:
        self.name = name
        self.cwd = cwd
        self.pulumi = os.environ.get(PULUMI_ENV, "pulumi")
        self._config: dict[str, Any] | None = None

    @property
    def project_dir(self) -> str:
        return os.path.abspath(self.cwd or os.getcwd())

    def run(
        self,
        *args: str,
        check: bool = True,
        stdin: str | None = None,
        of_stack: bool = True,
        env: dict[str, str] | None = None,
        timeout: float = 3600,
    ) -> subprocess.CompletedProcess[str]:
        cmd = [self.pulumi, *args, "--non-interactive"]
        if self.name and of_stack:
            cmd += ["--stack", self.name]
        try:
            proc = subprocess.run(
                cmd,
                cwd=self.cwd,
                input=stdin,
                capture_output=True,
                text=True,
                check=False,
                timeout=timeout,
                env={**os.environ, **env} if env else None,
            )
        except FileNotFoundError:
            raise RecoveryError(
                f"cannot run {self.pulumi!r}: put the pulumi CLI on PATH (or set {PULUMI_ENV})"
            ) from None
        except subprocess.TimeoutExpired:
            said = f"`pulumi {' '.join(args)}` did not finish in {timeout:.0f} s and was stopped"
            if args[:2] in READ_ONLY:
                raise RecoveryError(
                    f"{said}; nothing was changed. Check that the backend answers (`pulumi whoami`)"
                ) from None
            raise RecoveryError(
                f"{said}, perhaps part-way: it may have left the stack locked. Make sure no "
                "other run of the stack is live, then `pulumi cancel` and this command again"
            ) from None
        if check and proc.returncode != 0:
            if "failed to load checkpoint" in (proc.stderr + proc.stdout):
                raise RecoveryError(
                    f"`pulumi {' '.join(args)}` cannot read the stack: {_last_lines(proc)}. On a "
                    "file backend this is what a run killed while Pulumi wrote the state leaves; "
                    "`pulumi-uac recover` repairs it"
                )
            if "currently locked" in (proc.stderr + proc.stdout):
                raise RecoveryError(
                    "the stack is locked by another run. If no other pulumi command is running "
                    "on it, run `pulumi cancel` and then this command again"
                )
            raise RecoveryError(f"`pulumi {' '.join(args)}` failed: {_last_lines(proc)}")
        return proc

    def export(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.run("stack", "export").stdout)
        return data

    def import_(self, deployment: dict[str, Any]) -> None:
        """``pulumi stack import`` of an edited export (secrets stay encrypted: the document
        goes through stdin, and only plain values were changed)."""
        self.run("stack", "import", stdin=json.dumps(deployment))

    def backend_url(self) -> str:
        """The backend, as the CLI itself takes it: the environment first, else the login
        (from the CLI's credentials file when ``whoami`` masks the URL's password)."""
        url = os.environ.get("PULUMI_BACKEND_URL") or str(
            json.loads(self.run("whoami", "--json", of_stack=False).stdout).get("url") or ""
        )
        if "****" in url:
            home = Path(os.environ.get("PULUMI_HOME") or Path.home() / ".pulumi")
            try:
                current = json.loads((home / "credentials.json").read_text()).get("current")
            except (OSError, ValueError):
                current = None
            if isinstance(current, str) and current.split("://")[0] == url.split("://")[0]:
                url = current
        return url

    def repair_metadata(self) -> list[str]:
        """Remove the stack's half-written metadata files on a file backend; returns them.

        A file backend keeps, beside each state file, an ``.attrs`` file (content type and
        checksum) that the storage library rewrites in place, not by rename as it writes the
        state itself. A run killed during that rewrite leaves it empty, and from then on every
        command on the stack, ``pulumi cancel`` included, fails with ``failed to load
        checkpoint: EOF``. The state file beside it is whole (it is renamed into place only
        after), and the library reads a missing ``.attrs`` as "no metadata", so removing the
        broken one loses nothing. Only this stack's files are touched, and only one still
        broken a moment later (a live writer finishes it within microseconds)."""
        url = self.backend_url()
        if _scheme(url) != "file":
            return []
        root = _file_root(url) / ".pulumi"
        chosen = self.name or self._selection_on_disk(url) or self.selected()
        name = self._of_this_project(chosen).rsplit("/", 1)[-1]
        project = _project_name(self.project_dir)
        # The state file, plain or gzipped, and its backup: exact names (another stack may be
        # called "dev.json2"); the stack's own backup and history folders.
        files = [f"{name}.{ext}{bak}.attrs" for ext in ("json", "json.gz") for bak in ("", ".bak")]
        candidates = [
            *(root / "stacks" / project / f for f in files),
            *(root / "stacks" / f for f in files),
            *(root / "backups" / project / name).glob("*.attrs"),
            *(root / "history" / project / name).glob("*.attrs"),
        ]
        broken = [p for p in candidates if not _whole_json(p)]
        if broken:
            time.sleep(0.5)
        removed: list[str] = []
        for path in broken:
            if not _whole_json(path):
                path.unlink(missing_ok=True)
                removed.append(str(path))
        return removed

    def _selection_on_disk(self, url: str) -> str | None:
        """The selected stack as the CLI keeps it, read without the CLI (which cannot even
        name the stack while its metadata is broken): ``PULUMI_STACK``, else the workspace file
        of this project (named by the SHA-1 of its ``Pulumi.yaml`` path) under ``PULUMI_HOME``.
        None when neither tells; ``--stack`` then names it."""
        if os.environ.get("PULUMI_STACK"):
            return os.environ["PULUMI_STACK"]
        path = project_file(self.project_dir)
        if path is None:
            return None
        home = Path(os.environ.get("PULUMI_HOME") or Path.home() / ".pulumi")
        # The CLI's own naming, not a security use of the hash.
        digest = hashlib.sha1(str(path).encode(), usedforsecurity=False).hexdigest()
        project = _project_name(self.project_dir)
        workspace = home / "workspaces" / f"{project}-{digest}-workspace.json"
        try:
            selected = json.loads(workspace.read_text()).get("stacks", {}).get(url)
        except (OSError, ValueError, AttributeError):
            return None
        return str(selected) if selected else None

    def locked(self) -> bool:
        """Whether a run holds the stack's lock (on any machine that shares the backend).

        A DIY backend's lock is read where it keeps it (:mod:`.locks`): files beside the state,
        or rows of PostgreSQL's table. The Pulumi Cloud reports ``updateInProgress`` in
        ``pulumi stack ls``. Other DIY backends (S3, Azure, GCS) show a lock only by refusing a
        write, so the stack's own export is imported back, unchanged, only when that changes
        nothing: with pending operations recorded, the import would drop them (the CLI always
        does), so the tool refuses instead."""
        url = self.backend_url()
        stack = self.selected()
        project = _project_name(self.project_dir)
        if _scheme(url) == "file":
            return file_locked(_file_root(url), project, stack)
        if _scheme(url) in POSTGRES:
            return postgres_locked(url, project, stack)
        if _scheme(url) in ("https", "http"):
            mine = stack.rsplit("/", 1)[-1]
            for entry in self._stacks(url):
                if _names(str(entry.get("name", "")), project, mine):
                    return bool(entry.get("updateInProgress"))
            return False
        export = self.export()
        pending = (export.get("deployment") or {}).get("pending_operations") or []
        if pending:
            scheme = url.split("://", 1)[0]
            raise RecoveryError(
                f"refusing to go on: a {scheme}:// backend shows a run's lock only by refusing "
                "a write, and writing the state now would drop the "
                f"{len(pending)} interrupted operation(s) it records, which this tool needs. "
                "Nothing was changed"
            )
        proc = self.run("stack", "import", check=False, stdin=json.dumps(export))
        return proc.returncode != 0 and "currently locked" in (proc.stderr + proc.stdout)

    def selected(self) -> str:
        """The stack's name (asked once: every step of a command acts on the same stack)."""
        if not self.name:
            self.name = self.run("stack", "--show-name").stdout.strip()
        return self._of_this_project(self.name)

    def _of_this_project(self, name: str) -> str:
        """``name``, refused when it names a stack of another project (``org/other/dev``):
        its marks, lock and files are that project's, while the tools read this one's."""
        parts = name.split("/")
        project = _project_name(self.project_dir)
        if len(parts) == 3 and parts[1] != project:
            raise RecoveryError(
                f"the stack {name} is a stack of project {parts[1]!r}, but this folder's "
                f"Pulumi.yaml is project {project!r}: run this in that project's folder (or "
                "pass --cwd), so that its marks, lock and state files are the ones checked"
            )
        return name

    def mark(self) -> str | None:
        """The stack mark its creates put on objects (``core.marks.stack_mark``)."""
        project = _project_name(self.project_dir)
        stack = self.selected().rsplit("/", 1)[-1]
        return stack_mark(f"urn:pulumi:{stack}::{project}::x")

    def held_elsewhere(self) -> set[Held]:
        """The objects the other stacks on this backend hold, of this project and of every
        other: one that moved there (``pulumi state move``, a renamed stack) still carries the
        stack mark it was made with, and is theirs, not an orphan of this stack."""
        project = _project_name(self.project_dir)
        mine = self.selected().rsplit("/", 1)[-1]
        held: set[Held] = set()
        for entry in self._stacks(self.backend_url()):
            name = str(entry.get("name", ""))
            if not name or _names(name, project, mine):
                continue
            # A stack that cannot be read stops the command: skipping it would count what it
            # holds as this stack's orphans.
            export = self.run("stack", "export", "--stack", name, of_stack=False, timeout=600)
            held |= read_state(json.loads(export.stdout)).held
        return held

    def _stacks(self, url: str) -> list[dict[str, Any]]:
        """``pulumi stack ls --all --json``: every stack on the backend, of every project.

        On PostgreSQL it lists with one worker. Pulumi's PostgreSQL backend (3.260) reads
        each stack with up to ``PULUMI_DIY_BACKEND_PARALLEL`` workers (10 by default), each
        holding a pooled connection while it asks for a second, from a pool of
        2 x GOMAXPROCS. Once the workers fill the pool they all wait for each other:
        ``pulumi stack ls`` hangs for good, with 4 stacks on a 2-core machine. A single
        worker needs 2 connections, and the pool has at least 2."""
        env = {"PULUMI_DIY_BACKEND_PARALLEL": "1"} if _scheme(url) in POSTGRES else None
        listed = self.run(
            "stack", "ls", "--all", "--json", of_stack=False, env=env, timeout=LIST_TIMEOUT
        )
        entries: list[dict[str, Any]] = json.loads(listed.stdout or "[]")
        return entries

    def config(self, key: str) -> str | None:
        """A stack configuration value (secrets decrypted, never printed). A configuration the
        CLI cannot read (a wrong passphrase, say) stops here, with the CLI's reason, rather
        than later with a misleading answer from Telnyx."""
        if self._config is None:
            proc = self.run("config", "--json", "--show-secrets", check=False)
            if proc.returncode != 0:
                raise RecoveryError(
                    f"cannot read the stack's configuration: {_last_lines(proc)} (check "
                    "PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE, and the stack)"
                )
            self._config = json.loads(proc.stdout or "{}")
        entry = self._config.get(key)
        value = entry.get("value") if isinstance(entry, dict) else None
        return str(value) if value not in (None, "") else None

    def client(self) -> TelnyxClient:
        key, url = resolve(self.config(API_KEY_CONFIG), self.config(BASE_URL_CONFIG))
        return shared_client(key, url)
