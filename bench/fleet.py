"""A fleet of stacks on a shared PostgreSQL backend: `pulumi-uac fleet up` at several
concurrencies against one sequential loop of `pulumi up`, all in one run, one Telnyx account
(the emulator, with a real rate window) and one throwaway PostgreSQL 15 cluster.

Per variant: wall seconds, the ratio to the sequential loop, the 429s the account answered, the
requests sent, and PostgreSQL's own execution time (``pg_stat_statements``) as a share of the
wall time. After each: 0 duplicates and 0 orphans are checked (every live connection is held by
exactly one stack's state, and there are exactly stacks x connections of them), then the fleet
is destroyed (not timed). Then every stack at once, with and without the rate reserve the fleet
gives each stack, to show what the reserve does to the 429s. Nothing is asserted beyond the
duplicate and orphan checks; compare within a run.

Usage: python bench/fleet.py [--stacks 20] [--connections 20] [--concurrency 1,4,8]
                             [--rate-limit 600] [--rate-window 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from pulumi_uac.emulator import EmulatorApp, running
from pulumi_uac.emulator.accounting import RateWindow
from tests.conftest import API_KEY, PulumiProject
from tests.postgres import PostgresCluster
from tests.test_fleet import PROGRAM
from tests.test_fleet import fleet as run_fleet


def fleet(proj: PulumiProject, *args: str) -> float:
    started = time.monotonic()
    proc = run_fleet(proj, *args, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"fleet {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return time.monotonic() - started


def check(proj: PulumiProject, admin: httpx.Client, names: list[str], per_stack: int) -> None:
    """0 duplicates and 0 orphans: every live connection held by exactly one stack."""
    live = [c for c in admin.get("state").json()["connections"]]
    held: Counter[str] = Counter()
    for name in names:
        exported = json.loads(proj.run("stack", "export", "--stack", name).stdout)
        for res in exported["deployment"].get("resources") or []:
            if res["type"].endswith("UacConnection") and res.get("id"):
                held[res["id"]] += 1
    ids = [c["id"] for c in live]
    duplicates = len(ids) - len(set(ids)) + sum(v - 1 for v in held.values() if v > 1)
    orphans = len(set(ids) - set(held))
    wanted = len(names) * per_stack
    if duplicates or orphans or len(ids) != wanted:
        raise SystemExit(
            f"check failed: {len(ids)} live (wanted {wanted}), {duplicates} duplicates, "
            f"{orphans} orphans"
        )


def requests(admin: httpx.Client) -> tuple[int, int]:
    snap = admin.get("requests").json()
    throttled = sum(1 for r in snap["requests"] if r["status"] == 429)
    return snap["total"], throttled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stacks", type=int, default=20)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--concurrency", default="1,4,8")
    parser.add_argument("--rate-limit", type=int, default=600)
    parser.add_argument("--rate-window", type=float, default=10.0)
    args = parser.parse_args()
    names = [f"s{i:02d}" for i in range(args.stacks)]
    cluster = PostgresCluster(settings=("shared_preload_libraries=pg_stat_statements",))
    root = Path(tempfile.mkdtemp(prefix="uac-bench-fleet-"))
    rows: list[tuple[str, float, int, int, float]] = []
    try:
        url = cluster.database("fleet")
        cluster.sql("fleet", "CREATE EXTENSION pg_stat_statements")
        app = EmulatorApp(api_key=API_KEY, rate=RateWindow(args.rate_limit, args.rate_window))
        app.store.registration.delay = 0.0
        with running(app) as emu, httpx.Client(base_url=emu.admin_url + "/") as admin:
            proj = PulumiProject(
                root, PROGRAM, name="fleet", base_url=emu.base_url,
                extra_env={"PULUMI_BACKEND_URL": url},
            )  # fmt: skip
            (proj.dir / "fleet.txt").write_text(
                "".join(f"{n} count={args.connections}\n" for n in names)
            )

            def measure(label: str, run: Any) -> None:
                admin.delete("requests")
                cluster.sql("fleet", "SELECT pg_stat_statements_reset()")
                seconds = run()
                db_ms = float(
                    cluster.sql("fleet", "SELECT coalesce(sum(total_exec_time), 0) "
                                "FROM pg_stat_statements").strip() or 0
                )  # fmt: skip
                total, throttled = requests(admin)
                rows.append((label, seconds, total, throttled, db_ms / 1000.0))
                print(f"  {label}: {seconds:.1f}s, {total} requests, {throttled} 429s", flush=True)
                check(proj, admin, names, args.connections)
                fleet(proj, "destroy", "fleet.txt", "--concurrency", "8")

            def sequential() -> float:
                started = time.monotonic()
                for name in names:
                    proj.run("stack", "select", "--create", name)
                    proj.config("count", str(args.connections))
                    proj.run("up", "--yes", "--skip-preview", timeout=3600)
                return time.monotonic() - started

            print(f"{args.stacks} stacks x {args.connections} connections", flush=True)
            measure("sequential `pulumi up` loop", sequential)
            for c in [int(x) for x in args.concurrency.split(",")]:
                measure(
                    f"fleet up --concurrency {c}",
                    lambda c=c: fleet(proj, "up", "fleet.txt", "--concurrency", str(c)),
                )
            n = str(args.stacks)
            measure(
                f"fleet up --concurrency {n} --rate-reserve 0",
                lambda: fleet(proj, "up", "fleet.txt", "--concurrency", n, "--rate-reserve", "0"),
            )
            measure(
                f"fleet up --concurrency {n} (default reserve)",
                lambda: fleet(proj, "up", "fleet.txt", "--concurrency", n),
            )
    finally:
        cluster.stop()
    base = rows[0][1]
    print(
        f"\n{args.stacks} stacks x {args.connections} connections, rate window "
        f"{args.rate_limit} requests / {args.rate_window:g}s, PostgreSQL backend"
    )
    print("| run | wall s | vs sequential | requests | 429s | PostgreSQL s | share |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, seconds, total, throttled, db in rows:
        print(
            f"| {label} | {seconds:.1f} | {base / seconds:.2f}x | {total} | {throttled} | "
            f"{db:.2f} | {100 * db / seconds:.1f}% |"
        )


if __name__ == "__main__":
    main()
