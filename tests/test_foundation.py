"""The foundation: one Pulumi version everywhere, an installer that builds once and explains
itself when it cannot, and imports that flow one way."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from .conftest import REPO, pulumi_binary

VERSION = (REPO / ".pulumi-version").read_text().strip()
INSTALLER = REPO / "scripts" / "install-pulumi.sh"


def test_cli_sdk_and_pin_are_the_same_version() -> None:
    out = subprocess.run([pulumi_binary(), "version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"v{VERSION}"
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    # The package declares a range starting at the tested version; the tests pin it exactly.
    assert f"pulumi>={VERSION},<4" in deps
    assert f"pulumi=={VERSION}" in (REPO / "constraints.txt").read_text().split()
    from importlib.metadata import version

    assert version("pulumi") == VERSION


def test_the_plugin_prints_its_version_and_exits() -> None:
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "pulumi-resource-telnyx"), "--version"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    import pulumi_uac

    assert proc.returncode == 0 and proc.stdout.strip() == pulumi_uac.__version__, proc


def test_license_and_changelog_ship_with_the_repository() -> None:
    assert "Apache License" in (REPO / "LICENSE").read_text()
    changelog = (REPO / "CHANGELOG.md").read_text()
    import pulumi_uac

    assert f"## {pulumi_uac.__version__}" in changelog


def test_engine_directory_holds_the_four_files() -> None:
    bindir = Path(pulumi_binary()).parent
    for name in (
        "pulumi",
        "pulumi-language-python",
        "pulumi-language-python-exec",
        "pulumi-resource-pulumi-python",
    ):
        assert os.access(bindir / name, os.X_OK), name


def test_installer_second_run_reuses_the_engine() -> None:
    proc = subprocess.run(
        ["bash", str(INSTALLER)], capture_output=True, text=True, check=True, timeout=120
    )
    bindir = proc.stdout.strip()
    assert proc.stdout.count("\n") == 1 and Path(bindir, "pulumi").exists()
    assert "building" not in proc.stderr
    assert "using the" in proc.stderr


def test_installer_without_go_points_to_the_official_installer(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash
    tools = tmp_path / "bin"
    tools.mkdir()
    tools_used = ("dirname", "tr", "cat", "sed", "sort", "head", "mkdir", "flock", "rm", "date")
    for tool in (*tools_used, "sha256sum", "cut"):
        found = shutil.which(tool)
        if found:
            (tools / tool).symlink_to(found)
    env = {
        "PATH": str(tools),
        "HOME": str(tmp_path),
        "PULUMI_UAC_ENGINE_CACHE": str(tmp_path / "cache"),
    }
    proc = subprocess.run(
        [bash, str(INSTALLER)], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode != 0 and proc.stdout == ""
    assert "Go is not installed" in proc.stderr
    assert f"get.pulumi.com | sh -s -- --version {VERSION}" in proc.stderr


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            names.add(("." * node.level) + mod)
    return names


@pytest.mark.parametrize("room", ["core", "recovery", "client", "models", "emulator"])
def test_core_rooms_import_nothing_from_pulumi(room: str) -> None:
    for path in (REPO / "pulumi_uac" / room).rglob("*.py"):
        bad = {n for n in _imports(path) if n == "pulumi" or n.startswith("pulumi.")}
        assert not bad, f"{path} imports {bad}"
    code = (
        f"import sys, pulumi_uac.{room}; "
        "assert not any(m == 'pulumi' or m.startswith('pulumi.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_imports_flow_one_way() -> None:
    """native -> resource -> provider -> core -> client -> models; the emulator uses models
    only; nothing in the package uses the emulator."""
    allowed = {
        "native": {"resource", "provider", "core", "models"},
        "resource": {"provider", "core", "models"},
        "provider": {"core", "client", "models"},
        "core": {"client", "models"},
        "recovery": {"core", "client", "models"},
        "client": {"models"},
        "models": set(),
        "emulator": {"models"},
        "fleet": set(),
    }
    pkg = REPO / "pulumi_uac"
    for room, may_use in allowed.items():
        for path in (pkg / room).rglob("*.py"):
            for name in _imports(path):
                if not name.startswith(".."):
                    continue
                target = name.lstrip(".").split(".")[0]
                if target in allowed and target != room:
                    assert target in may_use, f"{path.relative_to(REPO)} imports {target}"
    for path in pkg.rglob("*.py"):
        if "emulator" in path.parts:
            continue
        assert not any("emulator" in n for n in _imports(path)), path


def test_importing_the_package_has_no_side_effects() -> None:
    code = (
        "import sys, pulumi_uac; assert 'pulumi' not in sys.modules; "
        "import pulumi_uac.provider, pulumi_uac.resource, pulumi_uac.core.session as s; "
        "assert s._CLIENTS == {}"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_native_classes_do_not_load_the_dynamic_provider() -> None:
    """Review of the layout: `pulumi_uac.native` takes the generated Args without importing
    the dynamic resources and their providers."""
    code = (
        "import sys, pulumi_uac.native\n"
        "loaded = [m for m in sys.modules if m.startswith('pulumi_uac.provider')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _module_imports(path: Path) -> set[str]:
    """The package modules ``path`` imports, at its top level or inside its functions (not
    under ``if TYPE_CHECKING``), as dotted names."""
    pkg = REPO / "pulumi_uac"
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    package = parts[:-1] if parts[-1] != "__init__" else parts
    found: set[str] = set()
    tree = ast.parse(path.read_text())
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for n in ast.walk(block)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level == 0 or id(node) in typing_only:
            continue
        base = package[: len(package) - node.level + 1]
        target = [*base, *(node.module.split(".") if node.module else [])]
        names = [target] if node.module else [[*target, a.name] for a in node.names]
        for name in names:
            file = pkg.parent.joinpath(*name)
            if file.with_suffix(".py").exists() or (file / "__init__.py").exists():
                found.add(".".join(name))
    return found


def test_no_module_imports_itself_back() -> None:
    """Issue 27: ``client/resource.py`` and ``client/transport.py`` imported each other. No
    module of the package reaches itself again through what it imports when loaded."""
    pkg = REPO / "pulumi_uac"
    graph: dict[str, set[str]] = {}
    for path in pkg.rglob("*.py"):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[name] = _module_imports(path)
    # A package's __init__ importing its own submodules is how packages work; a submodule
    # importing back into a module that imports it is the cycle this looks for.
    for start in graph:
        seen: set[str] = set()
        stack = [m for m in graph[start] if not start.startswith(m + ".")]
        while stack:
            module = stack.pop()
            if module == start:
                raise AssertionError(f"{start} imports itself back")
            if module in seen:
                continue
            seen.add(module)
            stack += [m for m in graph.get(module, ()) if not module.startswith(m + ".")]
