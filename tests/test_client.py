"""The httpx client: error mapping, redaction, retry schedules and caps, pagination, and the
no-duplicate-create rule (against httpx.MockTransport and against the real emulator)."""

from __future__ import annotations

import json
import logging
import socket
import ssl
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, formatdate
from typing import Any

import httpx
import pytest

from pulumi_uac.client import (
    AbandonedError,
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
    RateGate,
    RateLimitError,
    ResourceClient,
    TelnyxClient,
    TelnyxError,
    UnconfirmedCreateError,
    UnexpectedStatusError,
    UnprocessableEntityError,
    UnreachableError,
    retry_after_seconds,
)
from pulumi_uac.client.transport import UNREACHABLE_GRACE
from pulumi_uac.emulator import EmulatorServer
from pulumi_uac.models import UAC_CONNECTION, UacConnectionCreateParams

from .conftest import API_KEY, request_counts

Handler = Callable[[httpx.Request], httpx.Response]


def UacClient(config: ClientConfig, **kwargs: Any) -> ResourceClient:
    """The UAC connection client over a transport of its own."""
    return TelnyxClient(config, **kwargs).resource(UAC_CONNECTION)


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


def telnyx_clock(fake: FakeTime) -> dict[str, str]:
    """The Date header Telnyx sends with every answer: the client reads Telnyx's clock off it
    (here, the fake's own: no skew)."""
    return {"Date": formatdate(fake.wall(), usegmt=True)}


def make_client(handler: Handler, fake: FakeTime | None = None, **cfg: Any) -> ResourceClient:
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
    client.transport._retry._rng = lambda: 0.0
    client.transport.gate._rng = lambda: 0.0
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
    client = make_client(lambda r: envelope(status, f"detail for {status}"), retry_timeout=0)
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
        make_client(refuse, retry_timeout=0).get("1")
    assert not isinstance(info.value, APITimeoutError)
    with pytest.raises(APITimeoutError):
        make_client(slow, retry_timeout=0).get("1")


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
        repr(client.transport.config),
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
    client = make_client(handler, fake, retry_timeout=1000)
    client.get("1")
    assert len(seen) == 7
    assert fake.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_jitter_reduces_delay_by_at_most_a_quarter() -> None:
    fake = FakeTime()
    handler, _ = sequence(envelope(500), envelope(500), OK)
    client = make_client(handler, fake)
    client.transport._retry._rng = lambda: 1.0
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


def test_retries_are_bounded_by_time_not_by_a_count() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(503))
    with pytest.raises(InternalServerError) as info:
        make_client(handler, fake, retry_timeout=120).get("1")
    # 0.5, 1, 2, 4, 8, 8, 8, ... until the next wait would end past 120 s.
    assert len(seen) > 10 and sum(fake.sleeps) <= 120
    message = str(info.value)
    assert f"gave up after {len(seen)} attempts over" in message
    assert "with 120s for this request" in message and "telnyx:retryTimeout" in message


def test_the_budget_stops_retries_before_they_overrun() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(503, headers={"Retry-After": "4"}))
    with pytest.raises(InternalServerError):
        make_client(handler, fake, retry_timeout=10).get("1")
    # 0 s, 4 s, 8 s: a fourth attempt would start at 12 s, past the 10 s budget.
    assert len(seen) == 3
    assert sum(fake.sleeps) <= 10


def test_a_storm_within_the_budget_is_waited_out() -> None:
    fake = FakeTime()
    storm = envelope(429, headers={"x-ratelimit-reset": "30", "x-ratelimit-remaining": "0"})
    handler, seen = sequence(storm, storm, OK)
    make_client(handler, fake, retry_timeout=300).get("1")
    assert len(seen) == 3 and fake.sleeps == [30.0, 30.0]


def test_the_retry_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELNYX_API_KEY", API_KEY)
    assert ClientConfig.from_env().retry_timeout == 300.0
    monkeypatch.setenv("TELNYX_RETRY_TIMEOUT", "45")
    assert ClientConfig.from_env().retry_timeout == 45.0
    assert ClientConfig.from_env(retry_timeout="7").retry_timeout == 7.0
    for bad in ("soon", "-1", "1e9"):
        with pytest.raises(ConfigurationError, match="retry timeout"):
            ClientConfig.from_env(retry_timeout=bad)


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
    """A refused connection where the API answered before heals (a restart, a balancer)."""
    fake = FakeTime()
    handler, seen = sequence(envelope(408), httpx.ConnectError("refused"), OK)
    make_client(handler, fake).get("1")
    assert len(seen) == 3


def _failing_with(cause: BaseException) -> Handler:
    def handler(r: httpx.Request) -> httpx.Response:
        try:
            raise cause
        except BaseException as exc:
            raise httpx.ConnectError(str(exc), request=r) from exc

    return handler


@pytest.mark.parametrize(
    ("cause", "said", "grace"),
    [
        (ConnectionRefusedError(111, "Connection refused"), "connection was refused", True),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "not resolve", True),
        (ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"), "TLS", True),
        (
            ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] self-signed"),
            "certificate does not verify",
            False,
        ),
    ],
    ids=["refused", "dns", "tls", "certificate"],
)
def test_an_unreachable_api_fails_within_seconds_naming_the_url(
    cause: BaseException, said: str, grace: bool
) -> None:
    """Issue 26, finding 10: nothing answering at the base URL is not Telnyx being busy. It
    is tried for a few seconds (an API started beside the program), then one message names
    the URL tried and what to check; a certificate that does not verify is said at once."""
    fake = FakeTime()
    with pytest.raises(UnreachableError) as info:
        make_client(_failing_with(cause), fake).get("1")
    message = str(info.value)
    assert said in message and message.count("https://api.test/v2") == 1, message
    assert "telnyx:baseUrl" in message and "kept failing" not in message
    assert (0 < sum(fake.sleeps) <= UNREACHABLE_GRACE + 2) if grace else fake.sleeps == []


def test_what_can_heal_is_retried_not_called_unreachable() -> None:
    """Review findings: a resolver's temporary failure, and any refusal or lookup failure once
    the API has answered (a restart), are retried; an API that comes up within the grace is
    used. A password in the URL never shows."""
    fake = FakeTime()
    again = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    with pytest.raises(APIConnectionError) as info:
        make_client(_failing_with(again), fake, retry_timeout=10).get("1")
    assert not isinstance(info.value, UnreachableError) and sum(fake.sleeps) > 5
    refused = ConnectionRefusedError(111, "Connection refused")
    calls = iter([OK, refused, refused, OK, refused, refused, refused, refused, refused, OK])

    def flaky(r: httpx.Request) -> httpx.Response:
        item = next(calls)
        if isinstance(item, httpx.Response):
            return item
        return _failing_with(item)(r)

    client = make_client(flaky, FakeTime())
    for _ in range(3):
        client.get("1")  # refusals after an answer: retried, however long
    late = iter([refused, refused, OK])
    starting = make_client(
        lambda r: nxt if isinstance(nxt := next(late), httpx.Response) else _failing_with(nxt)(r),
        FakeTime(),
    )
    starting.get("1")  # up within the grace
    hidden = UacClient(
        ClientConfig(api_key=API_KEY, base_url="https://gw:S3cret-gw-pw@api.test/v2"),
        transport=httpx.MockTransport(_failing_with(ssl.SSLCertVerificationError(1, "bad"))),
    )
    with pytest.raises(UnreachableError) as shown:
        hidden.get("1")
    assert "S3cret-gw-pw" not in str(shown.value) and "gw:***@api.test" in str(shown.value)


# -------------------- no duplicate create


def create_params(**over: Any) -> UacConnectionCreateParams:
    return UacConnectionCreateParams.model_validate({"connection_name": "Office PBX", **over})


EMPTY = httpx.Response(200, json={"data": [], "meta": {"page_number": 1, "total_pages": 0}})


def test_a_create_is_never_resent_blind() -> None:
    """Even a refused connection or a 429 is followed by a look before the POST goes again:
    an intermediary may answer 429 after Telnyx acted."""
    fake = FakeTime()
    handler, seen = sequence(
        envelope(429),
        EMPTY,
        httpx.ConnectError("refused"),
        EMPTY,
        httpx.Response(201, json={"data": conn_json()}),
    )
    make_client(handler, fake).create(create_params())
    assert [r.method for r in seen] == ["POST", "GET", "POST", "GET", "POST"]


def test_a_create_carried_out_behind_a_429_is_found_by_its_mark() -> None:
    fake = FakeTime()
    mark = "pulumi-uac:0123456789abcdef0123.abcdef"
    made = conn_json(id="5", tags=["x", mark])
    listing = httpx.Response(
        200,
        json={
            "data": [conn_json(id="4", tags=["x"]), made],
            "meta": {"page_number": 1, "total_pages": 1},
        },
    )
    handler, seen = sequence(envelope(429), listing)
    conn = make_client(handler, fake).create(create_params(tags=["x", mark]), mark=mark)
    assert conn.id == "5" and [r.method for r in seen] == ["POST", "GET"]


def test_an_abandoned_call_stops_before_sending_again() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(429, headers={"Retry-After": "15"}), OK)
    gone = {"now": False}

    def abandoned() -> str | None:
        return "the pulumi CLI is gone" if gone["now"] else None

    client = make_client(handler, fake)
    client.transport._retry._abandoned_check = abandoned

    def sleep(seconds: float) -> None:
        fake.sleep(seconds)
        gone["now"] = True  # the CLI dies while this call sleeps on the Retry-After

    client.transport._retry._sleep = sleep
    with pytest.raises(AbandonedError, match="the pulumi CLI is gone"):
        client.create(create_params())
    assert [r.method for r in seen] == ["POST"]
    assert fake.sleeps == [1.0]  # noticed within a second, not after 15


def test_an_unmarked_create_that_may_have_landed_takes_nothing_and_resends_nothing() -> None:
    """Without a mark nothing proves which create made a same-named object (another stack's
    identical create, between its POST and its marking, looks the same): a recent one stops
    the create, listed with what its content says; an older one does not count."""
    fake = FakeTime()
    created = conn_json(created_at=datetime.fromtimestamp(fake.wall(), tz=timezone.utc).isoformat())
    listing = httpx.Response(
        200,
        headers=telnyx_clock(fake),
        json={
            "data": [created, conn_json(id="7", connection_name="Office PBX 2")],
            "meta": {"page_number": 1, "total_pages": 1},
        },
    )
    handler, seen = sequence(httpx.ReadTimeout("lost reply"), listing)
    with pytest.raises(AmbiguousCreateError, match="nothing taken") as failed:
        make_client(handler, fake).create(create_params())
    assert created["id"] in str(failed.value) and "holds 1 unmarked" in str(failed.value)
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
        headers=telnyx_clock(fake),
        json={
            "data": [conn_json(id="1", created_at=now), conn_json(id="2", created_at=now)],
            "meta": {"page_number": 1, "total_pages": 1},
        },
    )
    handler, seen = sequence(httpx.RemoteProtocolError("dropped"), listing)
    with pytest.raises(AmbiguousCreateError, match=r"1 .created.*; 2 .created"):
        make_client(handler, fake).create(create_params())
    assert [r.method for r in seen] == ["POST", "GET"]


MARK = "pulumi-uac:0123456789abcdef0123.abcdef"


def listing_of(*conns: dict[str, Any]) -> httpx.Response:
    return httpx.Response(
        200, json={"data": list(conns), "meta": {"page_number": 1, "total_pages": 1}}
    )


def test_a_create_that_gave_up_looks_once_more_and_adopts_what_landed() -> None:
    """The budget runs out right after a POST whose answer was lost: before giving up, one
    last look finds that it landed, so the create succeeds instead of leaving it behind."""
    handler, seen = sequence(
        httpx.ReadTimeout("lost reply"), listing_of(conn_json(id="9", tags=[MARK]))
    )
    client = make_client(handler, retry_timeout=0)
    conn = client.create(create_params(tags=[MARK]), mark=MARK)
    assert conn.id == "9" and [r.method for r in seen] == ["POST", "GET"]


def test_a_create_that_may_have_landed_and_was_not_found_says_so_with_its_tag() -> None:
    """Nothing found by name, nor by the mark across every page: the error is not a plain
    timeout but says the connection may exist, and names the tag that finds it later."""
    handler, seen = sequence(
        httpx.ReadTimeout("lost reply"), listing_of(), listing_of(conn_json(id="3", tags=["x"]))
    )
    with pytest.raises(UnconfirmedCreateError, match="may still have created") as info:
        make_client(handler, retry_timeout=0).create(create_params(tags=[MARK]), mark=MARK)
    assert info.value.mark == MARK and MARK in str(info.value)
    assert "timed out" in str(info.value)  # the cause stays in the message
    assert [r.method for r in seen] == ["POST", "GET", "GET"]
    assert "filter[connection_name][contains]" not in seen[2].url.params  # the full scan


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), envelope(422, "bad"), envelope(401, "who")],
    ids=["refused", "422", "401"],
)
def test_a_create_that_certainly_did_not_land_fails_plainly(
    failure: httpx.Response | Exception,
) -> None:
    handler, seen = sequence(failure)
    with pytest.raises(TelnyxError) as info:
        make_client(handler, retry_timeout=0).create(create_params(tags=[MARK]), mark=MARK)
    assert not isinstance(info.value, UnconfirmedCreateError)
    assert [r.method for r in seen] == ["POST"]


def test_a_failing_final_look_still_reports_an_unconfirmed_create() -> None:
    handler, seen = sequence(envelope(503), envelope(503))
    with pytest.raises(UnconfirmedCreateError, match="503"):
        make_client(handler, retry_timeout=0).create(create_params(tags=[MARK]), mark=MARK)
    assert [r.method for r in seen] == ["POST", "GET"]


def test_no_duplicate_create_against_the_emulator_when_the_reply_is_lost(
    client: ResourceClient, admin: httpx.Client
) -> None:
    admin.post(
        "faults/fail-next",
        json={"route": "POST /v2/uac_connections", "drop": True, "after_commit": True},
    )
    conn = client.create(create_params(tags=[MARK]), mark=MARK)
    state = admin.get("state").json()["connections"]
    assert [c["id"] for c in state] == [conn.id]
    counts = request_counts(admin)
    assert counts["POST /v2/uac_connections"] == 1
    assert counts["GET /v2/uac_connections"] == 1


def test_create_retried_after_a_5xx_that_changed_nothing(
    client: ResourceClient, admin: httpx.Client
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
            filters={"fqdn": "a.uac.telnyx.com", "outbound_voice_profile_id": "9"},
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
    client: ResourceClient, emulator: EmulatorServer
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


def test_one_connection_pool_is_reused(emulator: EmulatorServer, client: ResourceClient) -> None:
    client.create(create_params())
    pool = client.transport._http._transport._pool  # type: ignore[attr-defined]
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
    fake = FakeTime()
    client = UacClient(
        ClientConfig(api_key=API_KEY, base_url=emulator.base_url, retry_timeout=30.0),
        sleep=fake.sleep,
        clock=fake.monotonic,
    )
    client.transport.gate._rng = lambda: 0.0
    admin.put("faults", json={"rate_limit_burst": 1, "retry_after": 7, "retry_after_share": 0})
    assert list(client.list()) == []
    assert fake.sleeps == [7.0]
    fake.sleeps.clear()
    admin.post("faults/fail-next", json={"route": "GET /v2/uac_connections", "status": 503})
    assert list(client.list()) == []
    assert len(fake.sleeps) == 1 and fake.sleeps[0] <= 1.0  # backoff, not the window's reset
    client.transport.close()


# -------------------- the rate gate


class GateTime:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now


def test_the_gate_holds_every_call_until_the_announced_reset() -> None:
    t = GateTime()
    gate = RateGate(clock=t.clock, rng=lambda: 0.0)
    assert gate.delay() == 0.0 and not gate.closed
    gate.close_for(10)
    assert gate.closed and gate.delay() == 10.0
    t.now = 4
    assert gate.delay() == 6.0
    gate.close_for(2)  # an earlier reset never shortens a later one
    assert gate.delay() == 6.0
    gate.close_for(20)
    assert gate.delay() == 20.0
    t.now = 24
    assert gate.delay() == 0.0 and not gate.closed


def test_calls_resume_spread_out_not_all_at_once() -> None:
    t = GateTime()
    draws = iter([0.0, 0.5, 1.0])
    gate = RateGate(clock=t.clock, rng=lambda: next(draws))
    gate.close_for(10)  # spread: a tenth of the wait
    assert [gate.delay() for _ in range(3)] == [10.0, 10.5, 11.0]
    small = RateGate(clock=t.clock, rng=lambda: 1.0)
    small.close_for(0.1)
    assert small.delay() == pytest.approx(0.15)  # at least 50 ms of spread
    big = RateGate(clock=t.clock, rng=lambda: 1.0)
    big.close_for(100)
    assert big.delay() == pytest.approx(102.0)  # at most 2 s


def test_one_call_learning_the_limit_is_spent_makes_the_next_one_wait() -> None:
    fake = FakeTime()
    last = httpx.Response(
        200,
        json={"data": conn_json()},
        headers={"x-ratelimit-remaining": "0", "x-ratelimit-reset": "4"},
    )
    handler, seen = sequence(last, OK)
    client = make_client(handler, fake)
    client.get("1")
    assert fake.sleeps == []
    client.get("2")  # waits for the reset instead of discovering the limit itself
    assert fake.sleeps == [4.0] and len(seen) == 2


@pytest.mark.parametrize(
    ("reserve", "limit", "waits"),
    [(0, "100", []), (3, "100", [4.0]), (5, "100", [4.0]), (50, "4", []), (50, "6", [4.0])],
)
def test_a_rate_reserve_leaves_the_window_s_last_requests_to_others(
    reserve: int, limit: str, waits: list[float]
) -> None:
    """Processes sharing an account (a fleet) stop when no more than their reserve remains,
    so that the others' calls in flight fit under the limit; never more than half the window
    (a bigger reserve would stop every process after each request)."""
    fake = FakeTime()
    low = httpx.Response(
        200,
        json={"data": conn_json()},
        headers={
            "x-ratelimit-remaining": "3",
            "x-ratelimit-reset": "4",
            "x-ratelimit-limit": limit,
        },
    )
    handler, seen = sequence(low, OK)
    client = make_client(handler, fake, rate_reserve=reserve)
    client.get("1")
    client.get("2")
    assert fake.sleeps == waits and len(seen) == 2


def test_the_rate_reserve_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELNYX_RATE_RESERVE", "40")
    assert ClientConfig.from_env(api_key=API_KEY).rate_reserve == 40
    monkeypatch.setenv("TELNYX_RATE_RESERVE", "lots")
    with pytest.raises(ConfigurationError, match="TELNYX_RATE_RESERVE must be a whole number"):
        ClientConfig.from_env(api_key=API_KEY)


def test_concurrent_calls_share_what_one_429_taught(
    emulator: EmulatorServer, admin: httpx.Client
) -> None:
    import threading

    client = UacClient(ClientConfig(api_key=API_KEY, base_url=emulator.base_url))
    admin.put("faults", json={"storm_seconds": 1.5})
    errors: list[BaseException] = []

    def one() -> None:
        try:
            list(client.list())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert errors == []
    statuses = [r["status"] for r in admin.get("requests").json()["requests"]]
    # Each call may meet the storm once before the gate closes; none keeps hammering it.
    assert statuses.count(429) <= 8 and statuses.count(200) == 8
    client.transport.close()


# -------------------- hints that are no hint, and deadlines shared by nested requests
# (review of issues 10-11: a Retry-After of 0 made the client retry in a tight loop; a lookup
# inside a create had its own budget; an error answer saying "0 remaining" did not close the gate)


@pytest.mark.parametrize(
    "headers",
    [
        {"Retry-After": "0"},
        {"Retry-After": "-5"},
        {"Retry-After": "nan"},
        {"Retry-After": "inf"},
        {"retry-after-ms": "0"},
        {"retry-after-ms": "-100"},
        {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"},  # a moment long past
        {"x-ratelimit-reset": "0", "x-ratelimit-remaining": "0"},
        {"x-ratelimit-reset": "-3", "x-ratelimit-remaining": "0"},
    ],
)
def test_a_zero_negative_or_past_hint_falls_back_to_backoff(headers: dict[str, str]) -> None:
    fake = FakeTime()
    handler, seen = sequence(*[envelope(429, headers=headers)] * 4, OK)
    make_client(handler, fake).get("1")
    assert len(seen) == 5
    # The SDK's own schedule, not four back-to-back requests.
    assert fake.sleeps == [0.5, 1.0, 2.0, 4.0]


def test_a_reset_in_epoch_milliseconds_is_understood() -> None:
    now = 1_800_000_000.0
    header = {"x-ratelimit-reset": str(int((now + 9) * 1000)), "x-ratelimit-remaining": "0"}
    assert retry_after_seconds(header, now=lambda: now) == pytest.approx(9.0)


def test_a_wait_longer_than_the_budget_still_closes_the_gate_for_the_others() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(429, headers={"Retry-After": "3600"}), OK)
    client = make_client(handler, fake)
    with pytest.raises(RateLimitError, match="Telnyx asked to wait 3600s"):
        client.get("1")
    assert client.transport.gate.closed
    with pytest.raises(TelnyxError, match="nothing was sent"):
        client.get("2")  # fails fast rather than spending the window's last requests
    assert len(seen) == 1


def test_zero_remaining_on_an_error_answer_closes_the_gate() -> None:
    fake = FakeTime()
    spent = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "5"}
    handler, seen = sequence(envelope(404, headers=spent), OK)
    client = make_client(handler, fake)
    with pytest.raises(NotFoundError):
        client.get("missing")
    client.get("1")
    assert fake.sleeps == [5.0] and len(seen) == 2


def test_a_lookup_inside_a_create_shares_the_creates_deadline() -> None:
    """The POST's reply is lost, and every lookup fails: the whole create, lookups included,
    stays within one budget instead of one budget per nested request."""
    fake = FakeTime()
    seen: list[httpx.Request] = []

    def handler(r: httpx.Request) -> httpx.Response:
        seen.append(r)
        if r.method == "POST":
            raise httpx.ReadTimeout("reply lost")
        return envelope(503)

    with pytest.raises(TelnyxError):
        make_client(handler, fake, retry_timeout=20).create(create_params())
    assert sum(fake.sleeps) <= 20
    assert [r.method for r in seen].count("POST") == 1  # never re-sent without a lookup


def test_within_bounds_every_retry_of_the_block() -> None:
    fake = FakeTime()
    handler, seen = sequence(envelope(503))
    client = make_client(handler, fake, retry_timeout=300)
    with client.within(3.0), pytest.raises(InternalServerError, match="with 3s for this request"):
        client.get("1")
    assert sum(fake.sleeps) <= 3.0 and len(seen) == 3  # 0, 0.5, 1.5 s; 3.5 s would overrun
    with client.within(3.0), client.full_budget():
        fake.sleeps.clear()
        with pytest.raises(InternalServerError, match="with 300s"):
            client.get("1")
    assert sum(fake.sleeps) > 3.0


def test_a_near_deadline_shortens_the_exchange_itself() -> None:
    """customTimeouts of 2 s: not only the retries but each exchange must end by then (one
    slow answer would otherwise hold the operation for the full 30 s timeout)."""
    fake = FakeTime()
    handler, seen = sequence(OK)
    client = make_client(handler, fake)
    client.get("1")
    assert seen[-1].extensions["timeout"]["read"] == client.transport.config.timeout
    with client.within(2.0):
        client.get("1")
    assert seen[-1].extensions["timeout"]["read"] == 2.0
    with client.within(0.1):
        client.get("1")
    assert seen[-1].extensions["timeout"]["read"] == 1.0  # the floor: an exchange needs some


def test_a_timeout_cut_short_by_the_deadline_says_how_long_it_had() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    client = make_client(slow)
    with client.within(2.0), pytest.raises(APITimeoutError, match=r"\(ReadTimeout\) after [12]s"):
        client.get("1")


def test_the_registration_wait_reports_each_status_it_sees(
    client: ResourceClient, api: httpx.Client
) -> None:
    from pulumi_uac.core.registration import wait_for_registration

    body = {
        "connection_name": "Progress",
        "external_uac_settings": {
            "proxy": "sip:pbx.example.com",
            "username": "reg-user",
            "password": "pw-1234567",
        },
    }
    conn_id = api.post("uac_connections", json=body).json()["data"]["id"]
    seen: list[str] = []
    result = wait_for_registration(
        client, conn_id, 10, proxy="sip:pbx.example.com", name="Progress", progress=seen.append
    )
    assert result.status == "Registered"
    assert seen[0].startswith("registration: Not Registered (") and "of 10s)" in seen[0]
    assert seen[-1].startswith("registration: Registered (")
