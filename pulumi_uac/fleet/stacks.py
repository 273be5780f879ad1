"""The fleet file: one stack per line, its name then its configuration.

::

    # name      config (key=value, quoted as in a shell; secrets belong in the stack's own
    #           config file, set with `pulumi config set --secret`)
    dev         count=3 region=us
    customer-a  count=20 'greeting=Hello there'

Blank lines and ``#`` comments are skipped. A key without a namespace is the project's.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

_NAME = re.compile(r"^[A-Za-z0-9_.\-/]{1,100}$")


class FleetFileError(ValueError):
    """The fleet file cannot be read; the message names the line."""


@dataclass(frozen=True)
class StackEntry:
    name: str
    config: dict[str, str] = field(default_factory=dict)


def _without_comment(line: str) -> str:
    """``line`` up to a ``#`` that starts a word outside quotes, as a shell reads it: a ``#``
    inside a word or a quoted value (a password, a SIP URI) is kept."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def read_fleet(path: Path) -> list[StackEntry]:
    try:
        text = path.read_text()
    except OSError as exc:
        raise FleetFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    entries: list[StackEntry] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            words = shlex.split(_without_comment(line))
        except ValueError as exc:
            raise FleetFileError(f"{path}:{number}: {exc}") from None
        if not words:
            continue
        name, *pairs = words
        if not _NAME.match(name):
            raise FleetFileError(
                f"{path}:{number}: {name!r} is not a stack name (letters, digits, '-', '_', "
                "'.', '/')"
            )
        # `organization/project/dev` and `dev` are one stack of this project.
        short = name.rsplit("/", 1)[-1]
        if short in seen:
            raise FleetFileError(f"{path}:{number}: stack {short!r} is listed twice")
        seen.add(short)
        config: dict[str, str] = {}
        for position, pair in enumerate(pairs, start=1):
            key, sep, value = pair.partition("=")
            if not sep or not key:
                # The word itself is not shown: it may be a value that was meant to be secret.
                raise FleetFileError(
                    f"{path}:{number}: word {position} after stack {name!r} is not key=value"
                )
            config[key] = value
        entries.append(StackEntry(name, config))
    if not entries:
        raise FleetFileError(f"{path}: no stack listed")
    return entries
