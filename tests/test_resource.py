"""The user surface with Pulumi's mocks: destination builders, and how UacConnection hands its
inputs to the engine (type token, secrets, declared outputs). Mocks never run the provider."""

from __future__ import annotations

import base64
from typing import Any

import pulumi
import pytest

from pulumi_uac import (
    ExternalUacSettingsArgs,
    InboundArgs,
    UacConnection,
    UacConnectionArgs,
    destinations,
)
from pulumi_uac.models import SPECS, ResourceSpec
from pulumi_uac.provider import UacConnectionProvider

REGISTERED: list[tuple[str, dict[str, Any], Any]] = []


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        REGISTERED.append((args.typ, dict(args.inputs), args))
        return f"{args.name}-id", {**args.inputs, "fqdn": "abc.uac.telnyx.com"}

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[Any]]:
        return {}, []


@pytest.fixture(autouse=True, scope="module")
def mocks() -> Any:
    """Mocks for this module only: set_mocks changes Pulumi's process-wide runtime settings."""
    pulumi.runtime.set_mocks(Mocks(), project="proj", stack="test", preview=False)
    yield
    pulumi.runtime.settings.reset_options()


def resolved(output: pulumi.Output[Any]) -> Any:
    fut: list[Any] = []
    output.apply(fut.append)
    return fut


@pytest.mark.parametrize(
    ("fn", "ext", "app", "expected"),
    [
        (destinations.ai_assistant, "1006", "abc123", "1006@assistant-abc123.sip.telnyx.com"),
        (destinations.ai_assistant, "1006", "assistant-abc", "1006@assistant-abc.sip.telnyx.com"),
        (destinations.call_control, "2000", "xyz789", "2000@cc-app-xyz789.sip.telnyx.com"),
        (destinations.call_control, "2000", "cc-app-9", "2000@cc-app-9.sip.telnyx.com"),
        (destinations.speech_to_text, "3000", "s1", "3000@stt-s1.sip.telnyx.com"),
        (destinations.raw, "front_desk", "acme", "front_desk@acme.sip.telnyx.com"),
    ],
)
@pulumi.runtime.test
def test_destination_forms(fn: Any, ext: str, app: str, expected: str) -> Any:
    def check(uri: str) -> None:
        assert uri == expected

    return fn(ext, app).apply(check)


@pulumi.runtime.test
def test_destinations_accept_outputs() -> Any:
    uri = destinations.ai_assistant(
        pulumi.Output.from_input("1006"), pulumi.Output.secret("uuid-1")
    )

    def check(value: str) -> None:
        assert value == "1006@assistant-uuid-1.sip.telnyx.com"

    return uri.apply(check)


@pytest.mark.parametrize(
    ("ext", "app", "message"),
    [
        ("10 06", "abc", "extension"),
        ("", "abc", "extension"),
        ("1006", "", "non-empty"),
        ("1006", "bad_id!", "host name label"),
        ("1006", "x" * 70, "host name label"),
    ],
)
def test_destinations_reject_bad_parts_at_once(ext: str, app: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        destinations.ai_assistant(ext, app)


@pulumi.runtime.test
def test_resource_registers_with_secrets_and_declared_outputs() -> Any:
    REGISTERED.clear()
    conn = UacConnection(
        "office",
        connection_name="Office PBX",
        password="plain-connection-pass",
        external_uac_settings=ExternalUacSettingsArgs(
            proxy="sip:pbx", username="telnyx-reg", password="plain-pbx-pass"
        ),
        inbound={"timeout_1xx_secs": 5},
    )

    def check(values: list[Any]) -> None:
        fqdn, password_secret, ext_secret = values
        typ, inputs, _args = REGISTERED[-1]
        assert typ == "pulumi-python:dynamic/telnyx:UacConnection"
        # The ownership token is the provider's to draw (in check), never the program's.
        assert "ownership_token" not in inputs and "ownership_tag" not in inputs
        assert "__provider" in inputs
        assert fqdn == "abc.uac.telnyx.com"
        assert password_secret and ext_secret

    return pulumi.Output.all(
        conn.fqdn,
        pulumi.Output.from_input(conn.password).is_secret(),
        conn.external_uac_settings.apply(lambda e: e).is_secret(),
    ).apply(check)


def test_args_and_kwargs_are_exclusive_and_name_is_required() -> None:
    with pytest.raises(TypeError, match="connection_name"):
        UacConnection("x")
    with pytest.raises(TypeError, match="either"):
        UacConnection("x", UacConnectionArgs(connection_name="a"), active=True)  # type: ignore[call-overload]
    assert InboundArgs(codecs=["G722"]).codecs == ["G722"]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_the_args_classes_are_the_models_field_for_field(spec: ResourceSpec) -> None:
    """One source of truth: each XxxArgs has exactly its model's fields, recursively (plus the
    provider's own inputs at the top), and names the nested Args class in its annotation."""
    import importlib
    import re

    from pulumi_uac.core.properties import provider_input_names
    from pulumi_uac.models import FieldSpec
    from pulumi_uac.resource.codegen import snake

    inputs = importlib.import_module(f"pulumi_uac.resource.generated.{snake(spec.name)}")

    def compare(args_cls: type, specs: tuple[FieldSpec, ...], extra: frozenset[str]) -> None:
        names = set(pulumi._types.input_type_py_to_pulumi_names(args_cls))
        assert names == {s.name for s in specs} | extra, args_cls.__name__
        annotations = args_cls.__annotations__  # strings: the module uses `from __future__`
        for spec in specs:
            if spec.kind != "object":
                continue
            (nested,) = [
                c
                for c in vars(inputs).values()
                if isinstance(c, type)
                and c.__name__.endswith("Args")
                and re.search(rf"\b{c.__name__}\b", str(annotations[spec.name]))
            ]
            compare(nested, spec.fields, frozenset())

    compare(
        getattr(inputs, f"{spec.name}Args"),
        spec.fields.request,
        provider_input_names(spec),
    )


AUDIT_TOKEN = "xoxb-plain-in-the-program-123"


class _AuditedProvider(UacConnectionProvider):
    """A user's provider subclass: defined outside this package, pickled by value, with
    whatever it refers to inside."""

    def create(self, props: dict[str, Any]) -> Any:
        print(AUDIT_TOKEN)
        return super().create(props)


class _Audited(UacConnection):
    _dynamic_provider = _AuditedProvider()


@pulumi.runtime.test
def test_only_this_packages_providers_are_stored_in_plain_text() -> Any:
    """Review finding: the serialized provider is plain text only for our own providers (a
    class name, nothing else); a user's provider subclass stays a secret, as Pulumi's default."""
    ours = UacConnection._provider_value()
    assert isinstance(ours, str) and len(base64.b64decode(ours)) < 200
    theirs = _Audited._provider_value()
    assert isinstance(theirs, pulumi.Output)
    return pulumi.Output.all(theirs.is_secret()).apply(lambda v: _expect(v[0]))


def _expect(secret: bool) -> None:
    assert secret
