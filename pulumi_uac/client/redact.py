"""Scrubbing secrets out of any text that may reach a log, a message or a repr."""

from __future__ import annotations

from collections.abc import Iterable

REDACTED = "[REDACTED]"
# Shorter strings are too likely to occur by chance in ordinary text to be replaced safely.
_MIN_LEN = 3


class Redactor:
    """Holds the secrets a client knows (its API key, the passwords it sent) and removes them."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: set[str] = set()
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        for s in secrets:
            if s and len(s) >= _MIN_LEN:
                self._secrets.add(s)

    def __call__(self, text: str | None) -> str | None:
        if text is None:
            return None
        # Longest first, so a secret that contains another is removed whole.
        for s in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(s, REDACTED)
        return text

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secrets)"
