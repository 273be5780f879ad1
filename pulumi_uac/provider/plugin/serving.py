"""Serving :class:`~.adapter.TelnyxProvider` over gRPC, as ``pulumi-resource-telnyx``: print
the port, then answer the engine until it goes away. The experimental framework's server
appends a Python stack to anything a handler raises; the servicer here answers an expected
failure with its one line (:data:`~.adapter.FAILURE`) instead."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Callable
from typing import Any

import grpc
import grpc.aio
from pulumi.provider.experimental.server import ProviderServicer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from ...version import __version__
from ..engine import EngineLog, EngineWatch
from .adapter import FAILURE, TelnyxProvider
from .components import Component
from .values import with_reference_ids


def _answered_plainly(name: str) -> Callable[..., Any]:
    """The servicer method ``name``, with an expected failure answered as its one line."""
    base = getattr(ProviderServicer, name)

    async def method(self: ProviderServicer, request: Any, context: Any) -> Any:
        token = FAILURE.set(None)
        with_reference_ids(request)
        try:
            return await base(self, request, context)
        except Exception:
            message = FAILURE.get()
            if message is None:
                raise
            await context.abort(grpc.StatusCode.UNKNOWN, message)
        finally:
            FAILURE.reset(token)

    method.__name__ = name
    return method


class Servicer(ProviderServicer):
    """The experimental framework's servicer, minus Python stacks under expected failures."""


for _name in (
    "Configure",
    "Check",
    "Diff",
    "Create",
    "Read",
    "Update",
    "Delete",
    "Invoke",
    "Construct",
):
    setattr(Servicer, _name, _answered_plainly(_name))

_read_plainly = Servicer.Read


async def _read(self: Servicer, request: Any, context: Any) -> Any:
    """A connection that does not exist is answered with no properties at all: the framework
    would send an empty map, which the engine takes for a found resource, so `pulumi import`
    of a wrong id would record a phantom (a refresh works either way)."""
    response = await _read_plainly(self, request, context)
    if response is not None and not response.id:
        return provider_pb2.ReadResponse()
    return response


Servicer.Read = _read  # type: ignore[method-assign]


def main(components: tuple[Component, ...] = ()) -> None:
    """Serve the plugin: print the port, then answer the engine until it goes away.
    ``components`` are the ones it can construct (:mod:`pulumi_uac.native.plugin` passes
    them)."""
    parser = argparse.ArgumentParser(prog="pulumi-resource-telnyx")
    parser.add_argument("engine", nargs="?", help="the Pulumi engine's address")
    parser.add_argument("--version", action="version", version=__version__)
    known, _ = parser.parse_known_args()
    log, watch = EngineLog(known.engine), EngineWatch(known.engine)
    watch.exit_when_gone()
    provider = TelnyxProvider(log, watch, components)

    async def serve() -> None:
        server = grpc.aio.server(options=_GRPC_CHANNEL_OPTIONS)
        servicer = Servicer(sys.argv[1:], __version__, provider, engine_address=known.engine or "")
        provider_pb2_grpc.add_ResourceProviderServicer_to_server(servicer, server)
        port = server.add_insecure_port(address="127.0.0.1:0")
        await server.start()
        sys.stdout.buffer.write(f"{port}\n".encode())
        sys.stdout.buffer.flush()
        await server.wait_for_termination()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())


if __name__ == "__main__":
    main()
