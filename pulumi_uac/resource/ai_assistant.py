"""``AiAssistant``: a Telnyx AI Assistant as a Pulumi dynamic resource."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ..models import AI_ASSISTANT
from ..provider.ai_assistant import AiAssistantProvider
from .base import SpecResource
from .generated.ai_assistant import AiAssistantArgs, AiAssistantKwargs, AiAssistantOutputs


class AiAssistant(SpecResource, AiAssistantOutputs, module="telnyx", name="AiAssistant"):
    """A Telnyx AI Assistant: the voice agent a UAC connection can hand a PBX's calls to.

    ## Example Usage

    ```python
    from pulumi_uac import AiAssistant, UacConnection, destinations

    agent = AiAssistant("front-desk", name="Front desk",
        instructions="You answer calls for Example Ltd. Be brief.",
        voice_settings={"voice": "Telnyx.KokoroTTS.af_heart"})
    UacConnection("office-pbx", connection_name="Office PBX",
        internal_uac_settings={"destination_uri": destinations.ai_assistant("1006", agent.id)})
    ```

    Creates carry an ``Idempotency-Key`` made from the create's ownership mark. Every update
    is promoted to the assistant's main version (Telnyx's default), and ``destroy`` deletes
    for good (``hard_delete``): use ``retain_on_delete`` to keep one. A change of ``tags``
    alone (and every ownership mark on an existing assistant) goes through the assistant's
    tag endpoints, so it mints no version.
    """

    _spec = AI_ASSISTANT
    _args_type = AiAssistantArgs
    _dynamic_provider = AiAssistantProvider()

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
