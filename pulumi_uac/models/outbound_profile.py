"""Request bodies and the response model of ``/v2/outbound_voice_profiles`` (the official
SDK's ``outbound_voice_profile_*`` types)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictFloat, StrictStr

from .common import Bool, Count, RequestModel, ResponseModel, Text
from .meta import Computed, Nullable

ProfileName = Annotated[Text, Field(min_length=1, max_length=255)]


def _hh_mm(value: str) -> str:
    if not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", value):
        raise ValueError("must be a UTC time of day as HH:MM (24-hour clock), e.g. 08:30")
    return value


def _amount(value: str) -> str:
    if not re.fullmatch(r"[0-9]{1,12}(\.[0-9]{1,4})?", value):
        raise ValueError("must be an amount in USD written as a string, e.g. '100' or '12.50'")
    return value


def _alpha2(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError("must be a two-letter country code in capitals (e.g. US)")
    return value


def _e164(value: str) -> str:
    if not re.fullmatch(r"\+[1-9][0-9]{1,14}", value):
        raise ValueError("must be a phone number in E.164 form, e.g. +13125550100")
    return value


TimeOfDay = Annotated[StrictStr, AfterValidator(_hh_mm)]
Amount = Annotated[StrictStr, AfterValidator(_amount)]
Alpha2 = Annotated[StrictStr, AfterValidator(_alpha2)]
E164 = Annotated[StrictStr, AfterValidator(_e164)]


class OutboundCallRecording(RequestModel):
    """Which outbound calls are recorded, and how."""

    call_recording_caller_phone_numbers: list[E164] | None = None
    """With ``call_recording_type`` ``by_caller_phone_number``: the numbers (E.164) whose
    calls are recorded."""
    call_recording_channels: Literal["single", "dual"] | None = None
    """``dual`` records each leg on its own channel. Default ``single``."""
    call_recording_format: Literal["wav", "mp3"] | None = None
    """Audio format of the recordings. Default ``wav``."""
    call_recording_type: Literal["all", "none", "by_caller_phone_number"] | None = None
    """Which calls are recorded. Default ``none``."""


class CallingWindow(RequestModel):
    """When calls may start (UTC, 24-hour clock) and how many may go to one called party."""

    calls_per_cld: Count | None = None
    """Most calls to one called party within the window."""
    end_time: TimeOfDay | None = None
    """When calls stop being allowed to start (HH:MM, UTC)."""
    start_time: TimeOfDay | None = None
    """When calls start being allowed (HH:MM, UTC)."""


class _ProfileSettings(RequestModel):
    """Fields shared by the create and the update bodies (all optional)."""

    billing_group_id: Annotated[Text | None, Nullable()] = None
    """The billing group of the profile's usage, or null for none."""
    call_recording: OutboundCallRecording | None = None
    """Outbound call recording."""
    calling_window: CallingWindow | None = None
    """When calls may be made."""
    concurrent_call_limit: Annotated[Count | None, Nullable()] = None
    """Most concurrent calls (no more than the account's limit); null means no limit."""
    daily_spend_limit: Amount | None = None
    """Most usage charges per day, in USD (a decimal string)."""
    daily_spend_limit_enabled: Bool | None = None
    """Enforce ``daily_spend_limit``. Default false."""
    enabled: Bool | None = None
    """Whether the profile can be used; a disabled profile blocks its connections' outbound
    calls. Default true."""
    max_destination_rate: Annotated[StrictFloat, Field(ge=0)] | None = None
    """Highest per-minute rate a destination may cost to be called."""
    service_plan: Literal["global"] | None = None
    """Coverage of the termination regions. Default ``global``."""
    tags: list[Text] | None = None
    """Free-form tags."""
    traffic_type: Literal["conversational"] | None = None
    """Traffic the profile allows. Default ``conversational``."""
    usage_payment_method: Literal["rate-deck"] | None = None
    """How costs are calculated. Default ``rate-deck``."""
    whitelisted_destinations: list[Alpha2] | None = None
    """Countries (two-letter codes) the profile may call. Default ``US``, ``CA``."""


class OutboundVoiceProfileCreateParams(_ProfileSettings):
    """Body of ``POST /outbound_voice_profiles``. Only ``name`` is required."""

    name: ProfileName
    """A name for the profile."""


class OutboundVoiceProfileUpdateParams(_ProfileSettings):
    """Body of ``PATCH /outbound_voice_profiles/{id}``. The SDK requires ``name`` in every
    update, so every update sends it."""

    name: ProfileName
    """The profile's name (sent with every update)."""


class OutboundVoiceProfile(ResponseModel):
    """A Telnyx outbound voice profile: the billing and routing settings that outbound calls of
    its connections and Call Control applications use."""

    id: str | None = None
    """Profile id (an int64 written as a string)."""
    record_type: str | None = None
    """Always ``outbound_voice_profile``."""
    name: str | None = None
    billing_group_id: str | None = None
    call_recording: dict[str, object] | None = None
    calling_window: dict[str, object] | None = None
    concurrent_call_limit: int | None = None
    connections_count: Annotated[int | None, Computed()] = None
    """How many connections and applications use the profile."""
    created_at: Annotated[str | None, Computed()] = None
    """When the profile was created (ISO-8601)."""
    daily_spend_limit: str | None = None
    daily_spend_limit_enabled: bool | None = None
    enabled: bool | None = None
    max_destination_rate: float | None = None
    service_plan: str | None = None
    tags: list[str] | None = None
    traffic_type: str | None = None
    updated_at: Annotated[str | None, Computed()] = None
    """When the profile was last updated (ISO-8601)."""
    usage_payment_method: str | None = None
    whitelisted_destinations: list[str] | None = None
