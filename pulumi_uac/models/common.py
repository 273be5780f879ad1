"""Shared building blocks: the base models, the password type and reusable constrained types.

Every pattern here is matched against the *whole* string (``re.fullmatch``): ``$`` alone would
accept a trailing newline, and a newline in a SIP header value is an injection, not a typo.
"""

from __future__ import annotations

import ipaddress
import re
import typing
import unicodedata
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    SecretStr,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
)
from typing_extensions import Self

from .meta import Generated, Nullable

# Telnyx masks stored passwords with this value for accounts created on or after 2026-09-08.
MASKED_PASSWORD = "********"  # noqa: S105 (the mask itself, not a password)

INT32_MAX = 2**31 - 1
"""Upper bound for counts the contract leaves unbounded (channel limits, intervals): Telnyx
stores such limits as 32-bit integers, and anything larger is a typo, not a limit. The engine
also carries numbers as float64, which is exact only up to 2**53."""


def _reveal(value: SecretStr) -> str:
    return value.get_secret_value()


Password = Annotated[SecretStr, PlainSerializer(_reveal, return_type=str, when_used="json")]
"""A password: hidden from ``repr``, ``str`` and logging, revealed only when dumped as JSON
(the request body), because that is the one place it has to travel."""

Bool = StrictBool
Int = StrictInt
Str = StrictStr


def control_characters(value: str) -> list[str]:
    """The control characters in ``value`` (C0, DEL, C1), as ``U+XXXX`` names."""
    return [f"U+{ord(c):04X}" for c in value if unicodedata.category(c) == "Cc"]


def _text(value: str) -> str:
    found = control_characters(value)
    if found:
        raise ValueError(
            "must not contain control characters (found "
            + ", ".join(sorted(set(found))[:3])
            + "): use plain printable text"
        )
    return value


Text = Annotated[StrictStr, AfterValidator(_text)]
"""A user-visible string: any printable text, no control characters (CR, LF, NUL, ...)."""


def _digest_secret(value: SecretStr) -> SecretStr:
    # The messages name the rule, never the value or a position in it.
    text = value.get_secret_value()
    if control_characters(text):
        raise ValueError(
            "must not contain control characters (NUL, tab, CR, LF, ...): a PBX is configured "
            "with printable text, so SIP digest authentication would never match"
        )
    if text != text.strip():
        raise ValueError(
            "must not start or end with whitespace (most often a newline kept from a file or a "
            "paste): the PBX would compute its digest without it"
        )
    return value


SecretText = Annotated[Password, AfterValidator(_digest_secret)]
"""A password that is sent: printable, with no leading or trailing whitespace. It feeds SIP
digest authentication (RFC 3261, 22.4), where the PBX hashes the password it was configured
with; a control character or a stray newline cannot be typed into a PBX and would make every
registration fail with nothing to show why."""

Count = Annotated[Int, Field(ge=0, le=INT32_MAX)]
"""A non-negative count the contract does not bound from above."""

_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+\S*")


def _uri(value: str) -> str:
    if not _URI.fullmatch(value) or control_characters(value):
        raise ValueError("must be an absolute URI such as https://example.com/webhooks")
    return value


Uri = Annotated[StrictStr, AfterValidator(_uri)]


def _uri_or_blank(value: str) -> str:
    return value if value == "" else _uri(value)


UriOrBlank = Annotated[StrictStr, AfterValidator(_uri_or_blank)]
"""An absolute URI, or ``""`` where Telnyx documents the empty string as "not set"."""

# userinfo@<subdomain.>sip.telnyx.com (or sipdev), no "sip:" scheme: the documented form.
DESTINATION_URI = re.compile(
    r"(?P<user>[A-Za-z0-9_-]+)@(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*"
    r"sip(?:dev)?\.telnyx\.com)"
)


def _destination_uri(value: str) -> str:
    if value.lower().startswith("sip:"):
        raise ValueError(
            "must not start with 'sip:'; use the form <extension>@<app>.sip.telnyx.com"
        )
    if not DESTINATION_URI.fullmatch(value):
        raise ValueError(
            "must have the form <extension>@<app>.sip.telnyx.com (letters, digits, '-' and '_' "
            "before the '@'), e.g. 1006@assistant-abc123.sip.telnyx.com"
        )
    return value


DestinationUri = Annotated[StrictStr, AfterValidator(_destination_uri)]

_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_SIP_USER = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=%-]+")
_SIP_PARAM = re.compile(r"[A-Za-z0-9-]+(?:=[A-Za-z0-9._~!$&'*+%:-]+)?")
_SIP_ADDRESS_RULE = (
    "must be a SIP address: an optional 'sip:' or 'sips:', an optional user@, a host name, "
    "IPv4 address or [IPv6] address, an optional :port (1-65535) and optional ;parameters, with "
    "no spaces, e.g. sip:pbx.example.com:5060"
)


def _valid_host(host: str) -> bool:
    if host.startswith("[") and host.endswith("]"):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return False
        return True
    if len(host) > 253:
        return False
    return all(_HOST_LABEL.fullmatch(label) for label in host.split("."))


def _sip_address(value: str) -> str:
    """``[sip:|sips:][user@]host[:port][;param[=value]]...``: the forms Telnyx's examples use
    (``sip:pbx.example.com:5060``, ``sip-pbx.acme.example``, ``outbound.pbx.example:5061``)."""
    rest = value
    lowered = rest.lower()
    for scheme in ("sips:", "sip:"):
        if lowered.startswith(scheme):
            rest = rest[len(scheme) :]
            break
    rest, *params = rest.split(";")
    user, at, hostport = rest.rpartition("@")
    if at and not _SIP_USER.fullmatch(user):
        raise ValueError(_SIP_ADDRESS_RULE)
    host, port = hostport, ""
    if hostport.startswith("["):
        end = hostport.find("]")
        host, tail = hostport[: end + 1], hostport[end + 1 :]
        if end < 0 or (tail and not tail.startswith(":")):
            raise ValueError(_SIP_ADDRESS_RULE)
        port = tail[1:]
        if tail and not port:
            raise ValueError(_SIP_ADDRESS_RULE)
    elif ":" in hostport:
        host, _, port = hostport.partition(":")
        if not port:
            raise ValueError(_SIP_ADDRESS_RULE)
    if not host or not _valid_host(host):
        raise ValueError(_SIP_ADDRESS_RULE)
    if port and not (re.fullmatch(r"[0-9]{1,5}", port) and 1 <= int(port) <= 65535):
        raise ValueError(_SIP_ADDRESS_RULE)
    if any(not _SIP_PARAM.fullmatch(p) for p in params):
        raise ValueError(_SIP_ADDRESS_RULE)
    return value


SipAddress = Annotated[StrictStr, AfterValidator(_sip_address)]
"""A SIP proxy address, e.g. ``sip:pbx.example.com:5060``."""


def _int64_string(value: str) -> str:
    if not re.fullmatch(r"[0-9]{1,19}", value):
        raise ValueError("must be a numeric id (an int64 written as a string)")
    return value


Int64String = Annotated[StrictStr, AfterValidator(_int64_string)]

# Contradiction 3: the schema says user_name is "alphanumeric only", the guide's example uses
# "my-sip-user". We accept both readings: letters, digits, '-' and '_', 4 to 32 characters,
# with a letter among the first five (the response schema's extra rule, which both satisfy).
_USER_NAME = re.compile(r"[A-Za-z0-9_-]{4,32}")


def _user_name(value: str) -> str:
    if not _USER_NAME.fullmatch(value):
        raise ValueError("must be 4-32 characters: letters, digits, '-' or '_'")
    if not any(c.isalpha() for c in value[:5]):
        raise ValueError("must have a letter among its first 5 characters")
    return value


UserName = Annotated[StrictStr, AfterValidator(_user_name), Generated()]


def _sip_username(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{3,31}", value):
        raise ValueError(
            "must be 4-32 characters, start with a letter or digit, and use only letters, "
            "digits, '-' and '_'"
        )
    return value


SipUsername = Annotated[StrictStr, AfterValidator(_sip_username)]

_COUNTRY = re.compile(r"[A-Z]{2}")


def _country_or_blank(value: str) -> str:
    if value and not _COUNTRY.fullmatch(value):
        raise ValueError("must be a two-letter country code in capitals (e.g. US), or ''")
    return value


CountryOrBlank = Annotated[StrictStr, AfterValidator(_country_or_blank)]
"""A two-letter country code, or ``""`` ("when left blank, Telnyx will try US and GB")."""

ConnectionPassword = Annotated[SecretText, Field(min_length=8, max_length=128), Generated()]


def _metadata(annotation: Any, extra: list[Any]) -> list[Any]:
    """Every ``Annotated`` marker on a field, however deeply it is nested in ``X | None``."""
    found = list(extra)
    stack = [annotation]
    while stack:
        node = stack.pop()
        if typing.get_origin(node) is Annotated:
            base, *markers = typing.get_args(node)
            found.extend(markers)
            stack.append(base)
        else:
            stack.extend(a for a in typing.get_args(node) if a is not type(None))
    return found


class RequestModel(BaseModel):
    """Base of request bodies: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        hide_input_in_errors=True,
        # inf and NaN have no JSON spelling: accepted here, they passed check (and so preview)
        # and then broke the request body at `up`. NaN also passed or failed bounds by accident
        # (every comparison with it is false). Refused for every float field of every model.
        allow_inf_nan=False,
        # Built on first use: a program or a plugin pays only for the models it validates
        # (building all of them cost 0.3 s at every process start).
        defer_build=True,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _null_only_where_allowed(cls, value: Any, info: ValidationInfo) -> Any:
        # Telnyx's SDK types allow null on a few fields only (the push credential ids, the
        # optional registration settings, ...); a null anywhere else is refused, by name, instead
        # of being stored where nothing expects it.
        if value is None and info.field_name is not None and not cls._nullable(info.field_name):
            raise ValueError("must not be null: leave it out, or give it a value")
        return value

    @classmethod
    def _nullable(cls, name: str) -> bool:
        field = cls.model_fields.get(name)
        if field is None:
            return True
        return any(isinstance(m, Nullable) for m in _metadata(field.annotation, field.metadata))

    _carried: dict[str, dict[str, Any]] = PrivateAttr(default_factory=dict)
    """Keys of nested objects that the model does not cover, carried back as Telnyx holds
    them (see ``ResourceSpec.uncovered``): sent, never validated."""

    def carrying(self, carried: dict[str, dict[str, Any]]) -> Self:
        self._carried = {k: dict(v) for k, v in carried.items() if v}
        return self

    def to_body(self) -> dict[str, Any]:
        """The JSON body for the API: only the fields that were set, passwords revealed."""
        body: dict[str, Any] = self.model_dump(mode="json", exclude_unset=True, by_alias=True)
        for root, values in self._carried.items():
            if isinstance(body.get(root), dict):
                body[root] = {**values, **body[root]}
        return body


class ResponseModel(BaseModel):
    """Base of response models: every field optional and unknown fields kept, because the API
    grows and an older provider must not break on a newer answer."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        hide_input_in_errors=True,
        # Built on first use: a program or a plugin pays only for the models it validates
        # (building all of them cost 0.3 s at every process start).
        defer_build=True,
    )
