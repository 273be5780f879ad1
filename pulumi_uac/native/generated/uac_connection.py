"""The native ``UacConnection`` and its lookups, generated from its spec by
``python -m pulumi_uac.resource.codegen``: do not edit by hand."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ...models.connection_spec import UAC_CONNECTION
from ...resource.generated.uac_connection import (
    GetUacConnectionResult,
    UacConnectionArgs,
    UacConnectionKwargs,
    UacConnectionOutputs,
)
from ..base import NativeResource, lookup, lookup_output


class UacConnection(NativeResource, UacConnectionOutputs):
    """A Telnyx UAC connection: Telnyx registers **to** your PBX and routes the PBX's calls to a
    Telnyx application through ``internal_uac_settings.destination_uri``. Managed by the native
    ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.UacConnection` offers, plus ``pulumi import`` (``pulumi import
    telnyx:index:UacConnection NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, and ``customTimeouts``.
    """

    _spec = UAC_CONNECTION
    _args_type = UacConnectionArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: UacConnectionArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[UacConnectionKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: UacConnectionArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)


def get_uac_connection(
    id: str | None = None,
    connection_name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetUacConnectionResult:
    """Look up one UAC connection, by ``id`` or by exact ``connection_name`` (an error when none
    or several match)."""
    return lookup(UAC_CONNECTION, GetUacConnectionResult, id, connection_name, opts)


def get_uac_connection_output(
    id: pulumi.Input[str] | None = None,
    connection_name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetUacConnectionResult]:
    """:func:`get_uac_connection` with inputs that may be Outputs."""
    return lookup_output(UAC_CONNECTION, GetUacConnectionResult, id, connection_name, opts)
