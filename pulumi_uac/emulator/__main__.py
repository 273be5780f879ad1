"""``python -m pulumi_uac.emulator`` / ``pulumi-uac-emulator``: run the emulator until a signal.

The first line on stdout is the base URL (ending in ``/v2``), printed once the socket accepts
connections, so scripts can read it: ``URL=$(pulumi-uac-emulator --port 0 | head -1)``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import Any

from .accounting import RateWindow
from .app import EmulatorApp
from .connection_shape import NESTED_PATCH_MODES
from .faults import FailRule, FaultConfig, Faults
from .registration import RegistrationSettings
from .server import EmulatorServer
from .store import EmulatorStore

DEFAULT_API_KEY = "emulator-key"


def _fail_rule(text: str) -> FailRule:
    """``"POST /v2/uac_connections=503x2"``, optionally ``...=dropx1`` or ``...=503x1,after``."""
    route, _, spec = text.rpartition("=")
    if not route:
        raise argparse.ArgumentTypeError(f"expected ROUTE=STATUSxCOUNT, got {text!r}")
    spec, _, flag = spec.partition(",")
    status, _, count = spec.partition("x")
    drop = status == "drop"
    try:
        return FailRule.from_json(
            {
                "route": route,
                "status": 503 if drop else int(status),
                "count": int(count or 1),
                "drop": drop,
                "after_commit": flag == "after",
            }
        )
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bad fail rule {text!r}: {exc}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pulumi-uac-emulator",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one")
    p.add_argument(
        "--api-key",
        default=None,
        help=f"accepted Bearer key (default: $TELNYX_API_KEY, else {DEFAULT_API_KEY!r})",
    )
    p.add_argument("--state", metavar="PATH", help="persist connections to this JSON file")
    p.add_argument("--seed", type=int, default=0, help="seed for ids and random faults")
    p.add_argument(
        "--no-masking",
        action="store_true",
        help="return passwords in full (accounts created before 2026-09-08)",
    )
    p.add_argument(
        "--nested-patch",
        choices=NESTED_PATCH_MODES,
        default="replace",
        help="how a PATCH treats a nested object: 'replace' it (keys left out go back to their "
        "defaults; the default, because it is the stricter reading) or 'merge' key by key",
    )
    p.add_argument(
        "--strict-fields",
        action="store_true",
        help="answer 422 to unknown request fields instead of ignoring them (and logging them)",
    )
    p.add_argument(
        "--rate-limit",
        type=int,
        default=10_000,
        metavar="N",
        help="requests allowed per window (announced in x-ratelimit-*; default 10000)",
    )
    p.add_argument(
        "--rate-window", type=float, default=60.0, metavar="SECONDS", help="rate window (60)"
    )
    g = p.add_argument_group("registration")
    g.add_argument(
        "--registration-delay",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help="time from complete external settings to Registered (default 0.5)",
    )
    g.add_argument(
        "--fail-proxy",
        action="append",
        default=[],
        metavar="GLOB",
        help="proxies matching this glob end Failed (repeatable), e.g. '*.reject.example'",
    )
    g.add_argument(
        "--silent-proxy",
        action="append",
        default=[],
        metavar="GLOB",
        help="proxies matching this glob never register (repeatable)",
    )
    g.add_argument(
        "--expiring-proxy",
        action="append",
        default=[],
        metavar="GLOB",
        help="proxies matching this glob register, then stop answering: Expired (repeatable)",
    )
    f = p.add_argument_group("faults")
    f.add_argument("--latency-ms", type=float, default=0.0, help="latency added to every /v2 call")
    f.add_argument("--latency-jitter-ms", type=float, default=0.0, help="extra random latency")
    f.add_argument("--error-rate", type=float, default=0.0, help="probability of a 503")
    f.add_argument(
        "--drop-rate",
        type=float,
        default=0.0,
        help="probability of closing the connection without an answer, before acting",
    )
    f.add_argument(
        "--drop-after-rate",
        type=float,
        default=0.0,
        help="probability of acting, then closing the connection without an answer",
    )
    f.add_argument("--rate-limit-rate", type=float, default=0.0, help="probability of a 429")
    f.add_argument("--rate-limit-burst", type=int, default=0, help="answer the next N calls 429")
    f.add_argument(
        "--storm-seconds", type=float, default=0.0, help="answer every call 429 for this long"
    )
    f.add_argument("--retry-after", type=float, default=1.0, help="seconds announced by 429s")
    f.add_argument(
        "--retry-after-share",
        type=float,
        default=1.0,
        help="share of injected 429s that carry Retry-After (the rest: x-ratelimit-reset only)",
    )
    f.add_argument(
        "--fail-next",
        action="append",
        default=[],
        type=_fail_rule,
        metavar="ROUTE=STATUSxN",
        help="fail the next N calls matching ROUTE (a glob of 'METHOD /path'), e.g. "
        "'POST /v2/uac_connections=503x2'; 'drop' for STATUS closes the "
        "connection; append ',after' to fail after the change is made",
    )
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return p


def build_app(args: argparse.Namespace) -> EmulatorApp:
    store = EmulatorStore(
        args.state,
        seed=args.seed,
        registration=RegistrationSettings(
            args.registration_delay, args.fail_proxy, args.silent_proxy, args.expiring_proxy
        ),
        nested_patch=args.nested_patch,
    )
    store.masking = not args.no_masking
    faults = Faults(
        FaultConfig(
            seed=args.seed,
            latency_ms=args.latency_ms,
            latency_jitter_ms=args.latency_jitter_ms,
            error_rate=args.error_rate,
            drop_rate=args.drop_rate,
            drop_after_rate=args.drop_after_rate,
            rate_limit_rate=args.rate_limit_rate,
            rate_limit_burst=args.rate_limit_burst,
            storm_seconds=args.storm_seconds,
            retry_after=args.retry_after,
            retry_after_share=args.retry_after_share,
            fail_next=list(args.fail_next),
        )
    )
    key = args.api_key or os.environ.get("TELNYX_API_KEY") or DEFAULT_API_KEY
    return EmulatorApp(
        api_key=key,
        store=store,
        faults=faults,
        strict_fields=args.strict_fields,
        rate=RateWindow(args.rate_limit, args.rate_window),
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    server = EmulatorServer(build_app(args), args.host, args.port, verbose=args.verbose)

    def stop(_signum: int, _frame: Any) -> None:
        # shutdown() waits for serve_forever to return, so it must run off the serving thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(server.base_url, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
