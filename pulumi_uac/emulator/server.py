"""The emulator on a real HTTP socket (standard library only), and an in-process helper."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .app import EmulatorApp
from .wire import Request


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 keeps connections alive, so a client's pool is reused as it would be with Telnyx.
    protocol_version = "HTTP/1.1"
    # Headers and body are separate writes; with Nagle's algorithm on, a keep-alive client waits
    # for the delayed ACK (about 40 ms) on every request.
    disable_nagle_algorithm = True
    server_version = "telnyx-uac-emulator"
    sys_version = ""
    server: EmulatorServer

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        req = Request(
            method=self.command,
            path=path,
            query=query,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            client_ip=self.client_address[0],
        )
        counted = path.startswith("/v2/")
        if counted:
            self.server.app.log.begin()
        try:
            self._answer(req)
        finally:
            if counted:
                self.server.app.log.end()

    def _answer(self, req: Request) -> None:
        resp = self.server.app.handle(req)
        if resp.latency:
            time.sleep(resp.latency)
        if resp.drop:
            # Close without a status line: the client sees the connection reset mid-request.
            self.close_connection = True
            with suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        payload = resp.encoded()
        self.send_response(resp.status)
        if resp.body is not None:
            self.send_header("Content-Type", "application/json")
        for key, value in resp.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header comes from the emulator's clock, as created_at does: the client reads
        # Telnyx's clock off it.
        return super().date_time_string(
            self.server.app.store.clock() if timestamp is None else timestamp
        )

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = do_HEAD = do_OPTIONS = _serve

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class EmulatorServer(ThreadingHTTPServer):
    """A threading HTTP server (one thread per connection) serving an :class:`EmulatorApp`."""

    daemon_threads = True
    allow_reuse_address = True
    # Room for bursts of parallel clients (benchmarks open hundreds of connections at once).
    request_queue_size = 512

    def __init__(
        self, app: EmulatorApp, host: str = "127.0.0.1", port: int = 0, verbose: bool = False
    ) -> None:
        self.app = app
        self.verbose = verbose
        super().__init__((host, port), _Handler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/v2"

    @property
    def admin_url(self) -> str:
        return self.base_url[: -len("/v2")] + "/_emulator"


@contextmanager
def running(
    app: EmulatorApp | None = None,
    *,
    api_key: str = "test-key",
    host: str = "127.0.0.1",
    port: int = 0,
) -> Iterator[EmulatorServer]:
    """Serve ``app`` (a fresh in-memory one by default) on a free port in a background thread::

    with running() as server:
        client = TelnyxClient.from_env(api_key="test-key", base_url=server.base_url)
    """
    server = EmulatorServer(app or EmulatorApp(api_key=api_key), host, port)
    # shutdown() waits for the loop's next poll: 0.5 s by default, at the end of every test.
    thread = threading.Thread(
        target=server.serve_forever, args=(0.02,), name="telnyx-emulator", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
