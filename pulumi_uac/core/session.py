"""Credentials and the per-process HTTP client, shared by both adapters.

The API key comes from the stack configuration (``telnyx:apiKey``) when it is set there, else
from ``TELNYX_API_KEY``; the endpoint likewise from ``telnyx:baseUrl``, else ``TELNYX_BASE_URL``,
else Telnyx. Configuration wins because it is what the stack records; the environment is the
fallback that keeps the key out of the state entirely.
"""

from __future__ import annotations

import os
import threading

from ..client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, ClientConfig, UacClient
from .errors import MissingCredentialsError

API_KEY_CONFIG = "telnyx:apiKey"
BASE_URL_CONFIG = "telnyx:baseUrl"

_CLIENTS: dict[tuple[str, str], UacClient] = {}
_LOCK = threading.Lock()


def resolve(api_key: str | None, base_url: str | None) -> tuple[str, str]:
    """The key and base URL to use: configuration first, then the environment."""
    key = api_key or os.environ.get(API_KEY_ENV)
    if not key:
        raise MissingCredentialsError()
    url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    return key, url


def shared_client(api_key: str, base_url: str) -> UacClient:
    """One client (one connection pool) per endpoint and key for the whole process: every call
    the engine makes at once shares it."""
    with _LOCK:
        client = _CLIENTS.get((base_url, api_key))
        if client is None:
            client = UacClient(ClientConfig.from_env(api_key=api_key, base_url=base_url))
            _CLIENTS[(base_url, api_key)] = client
        return client
