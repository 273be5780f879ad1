"""The native ``CallControlApplication`` and its lookups, generated from its spec by
``python -m pulumi_uac.resource.codegen``: do not edit by hand."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ...models.call_control_spec import CALL_CONTROL_APPLICATION
from ...resource.generated.call_control_application import (
    CallControlApplicationArgs,
    CallControlApplicationKwargs,
    CallControlApplicationOutputs,
    GetCallControlApplicationResult,
)
from ..base import NativeResource, lookup, lookup_output


class CallControlApplication(NativeResource, CallControlApplicationOutputs):
    """A Telnyx Call Control application: the webhook-driven voice application a UAC connection can
    hand a PBX's calls to. Managed by the native ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.CallControlApplication` offers, plus ``pulumi import``
    (``pulumi import telnyx:index:CallControlApplication NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, and ``customTimeouts``.
    """

    _spec = CALL_CONTROL_APPLICATION
    _args_type = CallControlApplicationArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: CallControlApplicationArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[CallControlApplicationKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: CallControlApplicationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)


def get_call_control_application(
    id: str | None = None,
    application_name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetCallControlApplicationResult:
    """Look up one Call Control application, by ``id`` or by exact ``application_name`` (an error
    when none or several match)."""
    return lookup(
        CALL_CONTROL_APPLICATION, GetCallControlApplicationResult, id, application_name, opts
    )


def get_call_control_application_output(
    id: pulumi.Input[str] | None = None,
    application_name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetCallControlApplicationResult]:
    """:func:`get_call_control_application` with inputs that may be Outputs."""
    return lookup_output(
        CALL_CONTROL_APPLICATION, GetCallControlApplicationResult, id, application_name, opts
    )
