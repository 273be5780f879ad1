"""Where the time of a growing `pulumi up` goes, and whether the cost per create grows with the
stack: UacConnection in both modes (dynamic provider, native plugin) against two no-op dynamic
resources measured in the same run: the plain no-op (two inputs), and the same no-op declaring
as many properties as UacConnection does (every Args field and output seeded, as a generated
SDK's class does), so that what Pulumi itself costs per declared property is in the baseline.

Each stack is grown twice: 0 -> START, then START -> COUNT. Printed per variant and segment:
wall milliseconds per create, and for the second segment CPU seconds by process (the engine,
the Python program, the provider; sampled from /proc every 50 ms) and the bytes one resource
holds in the state. Checkpoints on (as users run it) and off (``PULUMI_SKIP_CHECKPOINTS``).
Compare within a run, not across machines. Nothing is asserted.

Usage: python bench/where_time_goes.py [--start 100] [--count 400]
"""

from __future__ import annotations

import argparse
import json
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
from pulumi_uac.resource import UacConnection, UacConnectionArgs
from pulumi_uac.resource.props import resource_props
from tests.conftest import PulumiProject

TICK = os.sysconf("SC_CLK_TCK")
ROLES = (
    ("pulumi-language-python-exec", "program"),
    ("pulumi.dynamic", "provider"),
    ("pulumi-resource-pulumi-python", "provider"),
    ("pulumi-resource-telnyx", "provider"),
)


def _role(cmdline: str) -> str | None:
    for needle, role in ROLES:
        if needle in cmdline:
            return role
    first = cmdline.split(" ", 1)[0]
    return "engine" if first.endswith("/pulumi") or first == "pulumi" else None


def _sample(stop: threading.Event, seen: dict[str, tuple[str, float]]) -> None:
    """CPU seconds of this run's processes by role. Only descendants of this process count: on
    a shared machine, other runs' engines and providers match the same command lines."""
    me = str(os.getpid())
    while not stop.is_set():
        parents: dict[str, str] = {}
        found: dict[str, tuple[str, float]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            parents[entry.name] = fields[1]
            role = _role(cmdline)
            if role is not None:
                found[entry.name] = (role, (int(fields[11]) + int(fields[12])) / TICK)
        for pid, (role, cpu) in found.items():
            ancestor, hops = parents.get(pid), 0
            while ancestor not in (None, "0", "1", me) and hops < 16:
                ancestor, hops = parents.get(ancestor), hops + 1
            if ancestor == me:
                seen[pid] = (role, max(cpu, seen.get(pid, ("", 0.0))[1]))
        time.sleep(0.05)


def state_bytes(proj: PulumiProject) -> float:
    """Bytes of one resource in the exported state (compact JSON, the last one declared)."""
    resources = json.loads(proj.run("stack", "export").stdout)["deployment"]["resources"]
    return float(len(json.dumps(resources[-1], separators=(",", ":"))))


def declared_noop_program() -> str:
    """The no-op program, each resource declaring as many properties as a UacConnection."""
    declared = resource_props(UacConnection._spec, UacConnectionArgs(connection_name="x"))
    extra = len(declared) - 2  # the no-op's own two inputs
    return scaling.NOOP_PROGRAM.replace(
        'assistant-b.sip.telnyx.com"}})',
        f"assistant-b.sip.telnyx.com\"}}, **{{f'declared_{{k}}': None for k in range({extra})}}}})",
    )


VARIANTS = {
    # label: (program, mode)
    "dynamic": (scaling.PROGRAM, "dynamic"),
    "native": (scaling.PROGRAM, "native"),
    "no-op": (scaling.NOOP_PROGRAM, "dynamic"),
    "no-op, declared": (declared_noop_program(), "dynamic"),
}


def grow(proj: PulumiProject, count: int) -> tuple[float, dict[str, float]]:
    """Wall seconds of one `up` to ``count`` resources, and CPU seconds by process during it."""
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
    cpu: dict[str, float] = {}
    for role, used in seen.values():
        cpu[role] = cpu.get(role, 0.0) + used
    return wall, cpu


def measure(
    base: Path, url: str, label: str, start: int, count: int, env: dict[str, str]
) -> dict[str, float]:
    program, mode = VARIANTS[label]
    proj = PulumiProject(base, program, base_url=url, api_key=scaling.KEY, mode=mode)
    proj.env.update(env)
    if label.startswith("no-op"):
        (proj.dir / "noop_provider.py").write_text(scaling.NOOP_PROVIDER)
    proj.init()
    proj.config("count", "0")
    proj.up()
    first, _ = grow(proj, start)
    second, cpu = grow(proj, count)
    out = {"first": 1000 * first / start, "second": 1000 * second / (count - start), **cpu}
    out["bytes"] = state_bytes(proj)
    proj.destroy()
    return out


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def main() -> list[str]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=100)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure every variant this many times, interleaved (the order rotates each "
        "round), and print medians with the spread of the ratios: one round on a 2-core "
        "machine moves the baseline itself by a third",
    )
    ap.add_argument("--checkpoints", choices=("on", "off", "both"), default="both")
    args = ap.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    start, count, rounds = args.start, args.count, max(1, args.rounds)
    rows = [
        f"where the time goes: stacks grown 0 -> {start} -> {count}; "
        "x: ratio to the no-op declaring as many properties"
        + (f" (median of {rounds} interleaved rounds, [lowest-highest])" if rounds > 1 else "")
    ]
    parts = (
        (f"ms/create 0-{start}", "first"),
        (f"ms/create {start}-{count}", "second"),
        (f"engine s {start}-{count}", "engine"),
        (f"program s {start}-{count}", "program"),
        (f"provider s {start}-{count}", "provider"),
        ("bytes/resource", "bytes"),
    )
    modes = (("on", {}), ("off", {"PULUMI_SKIP_CHECKPOINTS": "true"}))
    chosen = [m for m in modes if args.checkpoints in ("both", m[0])]
    labels = list(VARIANTS)
    with tempfile.TemporaryDirectory() as tmp, running(EmulatorApp(api_key=scaling.KEY)) as server:
        for checkpoints, env in chosen:
            runs: dict[str, list[dict[str, float]]] = {label: [] for label in labels}
            for r in range(rounds):
                for label in labels[r % len(labels) :] + labels[: r % len(labels)]:
                    where = Path(tmp) / f"{label}-{checkpoints}-{r}".replace(", ", "-")
                    runs[label].append(measure(where, server.base_url, label, start, count, env))
            rows.append(f"  checkpoints {checkpoints}:")
            width = 17 if rounds == 1 else 27
            rows.append("    " + " " * 24 + "".join(f"{label:>{width}s}" for label in labels))
            for title, part in parts:
                bases = [run.get(part, 0.0) for run in runs["no-op, declared"]]
                cells = []
                for label in labels:
                    values = [run.get(part, 0.0) for run in runs[label]]
                    ratio = ""
                    if not label.startswith("no-op") and all(bases):
                        ratios = [v / b for v, b in zip(values, bases, strict=True)]
                        ratio = f" x{_median(ratios):4.2f}"
                        if rounds > 1:
                            ratio += f" [{min(ratios):4.2f}-{max(ratios):4.2f}]"
                    cells.append(f"{_median(values):9.1f}{ratio:>{width - 9}s}")
                rows.append(f"    {title:24s}" + "".join(cells))
    for row in rows:
        print(f"where: {row}", flush=True)
    return rows


if __name__ == "__main__":
    main()
