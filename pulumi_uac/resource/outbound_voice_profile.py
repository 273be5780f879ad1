"""``OutboundVoiceProfile``: a Telnyx outbound voice profile as a Pulumi dynamic resource."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ..models import OUTBOUND_VOICE_PROFILE
from ..provider.outbound_voice_profile import OutboundVoiceProfileProvider
from .base import SpecResource
from .generated.outbound_voice_profile import (
    OutboundVoiceProfileArgs,
    OutboundVoiceProfileKwargs,
    OutboundVoiceProfileOutputs,
)


class OutboundVoiceProfile(
    SpecResource, OutboundVoiceProfileOutputs, module="telnyx", name="OutboundVoiceProfile"
):
    """A Telnyx outbound voice profile: billing and routing of the outbound calls of the
    connections and Call Control applications that name it.

    ## Example Usage

    ```python
    from pulumi_uac import CallControlApplication, OutboundVoiceProfile

    profile = OutboundVoiceProfile("outbound", name="PBX outbound",
        whitelisted_destinations=["US", "CA"], max_destination_rate=0.5)
    CallControlApplication("ivr", application_name="PBX IVR",
        webhook_event_url="https://ivr.example.com/telnyx",
        outbound={"outbound_voice_profile_id": profile.id})
    ```
    """

    _spec = OUTBOUND_VOICE_PROFILE
    _args_type = OutboundVoiceProfileArgs
    _dynamic_provider = OutboundVoiceProfileProvider()

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
