"""Keeping secret values out of every message a user sees.

The engine shows a warning or an error as text: nothing in it is masked the way a secret
property is. So every message the adapters pass on (failures, warnings, diff reasons) goes
through a :class:`InputRedactor` built from the inputs of the call:

- the native plugin knows which inputs arrived secret, and only those are hidden, as
  ``[secret]``;
- the dynamic host unwraps secrets before the provider sees them, so it cannot tell: every input
  value may have been secret, and each is replaced by its field name, ``[external_uac_settings.
  proxy]``.

A value shorter than :data:`~pulumi_uac.client.redact.ANYWHERE_FROM` characters is hidden only
where it stands as a word of its own, not inside other words (see there why).

Messages the core writes itself print a value only where :meth:`InputRedactor.reveals` its path
(read-after-write warnings, for one): Telnyx may store a secret differently from how it was
sent (normalised, truncated), and no text search would find that form.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..client.redact import hide

SHORTEST = 3
"""Strings shorter than this are not searched for: ``"1"`` or ``"US"`` would blank out every
digit or capital of a message, and no secret that short protects anything."""


def _leaves(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item, path)
    elif isinstance(value, str):
        yield path, value


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path == r or path.startswith(r + ".") for r in roots)


class InputRedactor:
    """Hides the input values that may have been secret from any message.

    ``sources`` are the call's property maps (inputs, old state); ``secret_paths`` the dotted
    paths of the values that arrived secret (a secret object hides all it holds); ``None``
    means the caller cannot tell, so every value may have been. Only the values of ``inputs``
    (the resource's input names) are searched for: a state's outputs (ids, FQDNs, the managed
    paths) are Telnyx's, never secret on their way in, and the messages need them.
    """

    def __init__(
        self,
        sources: Iterable[Mapping[str, Any]],
        secret_paths: Iterable[str] | None,
        inputs: Iterable[str] = (),
    ) -> None:
        names = frozenset(inputs)
        self._secret = None if secret_paths is None else {str(p) for p in secret_paths}
        forms: dict[str, str] = {}
        leaves = (
            leaf
            for source in sources
            for key, value in source.items()
            if key in names
            for leaf in _leaves(value, key)
        )
        for path, value in leaves:
            if not self._hidden(path) or len(value) < SHORTEST:
                continue
            label = "[secret]" if self._secret is not None else f"[{path}]"
            # As written, and as a repr or JSON string would show it (escapes included).
            for form in {value, repr(value)[1:-1], json.dumps(value)[1:-1]}:
                if len(form) >= SHORTEST:
                    forms.setdefault(form, label)
        # Longest first, so that a value containing another is replaced whole.
        self._forms = sorted(forms.items(), key=lambda kv: -len(kv[0]))

    def _hidden(self, path: str) -> bool:
        return self._secret is None or _under(path, self._secret)

    def reveals(self, path: str) -> bool:
        """Whether a message may show the value at ``path`` (it did not arrive secret)."""
        return not self._hidden(path)

    def __call__(self, message: str) -> str:
        for form, label in self._forms:
            message = hide(message, form, label)
        return message


NOTHING_SECRET = InputRedactor((), ())
"""For calls that carry no inputs (lookups by id)."""
