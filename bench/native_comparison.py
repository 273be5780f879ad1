"""Native plugin, dynamic provider and the official SDK, creating the same N connections with L
seconds added to every API request, in one run on one machine.

Each is reported against its floor N x L / P, where P is how many calls it may make at once:
the engine's --parallel for the native plugin (8 by default), 4 for the dynamic host (its thread
pool), 1 for a sequential script with Telnyx's own SDK. A second figure adds the engine's fixed
cost (`pulumi up` of an empty program) to the floors of the two Pulumi runs. Goals: native at
least 6x faster than the SDK script, and within 1.2x of its floor.

Usage: python bench/native_comparison.py [--count 100] [--latency 0.25] [--parallel 8]
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
import telnyx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pulumi_uac.emulator import EmulatorApp, running
from tests.conftest import PulumiProject

KEY = "bench-key"
PROGRAM = """
import pulumi
from pulumi_uac import UacConnection
for i in range(int(pulumi.Config().get("count") or 0)):
    UacConnection(
        f"c{i}", connection_name=f"bench connection {i}",
        internal_uac_settings={"destination_uri": f"{1000 + i}@assistant-b.sip.telnyx.com"})
"""


def timed(fn: Callable[[], Any]) -> float:
    started = time.monotonic()
    fn()
    return time.monotonic() - started


def pulumi_run(
    base: Path, url: str, mode: str, n: int, parallel: int, admin: httpx.Client, latency: float
) -> tuple[float, float]:
    """(seconds to create n, seconds for an empty program's up)."""
    proj = PulumiProject(base / mode, PROGRAM, base_url=url, api_key=KEY, mode=mode)
    proj.init()
    proj.config("count", "0")
    proj.up()  # warm caches and the plugin
    empty = min(timed(proj.up) for _ in range(2))
    proj.config("count", str(n))
    admin.put("faults", json={"latency_ms": latency * 1000})
    took = timed(lambda: proj.up("--parallel", str(parallel)))
    admin.delete("faults")
    created = len(admin.get("state").json()["connections"])
    assert created == n, created
    proj.destroy()
    return took, empty


def sdk_run(url: str, n: int, admin: httpx.Client, latency: float) -> float:
    client = telnyx.Telnyx(api_key=KEY, base_url=url, max_retries=0)
    admin.put("faults", json={"latency_ms": latency * 1000})

    def script() -> None:
        for i in range(n):
            client.uac_connections.create(
                connection_name=f"bench connection {i}",
                internal_uac_settings={"destination_uri": f"{1000 + i}@assistant-b.sip.telnyx.com"},
            )

    took = timed(script)
    admin.delete("faults")
    for conn in admin.get("state").json()["connections"]:
        client.uac_connections.delete(conn["id"])
    client.close()
    return took


def main() -> list[str]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--latency", type=float, default=0.25)
    ap.add_argument("--parallel", type=int, default=8)
    args = ap.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    n, latency, parallel = args.count, args.latency, args.parallel
    with tempfile.TemporaryDirectory() as tmp, running(EmulatorApp(api_key=KEY)) as server:
        admin = httpx.Client(base_url=server.admin_url + "/")
        native, native_empty = pulumi_run(
            Path(tmp), server.base_url, "native", n, parallel, admin, latency
        )
        dynamic, dynamic_empty = pulumi_run(
            Path(tmp), server.base_url, "dynamic", n, parallel, admin, latency
        )
        sdk = sdk_run(server.base_url, n, admin, latency)
    rows = [f"comparison: N={n} creates, L={latency * 1000:.0f} ms, --parallel {parallel}"]
    rows.append("  run                         time     floor N·L/P   ratio   floor+empty  ratio")
    for name, took, p, empty in (
        (f"native plugin (P={parallel})", native, parallel, native_empty),
        ("dynamic provider (P=4)", dynamic, 4, dynamic_empty),
        ("SDK script, sequential (P=1)", sdk, 1, 0.0),
    ):
        floor = n * latency / p
        rows.append(
            f"  {name:28s} {took:6.2f} s  {floor:6.2f} s     {took / floor:5.2f}   "
            f"{floor + empty:6.2f} s    {took / (floor + empty):5.2f}"
        )
    rows.append(f"  native is {sdk / native:.1f}x faster than the SDK script (goal: 6x)")
    rows.append(f"  native is {dynamic / native:.1f}x faster than the dynamic provider")
    for row in rows:
        print(f"native: {row}")
    return rows


if __name__ == "__main__":
    main()
