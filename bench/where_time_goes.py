"""Where the time of a growing `pulumi up` goes: CPU per process (the engine, the Python
program, the dynamic provider), for UacConnection and for the same stack of no-op dynamic
resources, with the engine's checkpoints on (as users run it) and off
(``PULUMI_SKIP_CHECKPOINTS=true``).

Printed per variant: wall time per create, CPU seconds per process, and ours / no-op ratios. The
CPU of each process is sampled from /proc every 50 ms (its last few milliseconds may be missed),
so compare ratios within a run, not figures across machines. Nothing is asserted.

Usage: python bench/where_time_goes.py [--count 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import provider_scaling as scaling

from pulumi_uac.emulator import EmulatorApp, running
from tests.conftest import PulumiProject

TICK = os.sysconf("SC_CLK_TCK")
ROLES = (
    ("pulumi-language-python-exec", "program"),
    ("pulumi.dynamic", "provider"),
    ("pulumi-resource-pulumi-python", "provider"),
)


def _role(cmdline: str) -> str | None:
    for needle, role in ROLES:
        if needle in cmdline:
            return role
    first = cmdline.split(" ", 1)[0]
    return "engine" if first.endswith("/pulumi") or first == "pulumi" else None


def _sample(stop: threading.Event, seen: dict[str, tuple[str, float]]) -> None:
    while not stop.is_set():
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            role = _role(cmdline)
            if role is not None:
                cpu = (int(fields[11]) + int(fields[12])) / TICK
                seen[entry.name] = (role, max(cpu, seen.get(entry.name, ("", 0.0))[1]))
        time.sleep(0.05)


def measure(base: Path, url: str, label: str, count: int, env: dict[str, str]) -> dict[str, float]:
    noop = label == "no-op"
    program = scaling.NOOP_PROGRAM if noop else scaling.PROGRAM
    proj = PulumiProject(base, program, base_url=url, api_key=scaling.KEY)
    proj.env.update(env)
    if noop:
        (proj.dir / "noop_provider.py").write_text(scaling.NOOP_PROVIDER)
    proj.init()
    proj.config("count", "0")
    proj.up()
    proj.config("count", str(count))
    seen: dict[str, tuple[str, float]] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(stop, seen))
    sampler.start()
    started = time.monotonic()
    proj.up()
    wall = time.monotonic() - started
    stop.set()
    sampler.join()
    proj.destroy()
    out = {"wall": wall}
    for role, cpu in seen.values():
        out[role] = out.get(role, 0.0) + cpu
    return out


def main() -> list[str]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    args = ap.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    rows = [f"where the time goes: one `pulumi up` creating {args.count}, CPU seconds by process"]
    with tempfile.TemporaryDirectory() as tmp, running(EmulatorApp(api_key=scaling.KEY)) as server:
        for checkpoints, env in (("on", {}), ("off", {"PULUMI_SKIP_CHECKPOINTS": "true"})):
            found = {
                label: measure(
                    Path(tmp) / f"{label}-{checkpoints}", server.base_url, label, args.count, env
                )
                for label in ("UacConnection", "no-op")
            }
            rows.append(f"  checkpoints {checkpoints}:")
            for part in ("wall", "engine", "program", "provider"):
                ours, theirs = found["UacConnection"].get(part, 0.0), found["no-op"].get(part, 0.0)
                ratio = ours / theirs if theirs else float("nan")
                rows.append(
                    f"    {part:9s} UacConnection {ours:6.2f} s   no-op {theirs:6.2f} s   "
                    f"ratio {ratio:5.2f}"
                )
    for row in rows:
        print(f"where: {row}", flush=True)
    return rows


if __name__ == "__main__":
    main()
