"""Credentials and the per-process HTTP client, shared by both adapters.

The API key comes from the stack configuration (``telnyx:apiKey``) when it is set there, else
from ``TELNYX_API_KEY``; the endpoint likewise from ``telnyx:baseUrl``, else ``TELNYX_BASE_URL``,
else Telnyx. Configuration wins because it is what the stack records; the environment is the
fallback that keeps the key out of the state entirely.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from ..client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, ClientConfig, TelnyxClient
from ..client.config import clean_api_key, effective_base_url, parse_retry_timeout
from ..client.errors import ConfigurationError
from .errors import MissingCredentialsError

API_KEY_CONFIG = "telnyx:apiKey"
BASE_URL_CONFIG = "telnyx:baseUrl"
RETRY_TIMEOUT_CONFIG = "telnyx:retryTimeout"

_CLIENTS: dict[tuple[str, str, str | None], TelnyxClient] = {}
_LOCK = threading.Lock()


def resolve(api_key: str | None, base_url: str | None) -> tuple[str, str]:
    """The key and base URL to use: configuration first, then the environment."""
    key = api_key or os.environ.get(API_KEY_ENV)
    if not key or not key.strip():
        raise MissingCredentialsError()
    key = clean_api_key(key)
    url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    return key, url


def config_problems(base_url: str | None, retry_timeout: str | None) -> list[str]:
    """What is wrong with the provider settings (config, else environment), for ``check`` to
    report at preview time rather than at the first API call. The key is not checked here: a
    missing key is reported by the first call that needs it, and a preview needs none."""
    problems = []
    for parse, value in ((effective_base_url, base_url), (parse_retry_timeout, retry_timeout)):
        try:
            parse(value)
        except ConfigurationError as exc:
            problems.append(str(exc))
    return problems


def shared_client(
    api_key: str,
    base_url: str,
    retry_timeout: str | None = None,
    abandoned: Callable[[], str | None] | None = None,
) -> TelnyxClient:
    """One client per endpoint and key for the whole process: one connection pool, and one rate
    gate, so that every call the engine makes at once learns from the others' 429s.
    ``retry_timeout`` (from ``telnyx:retryTimeout``; else ``TELNYX_RETRY_TIMEOUT``) bounds each
    request's retries; ``abandoned`` stops waiting calls once the CLI is gone."""
    with _LOCK:
        key = (base_url, api_key, retry_timeout)
        client = _CLIENTS.get(key)
        if client is None:
            config = ClientConfig.from_env(
                api_key=api_key, base_url=base_url, retry_timeout=retry_timeout
            )
            client = TelnyxClient(config, abandoned=abandoned)
            _CLIENTS[key] = client
        return client
