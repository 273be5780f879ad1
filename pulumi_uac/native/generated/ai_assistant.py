"""The native ``AiAssistant`` and its lookups, generated from its spec by
``python -m pulumi_uac.resource.codegen``: do not edit by hand."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ...models.assistant_spec import AI_ASSISTANT
from ...resource.generated.ai_assistant import (
    AiAssistantArgs,
    AiAssistantKwargs,
    AiAssistantOutputs,
    GetAiAssistantResult,
)
from ..base import NativeResource, lookup, lookup_output


class AiAssistant(NativeResource, AiAssistantOutputs):
    """A Telnyx AI Assistant: the voice agent a UAC connection can hand a PBX's calls to. Managed by
    the native ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.AiAssistant` offers, plus ``pulumi import`` (``pulumi import
    telnyx:index:AiAssistant NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, and ``customTimeouts``.
    """

    _spec = AI_ASSISTANT
    _args_type = AiAssistantArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: AiAssistantArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[AiAssistantKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: AiAssistantArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)


def get_ai_assistant(
    id: str | None = None,
    name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetAiAssistantResult:
    """Look up one AI Assistant, by ``id`` or by exact ``name`` (an error when none or several
    match)."""
    return lookup(AI_ASSISTANT, GetAiAssistantResult, id, name, opts)


def get_ai_assistant_output(
    id: pulumi.Input[str] | None = None,
    name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetAiAssistantResult]:
    """:func:`get_ai_assistant` with inputs that may be Outputs."""
    return lookup_output(AI_ASSISTANT, GetAiAssistantResult, id, name, opts)
