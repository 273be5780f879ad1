"""What `pulumi up` costs with UacConnection, measured against the engine itself.

Baselines (same run, same machine): `pulumi up` of an empty program, and `pulumi up` creating the
same N connections with no added latency. Then:
- N connections created with L seconds of added latency per API request; the target is at most
  the empty baseline plus about N x (requests per create) x L / 4 (the provider host runs 4
  calls at once). Two ratios are printed: against that target, and the latency-attributable
  time (L run minus zero-latency run) against N x requests x L / 4, which isolates concurrency
  from the fixed cost of starting the provider process (<= ~1 meets it);
- a no-change preview and a no-change up: API calls counted (the target is zero).
Usage: python bench/provider_scaling.py [--count 16] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pulumi_uac.emulator import EmulatorApp, running
from tests.conftest import PulumiProject

KEY = "bench-key"
REQUESTS_PER_CREATE = 2  # list by name (crash safety) + POST

PROGRAM = """
import pulumi
from pulumi_uac import UacConnection
for i in range(int(pulumi.Config().get("count") or 0)):
    UacConnection(
        f"c{i}", connection_name=f"bench connection {i}",
        internal_uac_settings={"destination_uri": f"{1000 + i}@assistant-b.sip.telnyx.com"})
"""


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    fn()
    return time.monotonic() - started


def main() -> dict[str, float]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=16)
    ap.add_argument("--latency", type=float, default=0.2)
    args = ap.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    n, latency = args.count, args.latency
    with tempfile.TemporaryDirectory() as tmp, running(EmulatorApp(api_key=KEY)) as server:
        admin = httpx.Client(base_url=server.admin_url + "/")
        proj = PulumiProject(Path(tmp), PROGRAM, base_url=server.base_url, api_key=KEY)
        proj.init()
        proj.config("count", "0")
        proj.up()  # warm the engine and plugin caches once
        empty = min(timed(proj.up) for _ in range(2))
        proj.config("count", str(n))
        create_zero = timed(proj.up)
        proj.config("count", "0")
        proj.up()
        admin.put("faults", json={"latency_ms": latency * 1000})
        proj.config("count", str(n))
        create = timed(proj.up)
        created = len(admin.get("state").json()["connections"])
        admin.delete("requests")
        preview = timed(lambda: proj.preview("--expect-no-changes"))
        noop_up = timed(lambda: proj.run("up", "--yes", "--expect-no-changes"))
        calls = admin.get("requests").json()["total"]
        admin.put("faults", json={"latency_ms": 0})
        proj.destroy()
    budget = empty + n * REQUESTS_PER_CREATE * latency / 4
    print(f"provider: baseline `pulumi up` of an empty program   {empty:6.2f} s")
    print(
        f"provider: `pulumi up` creating {n} connections, L={latency * 1000:.0f} ms "
        f"{create:6.2f} s ({created} created)"
    )
    print(f"provider: target empty + N x {REQUESTS_PER_CREATE} x L / 4             {budget:6.2f} s")
    print(
        f"provider: ratio (create - empty) / (N x {REQUESTS_PER_CREATE} x L / 4)       "
        f"{(create - empty) / (budget - empty):6.2f}"
    )
    print(f"provider: ratio create / target                      {create / budget:6.2f}")
    print(f"provider: same {n} creates with no added latency      {create_zero:6.2f} s")
    latency_part = n * REQUESTS_PER_CREATE * latency / 4
    print(
        f"provider: ratio (create - zero-latency create) / (N x {REQUESTS_PER_CREATE} x L / 4) "
        f"{(create - create_zero) / latency_part:6.2f}"
    )
    print(
        f"provider: no-change preview {preview:.2f} s and no-change up {noop_up:.2f} s made "
        f"{calls} API calls"
    )
    return {
        "empty": empty,
        "create": create,
        "create_zero": create_zero,
        "budget": budget,
        "noop_calls": calls,
    }


if __name__ == "__main__":
    main()
