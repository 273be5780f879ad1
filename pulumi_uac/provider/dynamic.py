"""The dynamic provider: Pulumi's Python dynamic-resource host in front of the core lifecycle.

This adapter only translates: the engine's values in (unknowns, floats), the core's results out
(``CheckResult``, ``DiffResult``, ...). Every decision lives in :mod:`pulumi_uac.core`.

Expected failures (every :class:`~pulumi_uac.client.TelnyxError`) are raised afresh from the
method the host called, with no traceback or chain behind them: the host prints a traceback
with every error, and this keeps it to the host's two frames and one line of ours.

Plain and synchronous; importing it has no side effects. An instance is serialized into the
stack (``__provider``) by reference: the resources of the first releases each have a small
subclass naming its spec (the spec's ``dynamic_provider``), pickled by module and class name,
which must therefore never move; a resource added since is served by
:class:`RegisteredProvider`, pickled with the resource's type name and nothing else. Neither
carries a credential: those arrive later, in ``configure``, inside the provider process, and
the HTTP client lives in a per-process cache.
"""

from __future__ import annotations

import functools
import importlib
import sys
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)
from pulumi.output import Unknown as EngineUnknown
from pulumi.runtime import rpc

from ..client import TelnyxError
from ..core import UNKNOWN, ResourceLifecycle, check, compute_diff, resolve, shared_client
from ..core.names import names_of
from ..core.properties import MISSING_MARKS, input_names
from ..core.redact import InputRedactor
from ..core.session import (
    API_KEY_CONFIG,
    BASE_URL_CONFIG,
    RETRY_TIMEOUT_CONFIG,
    config_problems,
)
from ..core.values import Unknown
from ..models import ResourceSpec, by_name
from .engine import default_log, engine_watch
from .host import plain_failures


def from_engine(value: Any) -> Any:
    """The engine's value with every unknown (an ``Unknown`` object, or the sentinel string)
    turned into the core's :data:`UNKNOWN`, at any depth."""
    if isinstance(value, EngineUnknown) or (isinstance(value, str) and value == rpc.UNKNOWN):
        return UNKNOWN
    if isinstance(value, dict):
        return {k: from_engine(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_engine(v) for v in value]
    return value


def to_engine(value: Any) -> Any:
    """The core's value with :data:`UNKNOWN` turned back into what the host serializes as
    unknown."""
    if isinstance(value, Unknown):
        return EngineUnknown()  # type: ignore[no-untyped-call]
    if isinstance(value, dict):
        return {k: to_engine(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_engine(v) for v in value]
    return value


def _current_urn() -> str:
    """The URN of the resource the dynamic host is serving on this thread, or "".

    The host hands a provider only the properties, but a warning or a status belongs on the
    resource's own line in the CLI: the URN is read (never changed) from the ``request`` of the
    host's gRPC method further up this thread's stack. Should a future host look different,
    messages fall back to the stack's line."""
    frame = sys._getframe(1)
    while frame is not None:
        request = frame.f_locals.get("request")
        urn = getattr(request, "urn", None)
        if isinstance(urn, str) and urn.startswith("urn:pulumi:"):
            return urn
        frame = frame.f_back  # type: ignore[assignment]
    return ""


PROVIDER_KEY = "__provider"
"""Where the dynamic host keeps the serialized provider, in inputs and outputs alike."""


class SpecProvider(ResourceProvider):
    """Creates, reads, updates and deletes the Telnyx objects of one resource (``spec``, set by
    each subclass)."""

    # The serialized provider is a pickle by reference (module and class name, no field: see
    # the class defaults below), so it holds nothing secret. Kept plain, it can be audited in the
    # state, and it spares the engine two encrypted values per resource, which it re-encodes in
    # every checkpoint (issue 17: a tenth of its CPU per create in a stack of 400). States that
    # hold it as a secret keep working: no diff reads it.
    serialize_as_secret_always = False
    spec: ResourceSpec

    # Set by configure() in the provider process only; class-level defaults keep the pickled
    # instance empty.
    _api_key: str | None = None
    _base_url: str | None = None
    _retry_timeout: str | None = None

    def configure(self, req: ConfigureRequest) -> None:
        """Read ``telnyx:apiKey``, ``telnyx:baseUrl`` and ``telnyx:retryTimeout`` from the stack
        configuration."""
        engine_watch().exit_when_gone()
        plain_failures()
        key = req.config.get(API_KEY_CONFIG)
        url = req.config.get(BASE_URL_CONFIG)
        budget = req.config.get(RETRY_TIMEOUT_CONFIG)
        self._api_key = str(key) if key else None
        self._base_url = str(url) if url else None
        self._retry_timeout = str(budget) if budget else None

    def lifecycle(self, *props: dict[str, Any]) -> ResourceLifecycle:
        """The core lifecycle over the shared client for this provider's credentials. The
        host unwraps secrets before they get here, so any of ``props`` may have been one: no
        message shows their values, only field names."""
        try:
            key, url = resolve(self._api_key, self._base_url)
            client = shared_client(key, url, self._retry_timeout, engine_watch().gone)
        except TelnyxError as exc:
            raise exc.with_traceback(None) from None
        urn = _current_urn()
        return ResourceLifecycle(
            self.spec,
            client,
            warn=functools.partial(default_log().warn, urn=urn),
            status=functools.partial(default_log().status, urn=urn),
            redactor=InputRedactor(props, secret_paths=None, inputs=input_names(self.spec)),
            urn=urn,
        )

    def _in(self, values: dict[str, Any]) -> dict[str, Any]:
        """The engine's values in the core's terms: unknowns translated, and names in the API's
        spelling (a state the native plugin wrote is camelCase: the stack moved back)."""
        converted: dict[str, Any] = names_of(self.spec).snake(from_engine(values))
        return converted

    def __getstate__(self) -> dict[str, Any]:
        # Whatever happens to the instance, only an empty state is ever serialized into a stack.
        return {}

    # ------------------------------------------------------------------ preview-time hooks

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        news = self._in(news)
        checked = check(self.spec, self._in(_olds), news)
        # No property name: the engine would print the property's value next to it. A rule's
        # text may quote a value (an enum member), which may have been secret.
        hide = InputRedactor((news,), secret_paths=None, inputs=input_names(self.spec))
        failures = [CheckFailure("", hide(f.reason)) for f in checked.failures]
        failures += [
            CheckFailure("", problem)
            for problem in config_problems(self._base_url, self._retry_timeout)
        ]
        return CheckResult(to_engine(checked.inputs), failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changes = compute_diff(self.spec, self._in(olds), self._in(news))
        if PROVIDER_KEY not in olds:
            # State written by the native plugin (the stack moved back through the alias): an
            # update, which makes no API call when nothing else changed, records the serialized
            # provider that every later read and delete of a dynamic resource needs. A change
            # made in the same program still replaces where it must.
            return DiffResult(changes=True, replaces=changes.replaces, delete_before_replace=False)
        # The core decides *whether* anything changes. When something does, the answer is
        # "changes unknown": the host cannot say which properties changed, and that makes the
        # engine work it out from the old and new inputs, which is what `replace_on_changes`
        # and a preview's property list need. Both agree, because create, update and read all
        # store inputs that match the outputs the core compares against.
        if changes.any and olds.get(MISSING_MARKS):
            marked = {k: v for k, v in olds.items() if k != MISSING_MARKS}
            if not compute_diff(self.spec, self._in(marked), self._in(news)).any:
                # Only the marks are missing, and they are no input: "unknown" would let the
                # engine find nothing to do, so the update that puts them back is said
                # outright. With other changes the engine sees those (and applies
                # replace_on_changes to them), and that update puts the marks back too.
                return DiffResult(changes=True, replaces=[], delete_before_replace=False)
        return DiffResult(
            changes=None if changes.any else False,
            replaces=changes.replaces,
            delete_before_replace=False,
        )

    # ------------------------------------------------------------------ lifecycle

    def create(self, props: dict[str, Any]) -> CreateResult:
        try:
            props = self._in(props)
            created = self.lifecycle(props).create(props)
        except TelnyxError as exc:
            raise exc.with_traceback(None) from None
        return CreateResult(created.id, created.outputs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            props = self._in(props)
            found = self.lifecycle(props).read(id_, props)
        except TelnyxError as exc:
            raise exc.with_traceback(None) from None
        if found is None:
            # Deleted outside Pulumi: an empty id tells the engine to drop it from the state.
            return ReadResult(None, {})
        return ReadResult(found.id, found.outputs, found.inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        try:
            olds, news = self._in(olds), self._in(news)
            outs = self.lifecycle(olds, news).update(id_, olds, news)
        except TelnyxError as exc:
            raise exc.with_traceback(None) from None
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        try:
            props = self._in(props)
            self.lifecycle(props).delete(id_, props)
        except TelnyxError as exc:
            raise exc.with_traceback(None) from None


class RegisteredProvider(SpecProvider):
    """The provider of a resource that has no class of its own: it is pickled as this class and
    the resource's type name, and finds the spec in the registry when unpickled."""

    def __init__(self, resource: str) -> None:
        self.spec = by_name(resource)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (RegisteredProvider, (self.spec.name,))


def provider_for(spec: ResourceSpec) -> SpecProvider:
    """The dynamic provider of ``spec``: the class existing stacks recorded, or the generic
    one."""
    if spec.dynamic_provider:
        module, name = spec.dynamic_provider.split(":")
        cls: type[SpecProvider] = getattr(importlib.import_module(module), name)
        return cls()
    return RegisteredProvider(spec.name)
