"""The Telnyx UAC connection API contract as pydantic models. No Pulumi imports here."""

from .common import MASKED_PASSWORD, Password, RequestModel, ResponseModel
from .connection import (
    NESTED_OBJECTS,
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
    "NESTED_OBJECTS",
    "REGISTRATION_STATUSES",
    "ApiErrorDetail",
    "ErrorEnvelope",
    "ErrorSource",
    "ExternalUacSettings",
    "ExternalUacSettingsResponse",
    "Fqdn",
    "InternalUacSettings",
    "JitterBuffer",
    "NoiseSuppressionDetails",
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
    "cross_field_problems",
    "is_masked",
    "problems_of",
    "validate_create",
    "validate_update",
]
