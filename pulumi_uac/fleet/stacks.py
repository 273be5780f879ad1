"""The fleet file: one stack per line, its name then its configuration.

::

    # name      config (key=value, quoted as in a shell; secrets belong in the stack's own
    #           config file, set with `pulumi config set --secret`)
    dev         count=3 region=us
    customer-a  count=20 'greeting=Hello there'

Blank lines and ``#`` comments are skipped. A key without a namespace is the project's.

The file sets plain values: a key that looks secret (:func:`looks_secret`) or that is secret in
the stack's configuration is refused (:func:`refuse_plain_secrets`), with the ``pulumi config
set --secret`` that sets it instead.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_NAME = re.compile(r"^[A-Za-z0-9_.\-/]{1,100}$")

SECRET_INSIDE = (
    "password",
    "passwd",
    "passphrase",
    "secret",
    "apikey",
    "credential",
    "connectionstring",
)
"""A key whose name (after its namespace, case and separators ignored) contains one of these
looks secret wherever it stands: ``pbxPassword``, ``telnyx:apiKey``, ``api_key``."""
SECRET_WORDS = ("pw", "pwd", "pass", "key", "token", "cred", "creds", "auth", "pin", "dsn")
"""A word of the name (split at case changes, ``_``, ``-`` and ``.``) that is one of these, or
ends with one, looks secret: ``pbxpw``, ``sipPass``, ``webhookToken``, ``pbxCreds``,
``hotkey``; ``maxTokens`` and ``keywords`` do not. A false alarm is set once by hand (the
fleet then keeps it, see :func:`refuse_plain_secrets`); a miss writes a secret in plain text
into ``Pulumi.<stack>.yaml`` and the state."""


class FleetFileError(ValueError):
    """The fleet file cannot be read; the message names the line."""


@dataclass(frozen=True)
class StackEntry:
    name: str
    config: dict[str, str] = field(default_factory=dict)
    line: int = field(default=0, compare=False)


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
        entries.append(StackEntry(name, config, number))
    if not entries:
        raise FleetFileError(f"{path}: no stack listed")
    return entries


def looks_secret(key: str) -> str | None:
    """What in ``key``'s name makes it look secret (see :data:`SECRET_INSIDE` and
    :data:`SECRET_WORDS`), if anything does."""
    name = key.rsplit(":", 1)[-1]
    words = [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)]
    joined = "".join(words)
    inside = next((s for s in SECRET_INSIDE if s in joined), None)
    if inside:
        return inside
    for word in words:
        found = next((s for s in SECRET_WORDS if word == s or word.endswith(s)), None)
        if found:
            return found
    return None


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text())
    except FileNotFoundError:
        return None
    except (OSError, yaml.YAMLError) as exc:
        raise FleetFileError(f"cannot read {path}: {exc}") from None


def _has_secure(value: Any) -> bool:
    if isinstance(value, dict):
        return "secure" in value or any(_has_secure(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_secure(v) for v in value)
    return False


def stack_keys(project_dir: Path, stack: str) -> tuple[set[str], set[str]]:
    """The configuration keys (namespaced) of ``stack``'s settings file: the secret ones, and
    the plain ones. Read from the file, as ``pulumi config`` would show them, without the
    passphrase."""
    project: Any = None
    for name in ("Pulumi.yaml", "Pulumi.yml"):
        project = _read_yaml(project_dir / name)
        if project is not None:
            break
    if not isinstance(project, dict):
        return set(), set()
    folder = project_dir / str(project.get("stackConfigDir") or ".")
    short = stack.rsplit("/", 1)[-1]
    for suffix in ("yaml", "yml"):
        settings = _read_yaml(folder / f"Pulumi.{short}.{suffix}")
        if settings is not None:
            break
    config = settings.get("config") if isinstance(settings, dict) else None
    if not isinstance(config, dict):
        return set(), set()
    secret = {str(k) for k, v in config.items() if _has_secure(v)}
    return secret, {str(k) for k in config} - secret


def _namespaced(key: str, project: str) -> str:
    return key if ":" in key else f"{project}:{key}"


def _project_name(project_dir: Path) -> str:
    for name in ("Pulumi.yaml", "Pulumi.yml"):
        project = _read_yaml(project_dir / name)
        if isinstance(project, dict) and project.get("name"):
            return str(project["name"])
    return ""


def refuse_plain_secrets(path: Path, entries: Iterable[StackEntry], project_dir: Path) -> None:
    """Refuse, before anything runs, every key of the file that would put a secret in plain
    text: the fleet sets values with ``pulumi config set`` (plain), which writes them into the
    stack's settings file and the state, and replaces a secret one without a word. Each is
    named with the command that sets it as a secret instead; no value is ever shown."""
    project = _project_name(project_dir)
    problems: list[str] = []
    for entry in entries:
        secret, plain = stack_keys(project_dir, entry.name) if entry.config else (set(), set())
        for key in entry.config:
            # A key the stack already holds in plain text was judged no secret by a person.
            word = None if _namespaced(key, project) in plain else looks_secret(key)
            if _namespaced(key, project) in secret:
                why = (
                    f"is secret in stack {entry.name!r}'s configuration: the file would replace it"
                )
            elif word:
                why = f"looks secret (its name contains {word!r}): the file would write it"
            else:
                continue
            command = shlex.join(
                ["pulumi", "config", "set", "--secret", "--stack", entry.name, key]
            )
            short = entry.name.rsplit("/", 1)[-1]
            problems.append(
                f"{path}:{entry.line}: {key} {why} in plain text, in Pulumi.{short}.yaml and "
                f"the state. Remove it from the file and run once (it asks for the value): "
                f"{command}"
                + (
                    "; if it is no secret, set it once in plain text with `pulumi config set "
                    f"--stack {entry.name} {key} VALUE`, and the file may set it from then on"
                    if word
                    else ""
                )
            )
    if problems:
        raise FleetFileError("\n".join(problems))
