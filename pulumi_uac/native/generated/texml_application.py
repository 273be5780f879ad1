"""The native ``TexmlApplication`` and its lookups, generated from its spec by
``python -m pulumi_uac.resource.codegen``: do not edit by hand."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ...models.texml_application_spec import TEXML_APPLICATION
from ...resource.generated.texml_application import (
    GetTexmlApplicationResult,
    TexmlApplicationArgs,
    TexmlApplicationKwargs,
    TexmlApplicationOutputs,
)
from ..base import NativeResource, lookup, lookup_output


class TexmlApplication(NativeResource, TexmlApplicationOutputs):
    """A Telnyx TeXML application: calls driven by TwiML-style XML that Telnyx fetches from your
    ``voice_url``; a UAC connection can hand a PBX's calls to one. Managed by the native
    ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.TexmlApplication` offers, plus ``pulumi import`` (``pulumi
    import telnyx:index:TexmlApplication NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, and ``customTimeouts``.
    """

    _spec = TEXML_APPLICATION
    _args_type = TexmlApplicationArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: TexmlApplicationArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[TexmlApplicationKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: TexmlApplicationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)


def get_texml_application(
    id: str | None = None,
    friendly_name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetTexmlApplicationResult:
    """Look up one TeXML application, by ``id`` or by exact ``friendly_name`` (an error when none
    or several match)."""
    return lookup(TEXML_APPLICATION, GetTexmlApplicationResult, id, friendly_name, opts)


def get_texml_application_output(
    id: pulumi.Input[str] | None = None,
    friendly_name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetTexmlApplicationResult]:
    """:func:`get_texml_application` with inputs that may be Outputs."""
    return lookup_output(TEXML_APPLICATION, GetTexmlApplicationResult, id, friendly_name, opts)
