"""The typed Python surface of ``OutboundVoiceProfile``, generated from its models by
``python -m pulumi_uac.resource.codegen``: do not edit by hand.

A Telnyx outbound voice profile: the billing and routing settings that outbound calls of its
connections and Call Control applications use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

import pulumi
from typing_extensions import Required, TypedDict, Unpack

from ...models.outbound_profile_spec import OUTBOUND_VOICE_PROFILE
from ..base import SpecResource
from ..input_types import input_type
from ..results import LookupResult


@input_type
class OutboundCallRecordingArgs:
    """Which outbound calls are recorded, and how."""

    call_recording_caller_phone_numbers: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """With ``call_recording_type`` ``by_caller_phone_number``: the numbers (E.164) whose calls
    are recorded."""
    call_recording_channels: pulumi.Input[Literal["single", "dual"]] | None = None
    """``dual`` records each leg on its own channel. Default ``single``."""
    call_recording_format: pulumi.Input[Literal["wav", "mp3"]] | None = None
    """Audio format of the recordings. Default ``wav``."""
    call_recording_type: pulumi.Input[Literal["all", "none", "by_caller_phone_number"]] | None = (
        None
    )
    """Which calls are recorded. Default ``none``."""


@input_type
class CallingWindowArgs:
    """When calls may start (UTC, 24-hour clock) and how many may go to one called party."""

    calls_per_cld: pulumi.Input[int] | None = None
    """Most calls to one called party within the window."""
    end_time: pulumi.Input[str] | None = None
    """When calls stop being allowed to start (HH:MM, UTC)."""
    start_time: pulumi.Input[str] | None = None
    """When calls start being allowed (HH:MM, UTC)."""


@input_type
class OutboundVoiceProfileArgs:
    """The inputs of a outbound voice profile (OutboundVoiceProfile). Required: name."""

    name: pulumi.Input[str]
    """A name for the profile."""
    billing_group_id: pulumi.Input[str] | None = None
    """The billing group of the profile's usage, or null for none."""
    call_recording: pulumi.Input[OutboundCallRecordingArgs | Mapping[str, Any]] | None = None
    """Outbound call recording."""
    calling_window: pulumi.Input[CallingWindowArgs | Mapping[str, Any]] | None = None
    """When calls may be made."""
    concurrent_call_limit: pulumi.Input[int] | None = None
    """Most concurrent calls (no more than the account's limit); null means no limit."""
    daily_spend_limit: pulumi.Input[str] | None = None
    """Most usage charges per day, in USD (a decimal string)."""
    daily_spend_limit_enabled: pulumi.Input[bool] | None = None
    """Enforce ``daily_spend_limit``. Default false."""
    enabled: pulumi.Input[bool] | None = None
    """Whether the profile can be used; a disabled profile blocks its connections' outbound
    calls. Default true."""
    max_destination_rate: pulumi.Input[float] | None = None
    """Highest per-minute rate a destination may cost to be called."""
    service_plan: pulumi.Input[Literal["global"]] | None = None
    """Coverage of the termination regions. Default ``global``."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags."""
    traffic_type: pulumi.Input[Literal["conversational"]] | None = None
    """Traffic the profile allows. Default ``conversational``."""
    usage_payment_method: pulumi.Input[Literal["rate-deck"]] | None = None
    """How costs are calculated. Default ``rate-deck``."""
    whitelisted_destinations: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Countries (two-letter codes) the profile may call. Default ``US``, ``CA``."""
    adopt_existing_id: pulumi.Input[str] | None = None
    """Take over the existing outbound voice profile with this id instead of creating one. Read
    only when the resource is created."""
    adopt_existing_by_name: pulumi.Input[bool] | None = None
    """Take over the one existing outbound voice profile named name instead of creating one. Read
    only when the resource is created."""


class OutboundVoiceProfileKwargs(TypedDict, total=False):
    """The keyword arguments of ``OutboundVoiceProfile(name, **kwargs)``:
    ``OutboundVoiceProfileArgs``'s fields."""

    name: Required[pulumi.Input[str]]
    billing_group_id: pulumi.Input[str] | None
    call_recording: pulumi.Input[OutboundCallRecordingArgs | Mapping[str, Any]] | None
    calling_window: pulumi.Input[CallingWindowArgs | Mapping[str, Any]] | None
    concurrent_call_limit: pulumi.Input[int] | None
    daily_spend_limit: pulumi.Input[str] | None
    daily_spend_limit_enabled: pulumi.Input[bool] | None
    enabled: pulumi.Input[bool] | None
    max_destination_rate: pulumi.Input[float] | None
    service_plan: pulumi.Input[Literal["global"]] | None
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    traffic_type: pulumi.Input[Literal["conversational"]] | None
    usage_payment_method: pulumi.Input[Literal["rate-deck"]] | None
    whitelisted_destinations: pulumi.Input[Sequence[pulumi.Input[str]]] | None
    adopt_existing_id: pulumi.Input[str] | None
    adopt_existing_by_name: pulumi.Input[bool] | None


class OutboundVoiceProfileOutputs:
    """The outputs of a outbound voice profile, as typed attributes."""

    billing_group_id: pulumi.Output[str | None]
    """The billing group of the profile's usage, or null for none."""
    call_recording: pulumi.Output[Mapping[str, Any] | None]
    """Outbound call recording."""
    calling_window: pulumi.Output[Mapping[str, Any] | None]
    """When calls may be made."""
    concurrent_call_limit: pulumi.Output[int | None]
    """Most concurrent calls (no more than the account's limit); null means no limit."""
    daily_spend_limit: pulumi.Output[str | None]
    """Most usage charges per day, in USD (a decimal string)."""
    daily_spend_limit_enabled: pulumi.Output[bool | None]
    """Enforce ``daily_spend_limit``. Default false."""
    enabled: pulumi.Output[bool | None]
    """Whether the profile can be used; a disabled profile blocks its connections' outbound
    calls. Default true."""
    max_destination_rate: pulumi.Output[float | None]
    """Highest per-minute rate a destination may cost to be called."""
    service_plan: pulumi.Output[str | None]
    """Coverage of the termination regions. Default ``global``."""
    tags: pulumi.Output[Sequence[str] | None]
    """Free-form tags."""
    traffic_type: pulumi.Output[str | None]
    """Traffic the profile allows. Default ``conversational``."""
    usage_payment_method: pulumi.Output[str | None]
    """How costs are calculated. Default ``rate-deck``."""
    whitelisted_destinations: pulumi.Output[Sequence[str] | None]
    """Countries (two-letter codes) the profile may call. Default ``US``, ``CA``."""
    name: pulumi.Output[str]
    """A name for the profile."""
    connections_count: pulumi.Output[int | None]
    """How many connections and applications use the profile."""
    created_at: pulumi.Output[str | None]
    """When the profile was created (ISO-8601)."""
    updated_at: pulumi.Output[str | None]
    """When the profile was last updated (ISO-8601)."""
    managed_fields: pulumi.Output[Sequence[str]]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_token: pulumi.Output[str]
    """The resource's random ownership token, drawn when it is first checked; recorded with every
    create the engine starts, so crash recovery can find what an interrupted create left
    behind."""
    ownership_tag: pulumi.Output[str | None]
    """The exact ownership tag (token and nonce) on the outbound voice profile this resource made
    or adopted."""
    missing_marks: pulumi.Output[Sequence[str] | None]
    """Ownership marks the last refresh found missing from the outbound voice profile (its tags
    were replaced outside Pulumi): the next update puts them back, so that no other stack or
    project can take it for an unowned one."""
    adopt_existing_id: pulumi.Output[str | None]
    """Take over the existing outbound voice profile with this id instead of creating one."""
    adopt_existing_by_name: pulumi.Output[bool | None]
    """Take over the one existing outbound voice profile named name instead of creating one."""


class GetOutboundVoiceProfileResult(LookupResult):
    """One outbound voice profile as Telnyx holds it (passwords are masked): the answer of
    ``getOutboundVoiceProfile``."""

    id: str
    """Its id."""
    billing_group_id: str | None
    """The billing group of the profile's usage, or null for none."""
    call_recording: Mapping[str, Any] | None
    """Outbound call recording."""
    calling_window: Mapping[str, Any] | None
    """When calls may be made."""
    concurrent_call_limit: int | None
    """Most concurrent calls (no more than the account's limit); null means no limit."""
    daily_spend_limit: str | None
    """Most usage charges per day, in USD (a decimal string)."""
    daily_spend_limit_enabled: bool | None
    """Enforce ``daily_spend_limit``. Default false."""
    enabled: bool | None
    """Whether the profile can be used; a disabled profile blocks its connections' outbound
    calls. Default true."""
    max_destination_rate: float | None
    """Highest per-minute rate a destination may cost to be called."""
    service_plan: str | None
    """Coverage of the termination regions. Default ``global``."""
    tags: Sequence[str] | None
    """Free-form tags."""
    traffic_type: str | None
    """Traffic the profile allows. Default ``conversational``."""
    usage_payment_method: str | None
    """How costs are calculated. Default ``rate-deck``."""
    whitelisted_destinations: Sequence[str] | None
    """Countries (two-letter codes) the profile may call. Default ``US``, ``CA``."""
    name: str
    """A name for the profile."""
    connections_count: int | None
    """How many connections and applications use the profile."""
    created_at: str | None
    """When the profile was created (ISO-8601)."""
    updated_at: str | None
    """When the profile was last updated (ISO-8601)."""
    managed_fields: Sequence[str]
    """Dotted paths of the fields this resource manages (the ones the program sets)."""
    ownership_tag: str | None
    """The exact ownership tag (token and nonce) on the outbound voice profile this resource made
    or adopted."""


class OutboundVoiceProfile(
    SpecResource, OutboundVoiceProfileOutputs, module="telnyx", name="OutboundVoiceProfile"
):
    """A Telnyx outbound voice profile: billing and routing of the outbound calls of the connections
    and applications that name it.

    ## Example Usage

    ```python
    from pulumi_uac import CallControlApplication, OutboundVoiceProfile

    profile = OutboundVoiceProfile("outbound", name="PBX outbound",
        whitelisted_destinations=["US", "CA"], max_destination_rate=0.5)
    CallControlApplication("ivr", application_name="PBX IVR",
        webhook_event_url="https://ivr.example.com/telnyx",
        outbound={"outbound_voice_profile_id": profile.id})
    ```

    ## Import

    ``pulumi import`` cannot work for dynamic resources (it does with
    ``pulumi_uac.native.OutboundVoiceProfile``). To take over an existing outbound voice profile
    here, set ``adopt_existing_id="<id>"`` (or ``adopt_existing_by_name=True``) and run ``pulumi
    up``: the outbound voice profile is brought to the program's settings and managed from then
    on.
    """

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
