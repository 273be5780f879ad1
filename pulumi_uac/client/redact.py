"""Scrubbing secrets out of any text that may reach a log, a message or a repr."""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[REDACTED]"
# Shorter strings are too likely to occur by chance in ordinary text to be replaced safely.
_MIN_LEN = 3

ANYWHERE_FROM = 8
"""Values this long or longer are hidden wherever they occur; shorter ones only where they stand
as a word of their own (no letter, digit or ``_`` right before or after).

A short value occurs by chance inside unrelated words: blanking it there mangled the message
(``https://exampl[webhook_event_failover_url]/webhooks`` for a value ``e.com``) and, worse,
pointed at the very characters of the secret. Where a short secret really appears in a message
(an echo, a URL's ``user:pw@``, a quoted value, JSON) it is delimited, so it is still hidden.
A long value is hidden even glued to other text: by chance it is not there, so it is the value
itself."""


def hide(text: str, value: str, label: str) -> str:
    """``text`` with ``value`` replaced by ``label`` (see :data:`ANYWHERE_FROM`)."""
    if len(value) >= ANYWHERE_FROM:
        return text.replace(value, label)
    if value not in text:
        return text
    # A boundary is asked for only where the value's own edge is a word character: a value
    # that starts or ends with punctuation is a word of its own at that edge whatever follows.
    before = r"(?<!\w)" if re.match(r"\w", value[0]) else ""
    after = r"(?!\w)" if re.match(r"\w", value[-1]) else ""
    return re.sub(before + re.escape(value) + after, lambda _m: label, text)


class SecretScrubber:
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
            text = hide(text, s, REDACTED)
        return text

    def __repr__(self) -> str:
        return f"SecretScrubber({len(self._secrets)} secrets)"
