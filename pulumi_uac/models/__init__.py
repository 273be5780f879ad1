"""The Telnyx UAC connection API contract as pydantic models. No Pulumi imports here."""

from .common import MASKED_PASSWORD, Password, RequestModel, ResponseModel
from .connection import (
    UacConnection,
    UacConnectionCreateParams,
    UacConnectionUpdateParams,
    is_masked,
)
from .enums import REGISTRATION_STATUSES
from .envelope import (
    ApiErrorDetail,
    ErrorEnvelope,
    ErrorSource,
    PaginationMeta,
    RegistrationStatusResult,
    UacConnectionList,
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
from .validation import (
    Problem,
    cross_field_problems,
    problems_of,
    validate_create,
    validate_update,
)

__all__ = [
    "MASKED_PASSWORD",
    "REGISTRATION_STATUSES",
    "ApiErrorDetail",
    "ErrorEnvelope",
    "ErrorSource",
    "ExternalUacSettings",
    "ExternalUacSettingsResponse",
    "FieldSpec",
    "Fqdn",
    "InternalUacSettings",
    "JitterBuffer",
    "NoiseSuppressionDetails",
    "OutputSpec",
    "PaginationMeta",
    "Password",
    "Problem",
    "RegistrationStatusResult",
    "RequestModel",
    "ResponseModel",
    "RtcpSettings",
    "UacConnection",
    "UacConnectionCreateParams",
    "UacConnectionList",
    "UacConnectionUpdateParams",
    "UacInbound",
    "UacInboundResponse",
    "UacOutbound",
    "computed_outputs",
    "create_only_values",
    "cross_field_problems",
    "generated_fields",
    "is_masked",
    "nested_objects",
    "password_paths",
    "problems_of",
    "request_fields",
    "validate_create",
    "validate_update",
]
