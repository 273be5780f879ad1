"""Telnyx's own Python SDK as a second reader of the contract: it drives the emulator through
every operation of UAC connections, Call Control applications and outbound voice profiles with
strict response validation, so any answer the SDK's types would not accept, or any request the
emulator would refuse, fails here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import telnyx

from pulumi_uac.emulator import EmulatorServer
from pulumi_uac.models import (
    AI_ASSISTANT,
    CALL_CONTROL_APPLICATION,
    OUTBOUND_VOICE_PROFILE,
    SPECS,
    UAC_CONNECTION,
    ResourceSpec,
)

from .conftest import API_KEY
from .registry import example, sdk_collection, wired

# Every field the models type, from the spec's example (the reference points at a profile id
# the emulator does not check).
EVERY_FIELD: dict[str, Any] = example(UAC_CONNECTION)
EVERY_FIELD["outbound"]["outbound_voice_profile_id"] = "1293384261075731499"


@pytest.fixture
def sdk(emulator: EmulatorServer) -> Iterator[telnyx.Telnyx]:
    client = telnyx.Telnyx(
        api_key=API_KEY,
        base_url=emulator.base_url,
        max_retries=0,
        _strict_response_validation=True,
    )
    yield client
    client.close()


def test_create_retrieve_update_and_delete(sdk: telnyx.Telnyx) -> None:
    minimal = sdk.uac_connections.create(connection_name="SDK minimal").data
    assert minimal is not None and minimal.id and minimal.registration_status == "Not Applicable"
    full = sdk.uac_connections.create(**EVERY_FIELD).data
    assert full is not None and full.id
    assert full.inbound is not None and full.inbound.sip_region == "Europe"
    assert full.external_uac_settings is not None
    assert full.external_uac_settings.password == "s3cret-pbx"  # revealed on create
    got = sdk.uac_connections.retrieve(full.id).data
    assert got is not None and got.external_uac_settings is not None
    assert got.external_uac_settings.password == "********"
    assert got.noise_suppression_details is not None
    assert got.noise_suppression_details.attenuation_limit == 50
    updated = sdk.uac_connections.update(
        full.id,
        connection_name="SDK renamed",
        inbound={"channel_limit": 20},
        external_uac_settings={**EVERY_FIELD["external_uac_settings"], "transport": "UDP"},
    ).data
    assert updated is not None and updated.connection_name == "SDK renamed"
    assert updated.inbound is not None and updated.inbound.channel_limit == 20
    status = sdk.uac_connections.actions.check_registration_status(full.id).data
    assert status is not None and status.status in ("Not Registered", "Registered")
    deleted = sdk.uac_connections.delete(full.id).data
    assert deleted is not None and deleted.id == full.id
    sdk.uac_connections.delete(minimal.id)


def test_list_across_pages_with_filters_and_sorts(sdk: telnyx.Telnyx) -> None:
    for i in range(7):
        sdk.uac_connections.create(
            connection_name=f"page-{i}",
            outbound={"outbound_voice_profile_id": "42" if i % 2 else "7"},
        )
    every = list(sdk.uac_connections.list(page_size=3))  # the SDK follows meta across pages
    assert len(every) == 7 and len({c.id for c in every}) == 7
    by_name = list(sdk.uac_connections.list(page_size=2, sort="connection_name"))
    assert [c.connection_name for c in by_name] == [f"page-{i}" for i in range(7)]
    newest = list(sdk.uac_connections.list(sort="-created_at"))
    assert newest[0].connection_name == "page-6"
    filtered = list(
        sdk.uac_connections.list(
            filter={"connection_name": {"contains": "page"}, "outbound_voice_profile_id": "42"}
        )
    )
    assert sorted(c.connection_name or "" for c in filtered) == ["page-1", "page-3", "page-5"]


def test_error_classes(sdk: telnyx.Telnyx, emulator: EmulatorServer) -> None:
    with pytest.raises(telnyx.NotFoundError):
        sdk.uac_connections.retrieve("999")
    with pytest.raises(telnyx.UnprocessableEntityError) as info:
        sdk.uac_connections.create(connection_name="bad", dtmf_type="Morse")  # type: ignore[arg-type]
    assert "dtmf_type" in str(info.value)
    wrong = telnyx.Telnyx(api_key="wrong", base_url=emulator.base_url, max_retries=0)
    with pytest.raises(telnyx.AuthenticationError):
        wrong.uac_connections.list().to_dict()
    wrong.close()


# -------------------- the companions: Call Control applications and outbound voice profiles

PROFILE_FIELDS: dict[str, Any] = {**example(OUTBOUND_VOICE_PROFILE), "name": "SDK profile"}

# The SDK's create has no tags.
APPLICATION_FIELDS: dict[str, Any] = {
    k: v for k, v in example(CALL_CONTROL_APPLICATION).items() if k != "tags"
}


def test_outbound_voice_profiles_through_the_sdk(sdk: telnyx.Telnyx) -> None:
    made = sdk.outbound_voice_profiles.create(**PROFILE_FIELDS).data
    assert made is not None and made.id and made.max_destination_rate == 0.25
    assert made.calling_window is not None and made.calling_window.calls_per_cld == 5
    got = sdk.outbound_voice_profiles.retrieve(made.id).data
    assert got is not None and got.call_recording is not None
    assert got.call_recording.call_recording_format == "mp3"
    updated = sdk.outbound_voice_profiles.update(
        made.id, name="SDK profile renamed", concurrent_call_limit=20
    ).data
    assert updated is not None and updated.concurrent_call_limit == 20
    for i in range(4):
        sdk.outbound_voice_profiles.create(name=f"profile-page-{i}")
    every = list(sdk.outbound_voice_profiles.list(page_size=2))
    assert len(every) == 5 and len({p.id for p in every}) == 5
    by_name = list(
        sdk.outbound_voice_profiles.list(sort="name", filter={"name": {"contains": "page"}})
    )
    assert [p.name for p in by_name] == [f"profile-page-{i}" for i in range(4)]
    deleted = sdk.outbound_voice_profiles.delete(made.id).data
    assert deleted is not None and deleted.id == made.id
    with pytest.raises(telnyx.NotFoundError):
        sdk.outbound_voice_profiles.retrieve(made.id)
    with pytest.raises(telnyx.UnprocessableEntityError) as info:
        sdk.outbound_voice_profiles.create(name="bad", traffic_type="loud")  # type: ignore[arg-type]
    assert "traffic_type" in str(info.value)


def test_call_control_applications_through_the_sdk(sdk: telnyx.Telnyx) -> None:
    profile = sdk.outbound_voice_profiles.create(name="For the application").data
    assert profile is not None and profile.id
    fields = {
        **APPLICATION_FIELDS,
        "outbound": {"channel_limit": 5, "outbound_voice_profile_id": profile.id},
    }
    made = sdk.call_control_applications.create(**fields).data
    assert made is not None and made.id and made.inbound is not None
    assert made.inbound.sip_subdomain == APPLICATION_FIELDS["inbound"]["sip_subdomain"]
    got = sdk.call_control_applications.retrieve(made.id).data
    assert got is not None and got.outbound is not None
    assert got.outbound.outbound_voice_profile_id == profile.id
    # Tags only by update (the create has none); the update carries the required fields.
    updated = sdk.call_control_applications.update(
        made.id,
        application_name="SDK application renamed",
        webhook_event_url=APPLICATION_FIELDS["webhook_event_url"],
        tags=["sdk"],
    ).data
    assert updated is not None and updated.tags == ["sdk"]
    for i in range(4):
        sdk.call_control_applications.create(
            application_name=f"app-page-{i}", webhook_event_url="https://x.example.com/hook"
        )
    every = list(sdk.call_control_applications.list(page_size=2))
    assert len(every) == 5 and len({a.id for a in every}) == 5
    by_name = list(
        sdk.call_control_applications.list(
            sort="connection_name", filter={"application_name": {"contains": "page"}}
        )
    )
    assert [a.application_name for a in by_name] == [f"app-page-{i}" for i in range(4)]
    with pytest.raises(telnyx.UnprocessableEntityError) as info:
        sdk.call_control_applications.create(
            application_name="bad",
            webhook_event_url="https://x.example.com",
            dtmf_type="Morse",  # type: ignore[arg-type]
        )
    assert "dtmf_type" in str(info.value)
    deleted = sdk.call_control_applications.delete(made.id).data
    assert deleted is not None and deleted.id == made.id
    with pytest.raises(telnyx.NotFoundError):
        sdk.call_control_applications.retrieve(made.id)


ASSISTANT_FIELDS: dict[str, Any] = {
    **example(AI_ASSISTANT),
    "name": "SDK front desk",
    "tags": ["sdk"],
}
# Not covered by our models; the SDK can set it, and the emulator keeps it as given.
ASSISTANT_FIELDS["telephony_settings"]["voicemail_detection"] = {
    "on_voicemail_detected": {"action": "stop_assistant"}
}


def test_ai_assistants_through_the_sdk(sdk: telnyx.Telnyx) -> None:
    """Every answer of /v2/ai/assistants read by the SDK's types: unwrapped objects, the
    idempotent create, the update by POST (a new version each time), the tag endpoints (no
    version), the list with no pages, soft delete, restore and hard delete."""
    made = sdk.ai.assistants.create(**ASSISTANT_FIELDS, idempotency_key="sdk-key-1")
    assert made.id.startswith("assistant-") and made.version_id
    assert made.telephony_settings is not None and made.telephony_settings.default_texml_app_id
    assert made.telephony_settings.voicemail_detection is not None
    assert made.dynamic_variables == {"company": "Example Ltd", "nested": {"a": 1}}
    again = sdk.ai.assistants.create(**ASSISTANT_FIELDS, idempotency_key="sdk-key-1")
    assert again.id == made.id  # the first answer again, nothing created
    with pytest.raises(telnyx.UnprocessableEntityError) as info:
        sdk.ai.assistants.create(**{**ASSISTANT_FIELDS, "name": "x"}, idempotency_key="sdk-key-1")
    assert "Idempotency" in str(info.value)
    got = sdk.ai.assistants.retrieve(made.id)
    assert got.voice_settings is not None and got.voice_settings.voice_speed == 1.2
    updated = sdk.ai.assistants.update(made.id, greeting="Hi.", model="openai/gpt-4o-mini")
    assert updated.greeting == "Hi." and updated.version_id != made.version_id
    assert sdk.ai.assistants.tags.add(made.id, tag="extra").tags == ["sdk", "extra"]
    assert sdk.ai.assistants.tags.remove("sdk", assistant_id=made.id).tags == ["extra"]
    assert sdk.ai.assistants.tags.list().tags == ["extra"]  # every tag of the account
    assert sdk.ai.assistants.retrieve(made.id).version_id == updated.version_id
    sdk.ai.assistants.create(name="Second", instructions="Two.")
    listed = sdk.ai.assistants.list().data
    assert {a.name for a in listed} == {"SDK front desk", "Second"}
    gone = sdk.ai.assistants.delete(made.id)
    assert gone.id == made.id and gone.deleted
    with pytest.raises(telnyx.NotFoundError):
        sdk.ai.assistants.retrieve(made.id)
    assert sdk.ai.assistants.restore(made.id).id == made.id
    sdk.ai.assistants.delete(made.id, hard_delete=True)
    with pytest.raises(telnyx.NotFoundError):
        sdk.ai.assistants.restore(made.id)
    with pytest.raises(telnyx.UnprocessableEntityError) as info:
        sdk.ai.assistants.create(
            name="bad",
            instructions="x",
            enabled_features=["fax"],  # type: ignore[list-item]
        )
    assert "enabled_features" in str(info.value)


# -------------------- every registered resource, from its spec's examples


def _data(spec: ResourceSpec, answer: Any) -> dict[str, Any]:
    """An SDK answer as a dict: its ``data`` where the API wraps objects."""
    value = answer.data if spec.api.enveloped else answer
    assert value is not None
    plain: dict[str, Any] = value.to_dict()
    return plain


def _contains(answer: Any, sent: Any, path: str = "") -> list[str]:
    """The paths of ``sent`` that ``answer`` does not hold as sent (secrets aside)."""
    if isinstance(sent, dict):
        return [
            miss
            for key, value in sent.items()
            for miss in _contains((answer or {}).get(key), value, f"{path}{key}.")
        ]
    return [] if answer == sent else [path.rstrip(".")]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_resource_through_the_sdk(spec: ResourceSpec, sdk: telnyx.Telnyx) -> None:
    """The official SDK creates each registered resource from its spec's full example (every
    field the models type) and reads every answer with strict validation: retrieve, the list
    filtered by name, an update, a delete. A field the emulator drops or renames fails here."""
    objects = sdk_collection(sdk, spec)

    def make(other: ResourceSpec) -> str:
        values = wired(other, example(other, "minimal", " (referenced)"), make)
        return str(_data(other, sdk_collection(sdk, other).create(**values))["id"])

    sent = wired(spec, example(spec, suffix=" via SDK"), make)
    body = {k: v for k, v in sent.items() if k not in spec.api.create_excludes}
    made = _data(spec, objects.create(**body))
    secrets = set(spec.fields.password_paths)
    shown = {k: v for k, v in body.items() if k not in secrets}
    for path in secrets:
        if "." in path:
            root, leaf = path.split(".", 1)
            shown[root] = {k: v for k, v in (shown.get(root) or {}).items() if k != leaf}
    assert _contains(made, shown) == [], made
    got = _data(spec, objects.retrieve(made["id"]))
    assert _contains(got, shown) == []
    page = objects.list()
    # A paged list iterates its items; an unpaged one answers them in ``data``.
    listed = [getattr(o, spec.name_field) for o in (page if spec.api.paginated else page.data)]
    assert sent[spec.name_field] in listed
    required = {k: sent[k] for k in spec.api.update_requires}
    change = example(spec, "update")
    updated = _data(spec, objects.update(made["id"], **required, **change))
    assert _contains(updated, change) == []
    objects.delete(made["id"])
    with pytest.raises(telnyx.NotFoundError):
        objects.retrieve(made["id"])
