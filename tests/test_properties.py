"""Property-based tests: whatever a program or a client sends, ``check`` and the models never
crash and name a field for every problem, and the emulator never answers 500."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pulumi_uac.core import UNKNOWN, check
from pulumi_uac.emulator import EmulatorApp, Request
from pulumi_uac.models import UAC_CONNECTION

FIELD_NAMES = sorted({s.name for s in UAC_CONNECTION.fields.walk()})
TOP_NAMES = sorted(s.name for s in UAC_CONNECTION.fields.request)
PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["sip:pbx.example.com", "G722", "texml", "1006@a.sip.telnyx.com", ""]),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=12))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=12,
)
bodies = st.dictionaries(st.one_of(st.sampled_from(TOP_NAMES), keys), values, max_size=8)


def _with_unknowns(value: Any, draw_unknown: list[bool]) -> Any:
    if draw_unknown and draw_unknown.pop():
        return UNKNOWN
    if isinstance(value, dict):
        return {k: _with_unknowns(v, draw_unknown) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_unknowns(v, draw_unknown) for v in value]
    return value


@PROPS
@given(body=bodies, unknowns=st.lists(st.booleans(), max_size=30))
def test_check_never_crashes_and_names_a_path_for_every_failure(
    body: dict[str, Any], unknowns: list[bool]
) -> None:
    draws = list(unknowns)
    news = {k: _with_unknowns(v, draws) for k, v in body.items()}  # the engine sends a dict
    result = check(UAC_CONNECTION, {}, news)
    roots = {*news, "connection_name"}
    for failure in result.failures:
        path = failure.path
        assert path and failure.reason.startswith(path + " ")
        assert any(path == r or path.startswith((r + ".", r + "[")) for r in roots), path


@PROPS
@given(body=bodies)
def test_the_models_never_crash_and_locate_every_problem(body: dict[str, Any]) -> None:
    for validate in (UAC_CONNECTION.validate_create, UAC_CONNECTION.validate_update):
        _params, problems = validate(body)
        for p in problems:
            assert p.path and p.message and p.pointer.startswith("/")


APP = EmulatorApp(api_key="k", strict_fields=False)
ROUTES = [
    "/v2/uac_connections",
    "/v2/uac_connections/1",
    "/v2/uac_connections/1/actions/check_registration_status",
    "/v2/uac_connections/%00",
    "/v2/uac_connections/../../etc",
]


@PROPS
@given(
    method=st.sampled_from(["GET", "POST", "PATCH", "DELETE", "PUT"]),
    path=st.sampled_from(ROUTES),
    query=st.text(max_size=60),
    payload=st.one_of(
        values.map(lambda v: json.dumps(v, allow_nan=True).encode()),
        bodies.map(lambda v: json.dumps(v, allow_nan=True).encode()),
        st.binary(max_size=60),
    ),
)
def test_the_emulator_never_answers_500_to_anything(
    method: str, path: str, query: str, payload: bytes
) -> None:
    APP.store.reset()
    APP.store.create({"connection_name": "existing"})  # id 1... is unknown; a 404 is fine
    resp = APP.handle(
        Request(
            method,
            path,
            query=query,
            headers={"authorization": "Bearer k"},
            body=payload,
        )
    )
    assert resp.status < 500, (resp.status, resp.body)
    json.dumps(resp.body)  # always a JSON-serialisable answer
