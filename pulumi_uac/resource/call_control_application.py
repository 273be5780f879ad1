"""``CallControlApplication``: a Telnyx Call Control application as a Pulumi dynamic resource."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ..models import CALL_CONTROL_APPLICATION
from ..provider.call_control_application import CallControlApplicationProvider
from .base import SpecResource
from .generated.call_control_application import (
    CallControlApplicationArgs,
    CallControlApplicationKwargs,
    CallControlApplicationOutputs,
)


class CallControlApplication(
    SpecResource, CallControlApplicationOutputs, module="telnyx", name="CallControlApplication"
):
    """A Telnyx Call Control application: the webhook-driven voice application a UAC
    connection can hand a PBX's calls to.

    ## Example Usage

    ```python
    from pulumi_uac import CallControlApplication, UacConnection, destinations

    app = CallControlApplication("ivr", application_name="PBX IVR",
        webhook_event_url="https://ivr.example.com/telnyx")
    UacConnection("office-pbx", connection_name="Office PBX",
        internal_uac_settings={"destination_uri": destinations.call_control("1006", app.id)})
    ```

    Ownership: Telnyx's create request has no ``tags``, so the provider's ownership mark (and
    the program's ``tags``) are written by an update within the same create; a create whose
    answer was lost is found again by exact name and creation time (a heuristic, and said so).
    """

    _spec = CALL_CONTROL_APPLICATION
    _args_type = CallControlApplicationArgs
    _dynamic_provider = CallControlApplicationProvider()

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
