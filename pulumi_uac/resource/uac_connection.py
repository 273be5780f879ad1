"""``UacConnection``: a Telnyx UAC (SIP Attach) connection as a Pulumi dynamic resource."""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ..models import UAC_CONNECTION
from ..provider import UacConnectionProvider
from .base import SpecResource
from .declared import UacConnectionOutputs
from .generated.uac_connection import UacConnectionKwargs
from .inputs import UacConnectionArgs

TYPE_TOKEN = UAC_CONNECTION.dynamic_type


class UacConnection(SpecResource, UacConnectionOutputs, module="telnyx", name="UacConnection"):
    """A Telnyx UAC connection: Telnyx registers **to** your PBX and routes the PBX's calls to a
    Telnyx application through ``internal_uac_settings.destination_uri``.

    ## Example Usage

    ```python
    import pulumi
    from pulumi_uac import (
        ExternalUacSettingsArgs, InternalUacSettingsArgs, UacConnection, destinations)

    cfg = pulumi.Config()
    conn = UacConnection(
        "office-pbx",
        connection_name="Office PBX",
        external_uac_settings=ExternalUacSettingsArgs(
            proxy="sip:pbx.example.com:5060", username="telnyx-reg",
            password=cfg.require_secret("pbxPassword"), transport="TCP"),
        internal_uac_settings=InternalUacSettingsArgs(
            destination_uri=destinations.ai_assistant("1006", cfg.require("assistantId"))),
    )
    pulumi.export("fqdn", conn.fqdn)
    ```

    Credentials: ``pulumi config set --secret telnyx:apiKey <KEY>`` (or ``TELNYX_API_KEY``);
    endpoint: ``telnyx:baseUrl`` (or ``TELNYX_BASE_URL``).

    Secrets: ``password`` and ``external_uac_settings.password`` are always secrets, in inputs,
    outputs and state. Both are write-only: Telnyx masks them, so a change made outside Pulumi is
    not detected; change the value in the program to rotate them.

    ## Import

    ``pulumi import`` cannot work for dynamic resources (it does with
    ``pulumi_uac.native.UacConnection``). To take over an existing connection here, set
    ``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and run ``pulumi up``: the
    connection is brought to the program's settings and managed from then on.
    """

    # One provider instance for every resource: it is stateless, and serialized by reference.
    _spec = UAC_CONNECTION
    _args_type = UacConnectionArgs
    _dynamic_provider = UacConnectionProvider()

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
