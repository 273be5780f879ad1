"""The command line of ``python -m pulumi_uac.probe``."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import httpx

from ..client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from .asking import Probe, ProbeError, uninterruptible
from .comparing import report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_uac.probe",
        description="ask a real Telnyx account what the documentation leaves open",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--base-url", help=f"API root (default ${BASE_URL_ENV}, else Telnyx)")
    parser.add_argument(
        "--idempotency-wait",
        type=float,
        default=30.0,
        help="seconds before the second replay of an assistant's create (default 30)",
    )
    args = parser.parse_args(argv)
    key = os.environ.get(API_KEY_ENV)
    if not key:
        print(
            f"probe: refusing to run without an explicit key: set {API_KEY_ENV} (it creates "
            "and deletes one connection on that account)",
            file=sys.stderr,
        )
        return 2
    base = (args.base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/") + "/"

    def interrupted(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30
    ) as http:
        probe = Probe(http, idempotency_wait=args.idempotency_wait)
        status = 0
        try:
            findings = probe.run()
        except (ProbeError, httpx.HTTPError, KeyboardInterrupt) as exc:
            print(f"probe: stopped: {str(exc) or type(exc).__name__}", file=sys.stderr)
            findings, status = {}, 1
        finally:
            with uninterruptible():
                problem = probe.clean_up()
            if problem:
                print(f"probe: {problem}; delete it by hand", file=sys.stderr)
                status = 1
    if findings:
        print(json.dumps(findings) if args.json else report(findings))
    return status
