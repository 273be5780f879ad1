"""The native ``OutboundVoiceProfile`` and its lookups, generated from its spec by
``python -m pulumi_uac.resource.codegen``: do not edit by hand."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ...models.outbound_profile_spec import OUTBOUND_VOICE_PROFILE
from ...resource.generated.outbound_voice_profile import (
    GetOutboundVoiceProfileResult,
    OutboundVoiceProfileArgs,
    OutboundVoiceProfileKwargs,
    OutboundVoiceProfileOutputs,
)
from ..base import NativeResource, lookup, lookup_output


class OutboundVoiceProfile(NativeResource, OutboundVoiceProfileOutputs):
    """A Telnyx outbound voice profile: billing and routing of the outbound calls of the connections
    and applications that name it. Managed by the native ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.OutboundVoiceProfile` offers, plus ``pulumi import`` (``pulumi
    import telnyx:index:OutboundVoiceProfile NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, and ``customTimeouts``.
    """

    _spec = OUTBOUND_VOICE_PROFILE
    _args_type = OutboundVoiceProfileArgs

    @overload
    def __init__(
        self,
        resource_name: str,
        args: OutboundVoiceProfileArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        resource_name: str,
        args: None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[OutboundVoiceProfileKwargs],
    ) -> None: ...

    def __init__(
        self,
        resource_name: str,
        args: OutboundVoiceProfileArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        self._register(resource_name, args, opts, kwargs)


def get_outbound_voice_profile(
    id: str | None = None,
    name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetOutboundVoiceProfileResult:
    """Look up one outbound voice profile, by ``id`` or by exact ``name`` (an error when none or
    several match)."""
    return lookup(OUTBOUND_VOICE_PROFILE, GetOutboundVoiceProfileResult, id, name, opts)


def get_outbound_voice_profile_output(
    id: pulumi.Input[str] | None = None,
    name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetOutboundVoiceProfileResult]:
    """:func:`get_outbound_voice_profile` with inputs that may be Outputs."""
    return lookup_output(OUTBOUND_VOICE_PROFILE, GetOutboundVoiceProfileResult, id, name, opts)
