"""Shared fixtures: an in-process emulator on a real socket, clients, and a harness that drives
the real `pulumi` CLI against it."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pulumi_uac.client import ClientConfig, ResourceClient, TelnyxClient
from pulumi_uac.core.names import package_names
from pulumi_uac.emulator import EmulatorApp, EmulatorServer, running
from pulumi_uac.models import UAC_CONNECTION

API_KEY = "test-key-4f1d9c2e7b"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def nested_patch() -> str:
    """How the emulator treats a nested object in a PATCH; modules that must hold under both
    readings override this fixture with both values."""
    return "replace"


@pytest.fixture
def emulator(nested_patch: str) -> Iterator[EmulatorServer]:
    """A fresh emulator (in memory, masking on, 0.2 s registration delay) on a free port. Our
    tests run it strict about unknown fields, so a typo in the provider fails them."""
    app = EmulatorApp(api_key=API_KEY, strict_fields=True)
    app.store.registration.delay = 0.2
    app.store.nested_patch = nested_patch  # type: ignore[assignment]
    with running(app) as server:
        yield server


@pytest.fixture
def admin(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=emulator.admin_url + "/") as c:
        yield c


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[ResourceClient]:
    """The UAC connection client on the emulator."""
    with TelnyxClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=5.0)
    ) as c:
        yield c.resource(UAC_CONNECTION)


@pytest.fixture
def api(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    """A plain HTTP client of the emulator's /v2 API, authenticated."""
    with httpx.Client(
        base_url=emulator.base_url + "/", headers={"Authorization": f"Bearer {API_KEY}"}
    ) as c:
        yield c


# A complete connection as a program (or a curl user) would send it.
OFFICE_PBX: dict[str, Any] = {
    "connection_name": "Office PBX",
    "external_uac_settings": {
        "proxy": "sip:pbx.example.com:5060",
        "username": "telnyx-reg",
        "password": "s3cret-pbx",
        "transport": "TCP",
    },
    "internal_uac_settings": {"destination_uri": "1006@assistant-abc123.sip.telnyx.com"},
}


def as_shown(text: str, mode: str) -> str:
    """``text`` (naming fields as the API and Python do) as the CLI shows it in ``mode``: the
    plugin names fields in camelCase, as its schema and YAML programs do."""
    return package_names().text(text) if mode == "native" else text


def in_api_names(values: Any) -> Any:
    """Recorded inputs or outputs (of either mode) with their keys in the API's names."""
    return package_names().snake(values)


def request_counts(admin: httpx.Client) -> dict[str, int]:
    counts: dict[str, int] = admin.get("requests").json()["counts"]
    return counts


# -------------------- pulumi CLI harness


def pulumi_binary() -> str:
    found = shutil.which("pulumi")
    if not found:
        pytest.fail(
            "the pulumi CLI is not on PATH: run the tests with `make test` "
            "(it installs the engine and puts it on PATH)"
        )
    return found


MODES = ("dynamic", "native")
VENV_BIN = Path(sys.executable).parent
NATIVE_PRELUDE = (
    "# The same program, served by the native plugin: each resource is the native class.\n"
    "import pulumi_uac as _uac, pulumi_uac.native as _native\n"
    "from pulumi_uac.models import SPECS as _SPECS\n"
    "for _name in [_spec.name for _spec in _SPECS] + ['SipAttach']:\n"
    "    setattr(_uac, _name, getattr(_native, _name))\n"
)


class PulumiProject:
    """A temporary Pulumi project with its own file backend, driven through the real CLI.

    ``mode="native"`` runs the same program on the native plugin: the project lists the plugin
    (the console script in this venv) under ``plugins``, and ``pulumi_uac.UacConnection`` is the
    native class."""

    def __init__(
        self,
        root: Path,
        program: str | None = None,
        *,
        name: str = "uac-test",
        source: Path | None = None,
        base_url: str | None = None,
        api_key: str | None = API_KEY,
        passphrase: str = "test-passphrase",
        extra_env: dict[str, str] | None = None,
        mode: str = "dynamic",
        list_plugin: bool | None = None,
    ) -> None:
        """A project written from ``program``, or a copy of the project folder ``source``
        (its ``virtualenv`` and plugin paths pointed at this interpreter's venv)."""
        assert mode in MODES
        self.mode = mode
        self.root = root
        self.dir = root / (source.name if source else "project")
        (root / "backend").mkdir(parents=True, exist_ok=True)
        venv = Path(sys.prefix)
        if source is not None:
            shutil.copytree(source, self.dir)
            yaml = self.dir / "Pulumi.yaml"
            text = re.sub(r"virtualenv: .*", f"virtualenv: {venv}", yaml.read_text())
            yaml.write_text(re.sub(r"path: .*\.venv/bin", f"path: {VENV_BIN}", text))
        else:
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / "Pulumi.yaml").write_text(
                textwrap.dedent(f"""\
                name: {name}
                runtime:
                  name: python
                  options:
                    toolchain: pip
                    virtualenv: {venv}
                """)
            )
            body = textwrap.dedent(program or "")
            if list_plugin if list_plugin is not None else mode == "native":
                plugin = f"plugins:\n  providers:\n    - name: telnyx\n      path: {VENV_BIN}\n"
                with (self.dir / "Pulumi.yaml").open("a") as fh:
                    fh.write(plugin)
            if mode == "native":
                body = NATIVE_PRELUDE + body
            (self.dir / "__main__.py").write_text(body)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "TELNYX_"))},
            "PULUMI_HOME": str(root / "home"),
            "PULUMI_BACKEND_URL": f"file://{root / 'backend'}",
            "PULUMI_CONFIG_PASSPHRASE": passphrase,
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_CREDENTIAL_STORE": "plaintext",
            "PIP_NO_INDEX": "1",
        }
        if base_url:
            self.env["TELNYX_BASE_URL"] = base_url
        if api_key:
            self.env["TELNYX_API_KEY"] = api_key
        self.env.update(extra_env or {})
        self.outputs: list[str] = []
        self.started: list[subprocess.Popen[str]] = []

    def run(
        self, *args: str, check: bool = True, timeout: float = 300, record: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run the CLI; its output is kept in ``outputs`` (for leak scans) unless ``record`` is
        false, which is only for commands that reveal secrets on purpose."""
        proc = subprocess.run(
            [pulumi_binary(), *args, "--non-interactive"],
            cwd=self.dir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if record:
            self.outputs.append(proc.stdout + proc.stderr)
        if check and proc.returncode != 0:
            raise AssertionError(
                f"pulumi {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
            )
        return proc

    def init(self, stack: str = "test") -> None:
        self.run("stack", "init", stack)

    def config(self, key: str, value: str, secret: bool = False) -> None:
        self.run("config", "set", *(["--secret"] if secret else []), key, value)

    def up(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return self.run("up", "--yes", "--skip-preview", *extra)

    def preview(self, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("preview", *extra, check=check)

    def refresh(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return self.run("refresh", "--yes", "--skip-preview", *extra)

    def destroy(self) -> subprocess.CompletedProcess[str]:
        return self.run("destroy", "--yes", "--skip-preview")

    def export(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.run("stack", "export").stdout)
        return data

    def stack_outputs(self, show_secrets: bool = False) -> dict[str, Any]:
        args = ["stack", "output", "--json"] + (["--show-secrets"] if show_secrets else [])
        data: dict[str, Any] = json.loads(self.run(*args, record=not show_secrets).stdout)
        return data

    def after_kill(self) -> None:
        """What the README says after a killed run, when the kill landed in the instant the
        file backend rewrote a state file's ``.attrs`` sidecar in place (every command then
        fails with "failed to load checkpoint: EOF"): ``pulumi-uac recover`` removes the
        half-written file, then refuses the rest while the killed run's lock is held.
        Nothing is done when the kill missed that instant (almost always)."""
        broken = []
        for path in self.state_files():
            if path.name.endswith(".attrs") and "stacks" in path.parts:
                try:
                    json.loads(path.read_text())
                except ValueError:
                    broken.append(path)
        if broken:
            out = self.recovery("recover", check=False)
            assert "half-written" in out.stdout, out.stdout + out.stderr

    def recovery(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``pulumi-uac`` (the recovery command) in the project, as a user would."""
        return self.recovery_in(self.dir, *args, check=check)

    def recovery_in(
        self, where: Path, *args: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run ``pulumi-uac`` in the folder ``where`` (a subfolder of the project, say)."""
        env = {
            **self.env,
            "PATH": os.path.dirname(pulumi_binary()) + os.pathsep + os.environ["PATH"],
        }
        proc = subprocess.run(
            [sys.executable, "-m", "pulumi_uac.recovery", *args],
            cwd=where,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        self.outputs.append(proc.stdout + proc.stderr)
        if check and proc.returncode != 0:
            raise AssertionError(
                f"pulumi-uac {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
            )
        return proc

    def start(self, *args: str) -> subprocess.Popen[str]:
        """Start the CLI in the background (to kill it mid-run). It leads a process group of
        its own, so that the plugins a killed CLI leaves behind can be reaped afterwards."""
        proc = subprocess.Popen(
            [pulumi_binary(), *args, "--non-interactive"],
            cwd=self.dir,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.started.append(proc)
        return proc

    def reap(self) -> None:
        """Kill whatever the background runs left behind (orphaned language hosts, providers)."""
        for proc in self.started:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            if proc.stdout is not None:
                proc.stdout.close()
        self.started.clear()

    def state_files(self) -> list[Path]:
        return [p for p in (self.root / "backend").rglob("*") if p.is_file()]


def resources_of(
    export: dict[str, Any], type_suffix: str = "UacConnection"
) -> list[dict[str, Any]]:
    return [r for r in export["deployment"].get("resources", []) if r["type"].endswith(type_suffix)]


def assert_declared_at_the_programs_lines(proj: PulumiProject, export: dict[str, Any]) -> None:
    """Every resource of ours records the user's line as its source position, as a generated
    SDK's do (the Pulumi Cloud console shows it), and no frame of this package: our own frames
    would point every resource at our code and grow every checkpoint the engine writes."""
    program = (proj.dir / "__main__.py").read_text().splitlines()
    ours = [r for r in export["deployment"]["resources"] if "telnyx" in r["type"]]
    ours = [r for r in ours if not r["type"].startswith("pulumi:providers:")]
    assert ours
    for r in ours:
        where = r["sourcePosition"]
        assert where.startswith("project:///__main__.py#"), (r["urn"], where)
        line = program[int(where.rsplit("#", 1)[1]) - 1]
        assert r["type"].rsplit(":", 1)[1] + "(" in line, (r["urn"], line)
        frames = json.dumps(r.get("stackTrace", []))
        assert "pulumi_uac/resource/" not in frames, (r["urn"], frames)
        assert "pulumi_uac/native/" not in frames, (r["urn"], frames)


@pytest.fixture
def project_factory(tmp_path: Path, emulator: EmulatorServer):  # type: ignore[no-untyped-def]
    made: list[PulumiProject] = []

    def make(program: str, **kwargs: Any) -> PulumiProject:
        kwargs.setdefault("base_url", emulator.base_url)
        proj = PulumiProject(tmp_path / kwargs.pop("subdir", "p"), program, **kwargs)
        made.append(proj)
        return proj

    yield make
    for proj in made:
        proj.reap()


# Under pytest-xdist the slowest tests go first (the CLI tests, faults and lifecycles the
# slowest of them), so that short ones fill the end instead of one long test running alone.
_SLOWEST = (
    "test_faults.py",
    "test_e2e.py::test_full_lifecycle",
    "test_recovery_guard.py",
    "test_companions.py::test_a_stack_wires",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        if any(s in item.nodeid for s in _SLOWEST):
            return 0
        return 1 if item.get_closest_marker("e2e") else 2

    items.sort(key=rank)
