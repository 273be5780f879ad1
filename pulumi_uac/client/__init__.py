"""HTTP access to the Telnyx UAC connection API. No Pulumi imports here."""

from .client import UacClient
from .config import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, ClientConfig
from .errors import (
    AmbiguousCreateError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ErrorItem,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TelnyxError,
    UnexpectedStatusError,
    UnprocessableEntityError,
)
from .retry import RetryPolicy, is_retryable, retry_after_seconds

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AmbiguousCreateError",
    "AuthenticationError",
    "BadRequestError",
    "ClientConfig",
    "ConfigurationError",
    "ConflictError",
    "ErrorItem",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "TelnyxError",
    "UacClient",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
    "is_retryable",
    "retry_after_seconds",
]
