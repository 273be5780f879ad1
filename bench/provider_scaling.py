"""What `pulumi up`, `refresh` and `destroy` cost with UacConnection, against floors measured in
the same run.

1. Latency: N connections (default 40) with L seconds (default 0.2) added to every API request.
   Each operation makes one request per connection and the dynamic host runs 4 calls at once, so
   its floor is the same operation on an empty stack plus N x L / 4. Printed: time, floor, ratio
   (goal: at most 1.15).
2. Scaling, no added latency: one stack grown 50 -> 100 -> 200 -> 400, and the same growth of a
   stack of no-op dynamic resources (same engine, same host, a provider that does nothing). The
   no-op cost per create is the engine's share; the difference is ours, which should stay flat in
   N.
3. A no-change preview and a no-change up: API calls counted (goal: zero).

Usage: python bench/provider_scaling.py [--count 40] [--latency 0.2] [--sizes 50,100,200,400]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pulumi_uac.emulator import EmulatorApp, running
from tests.conftest import PulumiProject

KEY = "bench-key"
CONCURRENCY = 4  # the Python dynamic-provider host's thread pool

PROGRAM = """
import pulumi
from pulumi_uac import UacConnection
for i in range(int(pulumi.Config().get("count") or 0)):
    UacConnection(
        f"c{i}", connection_name=f"bench connection {i}",
        internal_uac_settings={"destination_uri": f"{1000 + i}@assistant-b.sip.telnyx.com"})
"""
NOOP_PROVIDER = """
import uuid
from pulumi.dynamic import CreateResult, ResourceProvider

class Noop(ResourceProvider):
    def create(self, props):
        return CreateResult(str(uuid.uuid4()), dict(props))
"""
NOOP_PROGRAM = """
import pulumi
from pulumi.dynamic import Resource
from noop_provider import Noop

class NoopResource(Resource, module="bench", name="Noop"):
    pass

for i in range(int(pulumi.Config().get("count") or 0)):
    NoopResource(Noop(), f"c{i}", {
        "connection_name": f"bench connection {i}",
        "internal_uac_settings": {"destination_uri": f"{1000 + i}@assistant-b.sip.telnyx.com"}})
"""


def timed(fn: Callable[[], Any]) -> float:
    started = time.monotonic()
    fn()
    return time.monotonic() - started


def operation_times(proj: PulumiProject, n: int, during: Callable[[], Any]) -> dict[str, float]:
    """Seconds for up (creating n), refresh and destroy; ``during`` runs before each."""
    proj.config("count", str(n))
    took = {}
    for op, run in (("up", proj.up), ("refresh", proj.refresh), ("destroy", proj.destroy)):
        during()
        took[op] = timed(run)
    return took


def latency_rows(base: Path, url: str, admin: httpx.Client, n: int, latency: float) -> list[str]:
    proj = PulumiProject(base / "latency", PROGRAM, base_url=url, api_key=KEY)
    proj.init()
    proj.config("count", "0")
    proj.up()  # warm the engine and plugin caches once
    empty = {
        "up": min(timed(proj.up) for _ in range(2)),
        "refresh": min(timed(proj.refresh) for _ in range(2)),
        "destroy": min(timed(proj.destroy) for _ in range(2)),
    }
    # The engine's own cost per resource: the same stack of no-op dynamic resources, no latency.
    noop = PulumiProject(base / "latency-noop", NOOP_PROGRAM, base_url=url, api_key=KEY)
    (noop.dir / "noop_provider.py").write_text(NOOP_PROVIDER)
    noop.init()
    noop.config("count", "0")
    noop.up()
    engine = operation_times(noop, n, lambda: None)

    def slow() -> None:
        admin.put("faults", json={"latency_ms": latency * 1000})

    proj.config("count", "0")
    took = operation_times(proj, n, slow)
    admin.delete("faults")
    proj.config("count", str(n))
    proj.up()
    admin.delete("requests")
    preview = timed(lambda: proj.preview("--expect-no-changes"))
    noop_up = timed(lambda: proj.run("up", "--yes", "--expect-no-changes"))
    calls = admin.get("requests").json()["total"]
    proj.destroy()
    rows = [
        f"latency: N={n}, L={latency * 1000:.0f} ms; floor = empty stack + N x L / 4; "
        "engine floor = the same stack of no-op resources (no latency) + N x L / 4"
    ]
    for op in ("up", "refresh", "destroy"):
        floor = empty[op] + n * latency / CONCURRENCY
        engine_floor = engine[op] + n * latency / CONCURRENCY
        rows.append(
            f"  {op:8s} {took[op]:6.2f} s   floor {floor:6.2f} s  ratio {took[op] / floor:5.2f}"
            f"   engine floor {engine_floor:6.2f} s  ratio {took[op] / engine_floor:5.2f}"
        )
    rows.append(
        f"  no-change preview {preview:.2f} s and no-change up {noop_up:.2f} s: {calls} API calls"
    )
    return rows


def growth(proj: PulumiProject, sizes: list[int]) -> list[float]:
    """Seconds per create of each growth step (e.g. 0 -> 50, 50 -> 100, ...)."""
    proj.init()
    proj.config("count", "0")
    proj.up()
    per_create, before = [], 0
    for size in sizes:
        proj.config("count", str(size))
        per_create.append(timed(proj.up) / (size - before))
        before = size
    proj.destroy()
    return per_create


def scaling_rows(base: Path, url: str, sizes: list[int]) -> list[str]:
    ours = growth(PulumiProject(base / "ours", PROGRAM, base_url=url, api_key=KEY), sizes)
    noop_proj = PulumiProject(base / "noop", NOOP_PROGRAM, base_url=url, api_key=KEY)
    (noop_proj.dir / "noop_provider.py").write_text(NOOP_PROVIDER)
    engine = growth(noop_proj, sizes)
    rows = ["scaling (no added latency): ms per create while the stack grows"]
    rows.append("  stack size   UacConnection   no-op resource (engine)   ours (difference)")
    previous = 0
    for size, mine, theirs in zip(sizes, ours, engine, strict=True):
        rows.append(
            f"  {previous:>4} -> {size:<4}  {mine * 1000:9.1f}       {theirs * 1000:9.1f}"
            f"                 {(mine - theirs) * 1000:7.1f}"
        )
        previous = size
    return rows


def main() -> list[str]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--sizes", default="50,100,200,400")
    args = ap.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp, running(EmulatorApp(api_key=KEY)) as server:
        admin = httpx.Client(base_url=server.admin_url + "/")
        rows = latency_rows(Path(tmp), server.base_url, admin, args.count, args.latency)
        for row in rows:
            print(f"provider: {row}", flush=True)
        if sizes:
            more = scaling_rows(Path(tmp), server.base_url, sizes)
            for row in more:
                print(f"provider: {row}", flush=True)
            rows += more
    return rows


if __name__ == "__main__":
    main()
