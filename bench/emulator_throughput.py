"""Emulator throughput on loopback: create+get pairs per second, from several client threads
with keep-alive connections, against a separate emulator process.

Baseline, measured in the same run against the same server: GET /_emulator/health, which goes
through the same HTTP stack but touches no data. The ratio shows what the API work itself costs.
Usage: python bench/emulator_throughput.py [--seconds 5] [--threads 8]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import httpx

KEY = "bench-key"


def start_emulator() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pulumi_uac.emulator", "--port", "0", "--api-key", KEY],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def measure(threads: int, seconds: float, work: Callable[[httpx.Client, int], int]) -> float:
    """Requests per second while `threads` clients run `work` in a loop for `seconds`."""
    done = [0] * threads
    stop = time.monotonic() + seconds

    def loop(i: int) -> None:
        with httpx.Client(headers={"Authorization": f"Bearer {KEY}"}, timeout=30) as c:
            n = 0
            while time.monotonic() < stop:
                done[i] += work(c, n)
                n += 1

    started = time.monotonic()
    pool = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return sum(done) / (time.monotonic() - started)


def main() -> dict[str, float]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--threads", type=int, default=8)
    args = ap.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    proc, url = start_emulator()
    admin = url[: -len("/v2")] + "/_emulator"
    try:

        def health(c: httpx.Client, _n: int) -> int:
            c.get(f"{admin}/health").raise_for_status()
            return 1

        def create_get(c: httpx.Client, n: int) -> int:
            r = c.post(f"{url}/uac_connections", json={"connection_name": f"bench-{n}"})
            r.raise_for_status()
            c.get(f"{url}/uac_connections/{r.json()['data']['id']}").raise_for_status()
            return 2

        baseline = measure(args.threads, args.seconds, health)
        api = measure(args.threads, args.seconds, create_get)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"emulator: baseline GET /_emulator/health     {baseline:8.0f} req/s")
    print(
        f"emulator: POST+GET /v2/uac_connections pairs {api:8.0f} req/s "
        f"({api / 2:.0f} create+get pairs/s)"
    )
    print(f"emulator: ratio API / baseline               {api / baseline:8.2f}")
    return {"baseline_rps": baseline, "api_rps": api, "ratio": api / baseline}


if __name__ == "__main__":
    main()
