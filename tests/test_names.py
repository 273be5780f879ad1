"""The two spellings of property names (``pulumi_uac.core.names``): exact, by table, over every
name a resource has, and never touching a value."""

from __future__ import annotations

import pytest

from pulumi_uac.core.names import camel, names_of
from pulumi_uac.core.properties import MANAGED_FIELDS, OWNERSHIP_TOKEN
from pulumi_uac.models import SPECS, UAC_CONNECTION


def test_camel_case_is_pulumi_s() -> None:
    assert camel("connection_name") == "connectionName"
    assert camel("t38_reinvite_source") == "t38ReinviteSource"
    assert camel("fqdn") == "fqdn"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_name_round_trips_and_no_two_collide(spec: object) -> None:
    names = names_of(spec)  # type: ignore[arg-type]
    assert names.to_camel and len(set(names.to_camel.values())) == len(names.to_camel)
    for snake, camel_name in names.to_camel.items():
        assert names.to_snake[camel_name] == snake
        assert "_" not in camel_name
    # Nested fields, provider inputs and the bookkeeping outputs are all in the table.
    for field in spec.fields.walk():  # type: ignore[attr-defined]
        assert field.name in names.to_camel
    assert {MANAGED_FIELDS, OWNERSHIP_TOKEN, "adopt_existing_id"} <= set(names.to_camel)


def test_keys_at_any_depth_are_translated_and_values_never() -> None:
    names = names_of(UAC_CONNECTION)
    state = {
        "connection_name": "connection_name",
        "inbound": {"channel_limit": 2, "codecs": ["G722"]},
        "managed_fields": ["inbound.channel_limit", "connection_name"],
        "password": {"4dabf18193072939515e22adb298388d": "secret", "ciphertext": "x"},
        "__provider": "kept",
        "not_a_field_of_ours": 1,
    }
    out = names.camel(state)
    assert out == {
        "connectionName": "connection_name",
        "inbound": {"channelLimit": 2, "codecs": ["G722"]},
        "managedFields": ["inbound.channel_limit", "connection_name"],
        "password": {"4dabf18193072939515e22adb298388d": "secret", "ciphertext": "x"},
        "__provider": "kept",
        "not_a_field_of_ours": 1,
    }
    assert names.snake(out) == state
    # Either spelling comes in: a snake_case state is left as it is.
    assert names.snake(state) == state
    assert names.foreign(state, "camel") == [
        "connection_name",
        "inbound.channel_limit",
        "managed_fields",
    ]
    assert names.foreign(out, "camel") == []
    assert names.key("inbound.channel_limit", "camel") == "inbound.channelLimit"


def test_messages_name_fields_as_the_user_wrote_them() -> None:
    names = names_of(UAC_CONNECTION)
    text = "inbound.channel_limit must be at least 1; set outbound.outbound_voice_profile_id"
    assert names.text(text) == (
        "inbound.channelLimit must be at least 1; set outbound.outboundVoiceProfileId"
    )
    # Words that are not field names stay as they are.
    assert names.text("by_caller_phone_number is not_a_field") == (
        "by_caller_phone_number is not_a_field"
    )


def test_the_native_classes_translate_names_and_paths_both_ways() -> None:
    """What the SDK's serializer, ``ignore_changes`` and ``additional_secret_outputs`` pass
    through a resource's translation: names, nested ones, and dotted paths."""
    from pulumi_uac.native import CallControlApplication, UacConnection

    conn = object.__new__(UacConnection)
    assert conn.translate_input_property("connection_name") == "connectionName"
    assert conn.translate_input_property("inbound.channel_limit") == "inbound.channelLimit"
    assert conn.translate_output_property("externalUacSettings") == "external_uac_settings"
    assert conn.translate_output_property("unknownKey") == "unknownKey"
    app = object.__new__(CallControlApplication)
    assert app.translate_input_property("webhook_event_url") == "webhookEventUrl"
