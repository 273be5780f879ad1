"""Envelopes around the resources: list pages, errors, and the registration-status result."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .common import ResponseModel


class PaginationMeta(ResponseModel):
    """``meta`` of a list answer. The SDK paginators read only page_number and total_pages."""

    page_number: int = 1
    page_size: int = 0
    total_pages: int = 0
    total_results: int = 0


class ErrorSource(ResponseModel):
    """Where an error points: a JSON pointer into the body, or a query parameter."""

    pointer: str | None = None
    parameter: str | None = None


class ApiErrorDetail(ResponseModel):
    """One entry of the ``errors`` array."""

    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source: ErrorSource | None = None
    meta: dict[str, object] | None = None


class ErrorEnvelope(BaseModel):
    """``{"errors": [...]}``, the body of every Telnyx error answer."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    errors: list[ApiErrorDetail] = []


class RegistrationStatusResult(ResponseModel):
    """``data`` of ``POST /uac_connections/{id}/actions/check_registration_status``."""

    record_type: str | None = None
    """Always ``registration_status``."""
    status: str | None = None
    """One of Not Applicable, Not Registered, Failed, Expired, Registered, Unregistered."""
    sip_username: str | None = None
    ip_address: str | None = None
    port: int | None = None
    transport: str | None = None
    user_agent: str | None = None
    last_registration: str | None = None
