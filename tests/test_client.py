"""The httpx client: error mapping, redaction, retry schedules and caps, pagination, and the
no-duplicate-create rule (against httpx.MockTransport and against the real emulator)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from pulumi_uac.client import (
    AmbiguousCreateError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientConfig,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UacClient,
    UnexpectedStatusError,
    UnprocessableEntityError,
    retry_after_seconds,
)
from pulumi_uac.emulator import EmulatorServer
from pulumi_uac.models import UacConnectionCreateParams

from .conftest import API_KEY, request_counts

Handler = Callable[[httpx.Request], httpx.Response]
SECRET_PW = "hunter2-very-secret"
EXT_PW = "pbx-digest-secret-77"


class FakeTime:
    """A clock that only moves when the client sleeps, so schedules are exact."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return 1_800_000_000.0 + self.now


def make_client(handler: Handler, fake: FakeTime | None = None, **cfg: Any) -> UacClient:
    fake = fake or FakeTime()
    config = ClientConfig(api_key=API_KEY, base_url="https://api.test/v2", **cfg)
    client = UacClient(
        config,
        transport=httpx.MockTransport(handler),
        sleep=fake.sleep,
        clock=fake.monotonic,
        wall_clock=fake.wall,
    )
    # Jitter off so the schedules can be compared exactly.
    client._retry._rng = lambda: 0.0
    return client


def envelope(
    status: int,
    detail: str = "boom",
    pointer: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    err: dict[str, Any] = {"code": "10015", "title": "Bad Request", "detail": detail}
    if pointer:
        err["source"] = {"pointer": pointer}
    return httpx.Response(status, json={"errors": [err]}, headers=headers)


def conn_json(**over: Any) -> dict[str, Any]:
    base = {
        "id": "1293384261075731499",
        "record_type": "uac_connection",
        "connection_name": "Office PBX",
        "created_at": "2027-01-15T08:00:00Z",
    }
    base.update(over)
    return base


# -------------------- error mapping


@pytest.mark.parametrize(
    ("status", "exc"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (405, UnexpectedStatusError),
        (408, UnexpectedStatusError),
    ],
)
def test_every_status_maps_to_its_exception(status: int, exc: type[Exception]) -> None:
    client = make_client(lambda r: envelope(status, f"detail for {status}"), max_attempts=1)
    with pytest.raises(exc) as info:
        client.get("42")
    assert info.value.status_code == status  # type: ignore[attr-defined]
    assert f"GET /uac_connections/42 failed: {status}" in str(info.value)
    assert f"detail for {status}" in str(info.value)


def test_422_carries_every_detail_and_pointer() -> None:
    body = {
        "errors": [
            {
                "code": "10015",
                "title": "Bad Request",
                "detail": "Invalid dnis_format",
                "source": {"pointer": "/inbound/dnis_number_format"},
            },
            {
                "code": "10004",
                "title": "Missing required parameter",
                "detail": "is required",
                "source": {"pointer": "/connection_name"},
            },
        ]
    }
    client = make_client(lambda r: httpx.Response(422, json=body))
    with pytest.raises(UnprocessableEntityError) as info:
        client.create(UacConnectionCreateParams(connection_name="x"))
    err = info.value
    assert [e.pointer for e in err.errors] == ["/inbound/dnis_number_format", "/connection_name"]
    assert [e.detail for e in err.errors] == ["Invalid dnis_format", "is required"]
    assert "/inbound/dnis_number_format: Invalid dnis_format [code 10015]" in str(err)


def test_connection_refused_and_timeouts_map_to_connection_errors() -> None:
    def refuse(r: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=r)

    def slow(r: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=r)

    with pytest.raises(APIConnectionError) as info:
        make_client(refuse, max_attempts=1).get("1")
    assert not isinstance(info.value, APITimeoutError)
    with pytest.raises(APITimeoutError):
        make_client(slow, max_attempts=1).get("1")


def test_missing_api_key_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELNYX_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="TELNYX_API_KEY"):
        ClientConfig.from_env()


def test_config_from_env_reads_the_sdk_variable_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELNYX_API_KEY", "k-env")
    monkeypatch.setenv("TELNYX_BASE_URL", "http://127.0.0.1:9/v2/")
    cfg = ClientConfig.from_env()
    assert (cfg.api_key, cfg.base_url) == ("k-env", "http://127.0.0.1:9/v2")
    assert ClientConfig.from_env(api_key="explicit").api_key == "explicit"
    monkeypatch.delenv("TELNYX_BASE_URL")
    assert ClientConfig.from_env().base_url == "https://api.telnyx.com/v2"


# -------------------- redaction


def test_messages_reprs_and_logs_never_show_passwords_or_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    echo = f"password {SECRET_PW} and {EXT_PW} rejected for key {API_KEY}"
    client = make_client(lambda r: envelope(422, echo, "/password"))
    params = UacConnectionCreateParams.model_validate(
        {
            "connection_name": "Office PBX",
            "password": SECRET_PW,
            "external_uac_settings": {"proxy": "sip:pbx", "password": EXT_PW},
        }
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(UnprocessableEntityError) as info:
        client.create(params)
    texts = [
        str(info.value),
        repr(info.value),
        repr(client),
        repr(client.config),
        repr(params),
        str(params),
        caplog.text,
        repr(info.value.errors),
    ]
    for text in texts:
        for secret in (SECRET_PW, EXT_PW, API_KEY):
            assert secret not in text, text
    assert "[REDACTED]" in str(info.value)


def test_response_models_hide_echoed_passwords() -> None:
    def ok(r: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "data": conn_json(password=SECRET_PW, external_uac_settings={"password": EXT_PW})
            },
        )

    conn = make_client(ok).get("1")
    assert SECRET_PW not in repr(conn) and EXT_PW not in repr(conn)
    assert conn.password is not None and conn.password.get_secret_value() == SECRET_PW


# -------------------- retries


def sequence(*responses: httpx.Response | Exception) -> tuple[Handler, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    queue = list(responses)

    def handler(r: httpx.Request) -> httpx.Response:
        seen.append(r)
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        return item

    return handler, seen


OK = httpx.Response(200, json={"data": conn_json()})


def test_backoff_schedule_is_exponential_and_capped() -> None:
    fake = FakeTime()
    handler, seen = sequence(*[envelope(503)] * 6, OK)
    client = make_client(handler, fake, max_attempts=7, max_retry_time=1000)
    client.get("1")
    assert len(seen) == 7
    assert fake.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_jitter_reduces_delay_by_at_most_a_quarter() -> None:
    fake = FakeTime()
    handler, _ = sequence(envelope(500), envelope(500), OK)
    client = make_client(handler, fake)
    client._retry._rng = lambda: 1.0
    client.get("1")
    assert fake.sleeps == [0.375, 0.75]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"x-ratelimit-reset": "7"}, 7.0),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),
    ],
)
def test_retry_after_forms_are_honoured(headers: dict[str, str], expected: float) -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(429, headers=headers), OK)
    make_client(handler, fake).get("1")
    assert fake.sleeps == [expected]
    assert len(seen) == 2


def test_retry_after_http_date_is_honoured() -> None:
    fake = FakeTime()
    when = datetime.fromtimestamp(fake.wall(), tz=timezone.utc) + timedelta(seconds=5)
    handler, _ = sequence(
        envelope(503, headers={"Retry-After": format_datetime(when, usegmt=True)}), OK
    )
    make_client(handler, fake).get("1")
    assert fake.sleeps == [pytest.approx(5.0, abs=1.0)]


def test_x_ratelimit_reset_as_epoch_is_understood() -> None:
    now = 1_800_000_000.0
    assert retry_after_seconds({"x-ratelimit-reset": str(now + 12)}, now=lambda: now) == 12.0
    assert retry_after_seconds({"retry-after": "garbage"}) is None
    assert retry_after_seconds({}) is None


def test_retries_stop_at_max_attempts_with_the_original_error() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(503))
    with pytest.raises(InternalServerError, match="gave up after 3 attempts"):
        make_client(handler, fake, max_attempts=3, max_retry_time=1000).get("1")
    assert len(seen) == 3


def test_total_time_cap_stops_retries_before_they_overrun() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(503, headers={"Retry-After": "4"}))
    with pytest.raises(InternalServerError):
        make_client(handler, fake, max_attempts=100, max_retry_time=10).get("1")
    # 0 s, 4 s, 8 s: a fourth attempt would start at 12 s, past the 10 s cap.
    assert len(seen) == 3
    assert sum(fake.sleeps) <= 10


def test_a_server_wait_longer_than_allowed_is_not_waited_for() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(429, headers={"Retry-After": "3600"}), OK)
    with pytest.raises(RateLimitError):
        make_client(handler, fake).get("1")
    assert len(seen) == 1 and fake.sleeps == []


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_not_retried(status: int) -> None:
    handler, seen = sequence(envelope(status))
    with pytest.raises(APIStatusError):
        make_client(handler).get("1")
    assert len(seen) == 1


def test_connection_errors_and_408_are_retried() -> None:
    fake = FakeTime()
    handler, seen = sequence(httpx.ConnectError("refused"), envelope(408), OK)
    make_client(handler, fake).get("1")
    assert len(seen) == 3


# -------------------- no duplicate create


def create_params(**over: Any) -> UacConnectionCreateParams:
    return UacConnectionCreateParams.model_validate({"connection_name": "Office PBX", **over})


def test_create_is_resent_when_it_cannot_have_reached_telnyx() -> None:
    fake = FakeTime()
    handler, seen = sequence(
        httpx.ConnectError("refused"),
        envelope(429),
        httpx.Response(201, json={"data": conn_json()}),
    )
    make_client(handler, fake).create(create_params())
    assert [r.method for r in seen] == ["POST", "POST", "POST"]


def test_create_that_may_have_reached_telnyx_adopts_the_single_match() -> None:
    fake = FakeTime()
    created = conn_json(created_at=datetime.fromtimestamp(fake.wall(), tz=timezone.utc).isoformat())
    listing = httpx.Response(
        200,
        json={
            "data": [created, conn_json(id="7", connection_name="Office PBX 2")],
            "meta": {"page_number": 1, "total_pages": 1},
        },
    )
    handler, seen = sequence(httpx.ReadTimeout("lost reply"), listing)
    conn = make_client(handler, fake).create(create_params())
    assert conn.id == created["id"]
    assert [(r.method, r.url.path) for r in seen] == [
        ("POST", "/v2/uac_connections"),
        ("GET", "/v2/uac_connections"),
    ]
    assert seen[1].url.params["filter[connection_name][contains]"] == "Office PBX"


def test_create_ignores_same_named_connections_created_before_the_attempt() -> None:
    fake = FakeTime()
    old = conn_json(id="1", created_at="2020-01-01T00:00:00Z")
    listing = httpx.Response(
        200, json={"data": [old], "meta": {"page_number": 1, "total_pages": 1}}
    )
    handler, seen = sequence(
        envelope(502), listing, httpx.Response(201, json={"data": conn_json(id="2")})
    )
    conn = make_client(handler, fake).create(create_params())
    assert conn.id == "2"
    assert [r.method for r in seen] == ["POST", "GET", "POST"]


def test_create_with_two_candidates_raises_and_resends_nothing() -> None:
    fake = FakeTime()
    now = datetime.fromtimestamp(fake.wall(), tz=timezone.utc).isoformat()
    listing = httpx.Response(
        200,
        json={
            "data": [conn_json(id="1", created_at=now), conn_json(id="2", created_at=now)],
            "meta": {"page_number": 1, "total_pages": 1},
        },
    )
    handler, seen = sequence(httpx.RemoteProtocolError("dropped"), listing)
    with pytest.raises(AmbiguousCreateError, match="1, 2"):
        make_client(handler, fake).create(create_params())
    assert [r.method for r in seen] == ["POST", "GET"]


def test_no_duplicate_create_against_the_emulator_when_the_reply_is_lost(
    client: UacClient, admin: httpx.Client
) -> None:
    admin.post(
        "faults/fail-next",
        json={"route": "POST /v2/uac_connections", "drop": True, "after_commit": True},
    )
    conn = client.create(create_params())
    state = admin.get("state").json()["connections"]
    assert [c["id"] for c in state] == [conn.id]
    counts = request_counts(admin)
    assert counts["POST /v2/uac_connections"] == 1
    assert counts["GET /v2/uac_connections"] == 1


def test_create_retried_after_a_5xx_that_changed_nothing(
    client: UacClient, admin: httpx.Client
) -> None:
    admin.post("faults/fail-next", json={"route": "POST /v2/uac_connections", "status": 503})
    client.create(create_params())
    assert len(admin.get("state").json()["connections"]) == 1
    assert request_counts(admin)["POST /v2/uac_connections"] == 2


# -------------------- pagination & listing


def test_list_follows_every_page_with_filters_and_sort() -> None:
    pages: list[httpx.QueryParams] = []

    def handler(r: httpx.Request) -> httpx.Response:
        pages.append(r.url.params)
        n = int(r.url.params["page[number]"])
        data = [conn_json(id=str(n * 10 + i)) for i in range(2 if n < 3 else 1)]
        return httpx.Response(
            200,
            json={
                "data": data,
                "meta": {"page_number": n, "page_size": 2, "total_pages": 3, "total_results": 5},
            },
        )

    ids = [
        c.id
        for c in make_client(handler).list(
            name_contains="Off",
            fqdn="a.uac.telnyx.com",
            outbound_voice_profile_id="9",
            sort="-connection_name",
        )
    ]
    assert ids == ["10", "11", "20", "21", "30"]
    assert [p["page[number]"] for p in pages] == ["1", "2", "3"]
    assert pages[0]["filter[connection_name][contains]"] == "Off"
    assert pages[0]["filter[fqdn]"] == "a.uac.telnyx.com"
    assert pages[0]["filter[outbound_voice_profile_id]"] == "9"
    assert pages[0]["sort"] == "-connection_name"


def test_list_against_the_emulator_across_pages(
    client: UacClient, emulator: EmulatorServer
) -> None:
    for i in range(7):
        client.create(create_params(connection_name=f"pbx-{i:02d}"))
    names = [c.connection_name for c in client.list(page_size=3, sort="connection_name")]
    assert names == [f"pbx-{i:02d}" for i in range(7)]
    assert [c.connection_name for c in client.find_by_name("pbx-03")] == ["pbx-03"]


def test_unknown_response_fields_are_kept() -> None:
    def handler(r: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": conn_json(brand_new_field={"x": 1})})

    conn = make_client(handler).get("1")
    assert conn.model_extra == {"brand_new_field": {"x": 1}}


def test_one_connection_pool_is_reused(emulator: EmulatorServer, client: UacClient) -> None:
    client.create(create_params())
    pool = client._http._transport._pool  # type: ignore[attr-defined]
    for _ in range(5):
        list(client.list())
    assert len(pool.connections) == 1


def test_request_body_reveals_passwords_only_on_the_wire() -> None:
    bodies: list[dict[str, Any]] = []

    def handler(r: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(r.content))
        return httpx.Response(201, json={"data": conn_json()})

    make_client(handler).create(create_params(password=SECRET_PW))
    assert bodies == [{"connection_name": "Office PBX", "password": SECRET_PW}]


def test_the_rate_limit_reset_header_alone_paces_the_client(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    """Telnyx documents only x-ratelimit-*: a 429 without Retry-After must still be waited out
    for as long as x-ratelimit-reset says, and a 5xx with requests left is not a long wait."""
    slept: list[float] = []
    client = UacClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, max_retry_time=30.0),
        sleep=slept.append,
    )
    admin.put("faults", json={"rate_limit_burst": 1, "retry_after": 7, "retry_after_share": 0})
    assert list(client.list()) == []
    assert slept == [7.0]
    slept.clear()
    admin.post("faults/fail-next", json={"route": "GET /v2/uac_connections", "status": 503})
    assert list(client.list()) == []
    assert len(slept) == 1 and slept[0] <= 1.0  # backoff, not the 60 s window reset
    client.close()
