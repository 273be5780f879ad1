"""The native provider's Python surface: the same resources (same Args, inputs and outputs),
served by the ``pulumi-resource-telnyx`` plugin instead of the dynamic host, plus the lookup
functions.

Switching an existing stack is one import line::

    from pulumi_uac.native import UacConnection      # was: from pulumi_uac import UacConnection

Each resource moves to the plugin on the next ``pulumi up`` through an alias to the dynamic
type: no replacement, no API call. The plugin must be installed once (see the README).
"""

from __future__ import annotations

from typing import Any, overload

import pulumi
from typing_extensions import Unpack

from ..models import AI_ASSISTANT, CALL_CONTROL_APPLICATION, OUTBOUND_VOICE_PROFILE, UAC_CONNECTION
from ..resource.generated.ai_assistant import (
    AiAssistantArgs,
    AiAssistantKwargs,
    AiAssistantOutputs,
    BackgroundAudioArgs,
    GetAiAssistantResult,
    InterruptionSettingsArgs,
    PrivacySettingsArgs,
    RecordingSettingsArgs,
    TelephonySettingsArgs,
    TranscriptionSettingsArgs,
    VoiceSettingsArgs,
)
from ..resource.generated.call_control_application import (
    CallControlApplicationArgs,
    CallControlApplicationKwargs,
    CallControlApplicationOutputs,
    CallControlInboundArgs,
    CallControlOutboundArgs,
    GetCallControlApplicationResult,
)
from ..resource.generated.outbound_voice_profile import (
    CallingWindowArgs,
    GetOutboundVoiceProfileResult,
    OutboundCallRecordingArgs,
    OutboundVoiceProfileArgs,
    OutboundVoiceProfileKwargs,
    OutboundVoiceProfileOutputs,
)
from ..resource.generated.uac_connection import (
    GetUacConnectionResult,
    UacConnectionKwargs,
    UacConnectionOutputs,
)
from ..resource.inputs import (
    ExternalUacSettingsArgs,
    InboundArgs,
    InternalUacSettingsArgs,
    JitterBufferArgs,
    NoiseSuppressionDetailsArgs,
    OutboundArgs,
    RtcpSettingsArgs,
    UacConnectionArgs,
)
from ..resource.props import wire_names
from ..resource.results import LookupResult
from ..resource.sip_attach import SipAttach as _SipAttach
from ..resource.sip_attach import SipAttachExtensionArgs, SipAttachPbxArgs
from .base import NativeResource, invoke, lookup, lookup_output, lookup_token

TYPE_TOKEN = UAC_CONNECTION.native_type
GET_CONNECTION = lookup_token(UAC_CONNECTION)
GET_REGISTRATION = "telnyx:index:getRegistrationStatus"

__all__ = [
    "TYPE_TOKEN",
    "AiAssistant",
    "AiAssistantArgs",
    "BackgroundAudioArgs",
    "CallControlApplication",
    "CallControlApplicationArgs",
    "CallControlInboundArgs",
    "CallControlOutboundArgs",
    "CallingWindowArgs",
    "ExternalUacSettingsArgs",
    "GetAiAssistantResult",
    "GetCallControlApplicationResult",
    "GetOutboundVoiceProfileResult",
    "GetRegistrationStatusResult",
    "GetUacConnectionResult",
    "InboundArgs",
    "InternalUacSettingsArgs",
    "InterruptionSettingsArgs",
    "JitterBufferArgs",
    "NoiseSuppressionDetailsArgs",
    "OutboundArgs",
    "OutboundCallRecordingArgs",
    "OutboundVoiceProfile",
    "OutboundVoiceProfileArgs",
    "PrivacySettingsArgs",
    "RecordingSettingsArgs",
    "RtcpSettingsArgs",
    "SipAttach",
    "SipAttachExtensionArgs",
    "SipAttachPbxArgs",
    "TelephonySettingsArgs",
    "TranscriptionSettingsArgs",
    "UacConnection",
    "UacConnectionArgs",
    "VoiceSettingsArgs",
    "get_ai_assistant",
    "get_ai_assistant_output",
    "get_call_control_application",
    "get_call_control_application_output",
    "get_outbound_voice_profile",
    "get_outbound_voice_profile_output",
    "get_registration_status",
    "get_registration_status_output",
    "get_uac_connection",
    "get_uac_connection_output",
]


class UacConnection(NativeResource, UacConnectionOutputs):
    """A Telnyx UAC connection, managed by the native ``telnyx`` provider plugin.

    Everything :class:`pulumi_uac.UacConnection` offers, plus: ``pulumi import``
    (``pulumi import telnyx:index:UacConnection NAME ID --generate-code=false``) and
    ``ResourceOptions(import_=ID)``, previews that name the changed properties and why a change
    replaces, ``customTimeouts`` bounding the registration wait, and no limit of four calls at
    once.

    ## Example Usage

    ```python
    from pulumi_uac.native import UacConnection

    conn = UacConnection("office-pbx", connection_name="Office PBX",
        internal_uac_settings={"destination_uri": "1006@assistant-abc.sip.telnyx.com"})
    ```
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


class CallControlApplication(NativeResource, CallControlApplicationOutputs):
    """A Telnyx Call Control application, managed by the native ``telnyx`` provider plugin
    (``pulumi import telnyx:index:CallControlApplication NAME ID``)."""

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


class AiAssistant(NativeResource, AiAssistantOutputs):
    """A Telnyx AI Assistant, managed by the native ``telnyx`` provider plugin
    (``pulumi import telnyx:index:AiAssistant NAME ID``). See :class:`pulumi_uac.AiAssistant`."""

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


class OutboundVoiceProfile(NativeResource, OutboundVoiceProfileOutputs):
    """A Telnyx outbound voice profile, managed by the native ``telnyx`` provider plugin
    (``pulumi import telnyx:index:OutboundVoiceProfile NAME ID``)."""

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


class GetRegistrationStatusResult(LookupResult):
    """Telnyx's registration to the connection's PBX, right now."""

    record_type: str | None
    status: str | None
    """``Not Applicable``, ``Not Registered``, ``Failed``, ``Expired``, ``Registered`` or
    ``Unregistered``."""
    sip_username: str | None
    ip_address: str | None
    port: int | None
    transport: str | None
    user_agent: str | None
    last_registration: str | None


def _snake(answer: Any) -> Any:
    return wire_names(UAC_CONNECTION).snake(answer)


def get_uac_connection(
    id: str | None = None,
    connection_name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetUacConnectionResult:
    """Look up one UAC connection, by ``id`` or by exact ``connection_name`` (an error when none or
    several match)."""
    return lookup(UAC_CONNECTION, GetUacConnectionResult, id, connection_name, opts)


def get_uac_connection_output(
    id: pulumi.Input[str] | None = None,
    connection_name: pulumi.Input[str] | None = None,
    opts: pulumi.InvokeOutputOptions | None = None,
) -> pulumi.Output[GetUacConnectionResult]:
    """:func:`get_uac_connection` with inputs that may be Outputs."""
    return lookup_output(UAC_CONNECTION, GetUacConnectionResult, id, connection_name, opts)


def get_call_control_application(
    id: str | None = None,
    application_name: str | None = None,
    opts: pulumi.InvokeOptions | None = None,
) -> GetCallControlApplicationResult:
    """Look up one Call Control application, by ``id`` or by exact ``application_name`` (an
    error when none or several match)."""
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


class SipAttach(_SipAttach):
    """:class:`pulumi_uac.SipAttach` whose connections are the native plugin's (same type
    token: a stack moves between the families with no replacement, through the connections'
    aliases)."""

    _connection_class = UacConnection


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


def get_registration_status(
    id: str, opts: pulumi.InvokeOptions | None = None
) -> GetRegistrationStatusResult:
    """Telnyx's registration to the connection's PBX, right now."""
    return GetRegistrationStatusResult(_snake(invoke(GET_REGISTRATION, {"id": id}, opts)))


def get_registration_status_output(
    id: pulumi.Input[str], opts: pulumi.InvokeOutputOptions | None = None
) -> pulumi.Output[GetRegistrationStatusResult]:
    """:func:`get_registration_status` with an id that may be an Output."""
    return pulumi.runtime.invoke_output(GET_REGISTRATION, {"id": id}, opts).apply(
        lambda answer: GetRegistrationStatusResult(_snake(answer))
    )
