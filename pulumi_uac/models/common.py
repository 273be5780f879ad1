"""Shared building blocks: the base models, the password type and reusable constrained types."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    SecretStr,
    StrictBool,
    StrictInt,
    StrictStr,
)

# Telnyx masks stored passwords with this value for accounts created on or after 2026-09-08.
MASKED_PASSWORD = "********"  # noqa: S105 (the mask itself, not a password)


def _reveal(value: SecretStr) -> str:
    return value.get_secret_value()


Password = Annotated[SecretStr, PlainSerializer(_reveal, return_type=str, when_used="json")]
"""A password: hidden from ``repr``, ``str`` and logging, revealed only when dumped as JSON
(the request body), because that is the one place it has to travel."""

Bool = StrictBool
Int = StrictInt
Str = StrictStr

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*$")


def _uri(value: str) -> str:
    if not _URI.match(value):
        raise ValueError("must be an absolute URI such as https://example.com/webhooks")
    return value


Uri = Annotated[StrictStr, AfterValidator(_uri)]

# userinfo@<subdomain.>sip.telnyx.com (or sipdev), no "sip:" scheme: the documented form.
DESTINATION_URI = re.compile(
    r"^(?P<user>[A-Za-z0-9_-]+)@(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*"
    r"sip(?:dev)?\.telnyx\.com)$"
)


def _destination_uri(value: str) -> str:
    if value.lower().startswith("sip:"):
        raise ValueError(
            "must not start with 'sip:'; use the form <extension>@<app>.sip.telnyx.com"
        )
    if not DESTINATION_URI.match(value):
        raise ValueError(
            "must have the form <extension>@<app>.sip.telnyx.com (letters, digits, '-' and '_' "
            "before the '@'), e.g. 1006@assistant-abc123.sip.telnyx.com"
        )
    return value


DestinationUri = Annotated[StrictStr, AfterValidator(_destination_uri)]


def _int64_string(value: str) -> str:
    if not re.fullmatch(r"[0-9]{1,19}", value):
        raise ValueError("must be a numeric id (an int64 written as a string)")
    return value


Int64String = Annotated[StrictStr, AfterValidator(_int64_string)]

# Contradiction 3: the schema says user_name is "alphanumeric only", the guide's example uses
# "my-sip-user". We accept both readings: letters, digits, '-' and '_', 4 to 32 characters,
# with a letter among the first five (the response schema's extra rule, which both satisfy).
_USER_NAME = re.compile(r"^[A-Za-z0-9_-]{4,32}$")


def _user_name(value: str) -> str:
    if not _USER_NAME.match(value):
        raise ValueError("must be 4-32 characters: letters, digits, '-' or '_'")
    if not any(c.isalpha() for c in value[:5]):
        raise ValueError("must have a letter among its first 5 characters")
    return value


UserName = Annotated[StrictStr, AfterValidator(_user_name)]


def _sip_username(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{3,31}", value):
        raise ValueError(
            "must be 4-32 characters, start with a letter or digit, and use only letters, "
            "digits, '-' and '_'"
        )
    return value


SipUsername = Annotated[StrictStr, AfterValidator(_sip_username)]

ConnectionPassword = Annotated[Password, Field(min_length=8, max_length=128)]


class RequestModel(BaseModel):
    """Base of request bodies: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, hide_input_in_errors=True)

    def to_body(self) -> dict[str, Any]:
        """The JSON body for the API: only the fields that were set, passwords revealed."""
        body: dict[str, Any] = self.model_dump(mode="json", exclude_unset=True, by_alias=True)
        return body


class ResponseModel(BaseModel):
    """Base of response models: every field optional and unknown fields kept, because the API
    grows and an older provider must not break on a newer answer."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, hide_input_in_errors=True)
