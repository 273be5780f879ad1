"""The Telnyx API contract as pydantic models, and each resource's spec. No Pulumi imports
here."""

from .assistant import (
    AiAssistant,
    AiAssistantCreateParams,
    AiAssistantUpdateParams,
    BackgroundAudio,
    InterruptionSettings,
    PrivacySettings,
    RecordingSettings,
    TelephonySettings,
    TranscriptionSettings,
    VoiceSettings,
)
from .assistant_spec import AI_ASSISTANT
from .call_control import (
    CallControlApplication,
    CallControlApplicationCreateParams,
    CallControlApplicationUpdateParams,
    CallControlInbound,
    CallControlOutbound,
)
from .call_control_spec import CALL_CONTROL_APPLICATION
from .common import MASKED_PASSWORD, Password, RequestModel, ResponseModel
from .connection import (
    UacConnection,
    UacConnectionCreateParams,
    UacConnectionUpdateParams,
    is_masked,
)
from .connection_spec import UAC_CONNECTION
from .enums import REGISTRATION_STATUSES
from .envelope import (
    ApiErrorDetail,
    ErrorEnvelope,
    ErrorSource,
    PaginationMeta,
    RegistrationStatusResult,
)
from .fields import (
    FieldSpec,
    OutputSpec,
    computed_outputs,
    create_only_values,
    generated_fields,
    nested_objects,
    password_paths,
    request_fields,
)
from .outbound_profile import (
    CallingWindow,
    OutboundCallRecording,
    OutboundVoiceProfile,
    OutboundVoiceProfileCreateParams,
    OutboundVoiceProfileUpdateParams,
)
from .outbound_profile_spec import OUTBOUND_VOICE_PROFILE
from .registry import SPECS, by_name, by_type, by_urn, users_first
from .settings import (
    ExternalUacSettings,
    ExternalUacSettingsResponse,
    Fqdn,
    InternalUacSettings,
    JitterBuffer,
    NoiseSuppressionDetails,
    RtcpSettings,
    UacInbound,
    UacInboundResponse,
    UacOutbound,
)
from .spec import Api, Docs, Examples, FieldSet, ProviderInput, Reference, ResourceSpec
from .validation import Problem, problems_of, unknown_fields, validate, without_paths

__all__ = [
    "AI_ASSISTANT",
    "CALL_CONTROL_APPLICATION",
    "MASKED_PASSWORD",
    "OUTBOUND_VOICE_PROFILE",
    "REGISTRATION_STATUSES",
    "SPECS",
    "UAC_CONNECTION",
    "AiAssistant",
    "AiAssistantCreateParams",
    "AiAssistantUpdateParams",
    "Api",
    "ApiErrorDetail",
    "BackgroundAudio",
    "CallControlApplication",
    "CallControlApplicationCreateParams",
    "CallControlApplicationUpdateParams",
    "CallControlInbound",
    "CallControlOutbound",
    "CallingWindow",
    "Docs",
    "ErrorEnvelope",
    "ErrorSource",
    "Examples",
    "ExternalUacSettings",
    "ExternalUacSettingsResponse",
    "FieldSet",
    "FieldSpec",
    "Fqdn",
    "InternalUacSettings",
    "InterruptionSettings",
    "JitterBuffer",
    "NoiseSuppressionDetails",
    "OutboundCallRecording",
    "OutboundVoiceProfile",
    "OutboundVoiceProfileCreateParams",
    "OutboundVoiceProfileUpdateParams",
    "OutputSpec",
    "PaginationMeta",
    "Password",
    "PrivacySettings",
    "Problem",
    "ProviderInput",
    "RecordingSettings",
    "Reference",
    "RegistrationStatusResult",
    "RequestModel",
    "ResourceSpec",
    "ResponseModel",
    "RtcpSettings",
    "TelephonySettings",
    "TranscriptionSettings",
    "UacConnection",
    "UacConnectionCreateParams",
    "UacConnectionUpdateParams",
    "UacInbound",
    "UacInboundResponse",
    "UacOutbound",
    "VoiceSettings",
    "by_name",
    "by_type",
    "by_urn",
    "computed_outputs",
    "create_only_values",
    "generated_fields",
    "is_masked",
    "nested_objects",
    "password_paths",
    "problems_of",
    "request_fields",
    "unknown_fields",
    "users_first",
    "validate",
    "without_paths",
]
