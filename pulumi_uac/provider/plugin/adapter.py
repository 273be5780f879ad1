"""``pulumi-resource-telnyx``: the native provider plugin, on ``pulumi.provider.experimental``.

A thin adapter, like the dynamic one: values in and out (:mod:`.values`), every decision in
:mod:`pulumi_uac.core`. What the native protocol adds over the dynamic host: a schema, import
(``read`` returns inputs), per-property diffs naming why a change replaces, functions, YAML, and
no 4-call ceiling: the synchronous core runs on a thread pool as wide as the engine's
``--parallel`` can ask for.

Expected failures (every :class:`~pulumi_uac.client.TelnyxError`) reach the user as the one
line they are: each handler leaves the line in :data:`FAILURE`, and the servicer
(:mod:`.serving`, which serves this provider over gRPC) answers with it.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.provider import (
    CheckFailure,
    CheckRequest,
    CheckResponse,
    ConfigureRequest,
    ConfigureResponse,
    ConstructRequest,
    ConstructResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    GetSchemaRequest,
    GetSchemaResponse,
    InvokeRequest,
    InvokeResponse,
    PropertyDiff,
    PropertyDiffKind,
    Provider,
    ReadRequest,
    ReadResponse,
    UpdateRequest,
    UpdateResponse,
)

from ...client import TelnyxError
from ...core import (
    ResourceLifecycle,
    check,
    compute_diff,
    is_unknown,
    resolve,
    shared_client,
)
from ...core.diff import PathChange
from ...core.errors import LookupFailedError
from ...core.extension import Function
from ...core.names import Names, camel, names_of, package_names
from ...core.properties import input_names, provider_input_names
from ...core.redact import NOTHING_SECRET, InputRedactor
from ...core.session import config_problems
from ...models import SPECS, ResourceSpec, by_urn
from ..engine import EngineLog, EngineWatch
from .components import Component, to_inputs, to_value
from .schema import extension_functions, schema_json
from .values import Path, plain_map, value_map

T = TypeVar("T")
WORKERS = 256
"""Threads for the synchronous core: more than any sensible ``--parallel``, created on demand."""

FAILURE: contextvars.ContextVar[str | None] = contextvars.ContextVar("failure", default=None)
"""The one line an expected failure of the current request is answered with (set by the
handler that failed, read by :mod:`.serving`)."""


def _kind(change: PathChange) -> PropertyDiffKind:
    if change.kind == "add":
        return PropertyDiffKind.ADD_REPLACE if change.replace else PropertyDiffKind.ADD
    return PropertyDiffKind.UPDATE_REPLACE if change.replace else PropertyDiffKind.UPDATE


def _passwords(spec: ResourceSpec) -> set[Path]:
    return {tuple(p.split(".")) for p in spec.fields.password_paths}


def _in(
    spec: ResourceSpec, values: Mapping[str, PropertyValue]
) -> tuple[dict[str, Any], set[Path]]:
    """The engine's property map in the core's names (either spelling comes in: a state
    written by the dynamic resource or an older plugin is snake_case), and its secret paths."""
    plain, secrets = plain_map(values)
    return _snake(names_of(spec), plain, secrets)


def _snake(
    names: Names, plain: dict[str, Any], secrets: set[Path]
) -> tuple[dict[str, Any], set[Path]]:
    converted: dict[str, Any] = names.snake(plain)
    return converted, names.paths(secrets, "snake")


def _out(
    spec: ResourceSpec,
    values: Mapping[str, Any],
    secrets: set[Path] = frozenset(),  # type: ignore[assignment]
) -> dict[str, PropertyValue]:
    """The core's values for the engine: camelCase, secret where they came in secret, and every
    password secret."""
    names = names_of(spec)
    return value_map(names.camel(values), names.paths({*secrets, *_passwords(spec)}, "camel"))


def _redactor(
    spec: ResourceSpec, sources: tuple[dict[str, Any], ...], secrets: set[Path]
) -> InputRedactor:
    """What hides this call's secret values from its messages: the paths that arrived secret,
    and every password wherever it arrived from (YAML literals come plain)."""
    hidden = {".".join(p) for p in secrets} | set(spec.fields.password_paths)
    return InputRedactor(sources, hidden, inputs=input_names(spec))


def _spec(urn: str) -> ResourceSpec:
    spec = by_urn(urn)
    if spec is None:
        FAILURE.set(f"the telnyx provider has no resource type for {urn}")
        raise NotImplementedError(urn)
    return spec


def _text(value: PropertyValue | None) -> str | None:
    if value is None or value.value is None:
        return None
    return str(value.value)


class TelnyxProvider(Provider):
    """The ``telnyx`` package: a resource and a lookup per spec, and each resource's own
    functions (its extension's)."""

    def __init__(
        self, log: EngineLog, watch: EngineWatch, components: tuple[Component, ...] = ()
    ) -> None:
        self._log = log
        self._components = {c.token: c for c in components}
        self._watch = watch
        self._api_key: str | None = None
        self._base_url: str | None = None
        self._retry_timeout: str | None = None
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="telnyx")

    # ------------------------------------------------------------------ plumbing

    def _lifecycle(
        self, spec: ResourceSpec, urn: str = "", redactor: InputRedactor = NOTHING_SECRET
    ) -> ResourceLifecycle:
        key, url = resolve(self._api_key, self._base_url)
        client = shared_client(key, url, self._retry_timeout, self._watch.gone)
        return ResourceLifecycle(
            spec,
            client,
            # The core's words name fields as the API does; the user wrote them in camelCase.
            warn=lambda message: self._log.warn(names_of(spec).text(message), urn=urn),
            status=lambda message: self._log.status(names_of(spec).text(message), urn=urn),
            redactor=redactor,
            urn=urn,
        )

    async def _run(self, fn: Callable[[], T], redactor: InputRedactor = NOTHING_SECRET) -> T:
        """Run ``fn`` (synchronous, it talks to Telnyx) on the pool; an expected failure is
        noted for the servicer, which answers it as one plain line, with every value that
        arrived secret hidden and the fields it names spelled as the user wrote them."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, fn)
        except TelnyxError as exc:
            FAILURE.set(package_names().text(redactor(str(exc))))
            raise

    # ------------------------------------------------------------------ provider

    async def get_schema(self, request: GetSchemaRequest) -> GetSchemaResponse:
        return GetSchemaResponse(schema=schema_json(tuple(self._components.values())))

    async def check_config(self, request: CheckRequest) -> CheckResponse:
        """Provider settings checked at preview time, before any resource is: a bad
        ``telnyx:retryTimeout`` or ``telnyx:baseUrl`` fails the preview, naming the setting."""
        settings, _ = plain_map(request.new_inputs)
        values = {}
        for name in ("baseUrl", "retryTimeout"):
            value = settings.get(name)
            values[name] = None if value is None or is_unknown(value) else str(value)
        problems = config_problems(values["baseUrl"], values["retryTimeout"])
        return CheckResponse(
            inputs=request.new_inputs, failures=[CheckFailure("", p) for p in problems]
        )

    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        def setting(name: str) -> PropertyValue | None:
            value = request.args.get(name)
            if value is None and f"telnyx:{name}" in request.variables:
                value = PropertyValue(request.variables[f"telnyx:{name}"])
            return value

        key = setting("apiKey")
        self._api_key = _text(key)
        self._base_url = _text(setting("baseUrl"))
        budget = setting("retryTimeout")
        self._retry_timeout = None if budget is None or budget.value is None else f"{budget.value}"
        if key is not None and self._api_key and not key.is_secret and "apiKey" in request.args:
            self._log.warn(
                "telnyx:apiKey is set without --secret, so it is stored in plain text in the "
                "stack configuration and the state; run `pulumi config set --secret "
                "telnyx:apiKey <KEY>` (or use TELNYX_API_KEY)"
            )
        return ConfigureResponse(
            accept_secrets=True,
            supports_preview=False,
            # A component takes resources as inputs (an extension's destination); a resource
            # given where one of ours takes a string is read as its id, as the engine itself
            # would send it to a provider that does not take resources (values.to_plain).
            accept_resources=True,
            accept_outputs=False,
        )

    # ------------------------------------------------------------------ resource

    async def check(self, request: CheckRequest) -> CheckResponse:
        spec = _spec(request.urn)
        olds, _ = _in(spec, request.old_inputs)
        news, secrets = _in(spec, request.new_inputs)
        checked = check(spec, olds, news)
        hide = _redactor(spec, (news,), secrets)
        names = names_of(spec)
        return CheckResponse(
            # Passwords are secret whatever the program did (a YAML program, or any language
            # without our SDK's wrapping, sends them plain): the state records checked inputs.
            inputs=_out(spec, checked.inputs, secrets),
            failures=[CheckFailure("", names.text(hide(f.reason))) for f in checked.failures],
        )

    async def diff(self, request: DiffRequest) -> DiffResponse:
        spec = _spec(request.urn)
        names = names_of(spec)
        state, state_secrets = plain_map(request.old_state)
        olds, old_secrets = _snake(names, state, state_secrets)
        news, secrets = _in(spec, request.new_inputs)
        redactor = _redactor(spec, (olds, news), old_secrets | secrets)
        changes = compute_diff(spec, olds, news)
        for change in changes.changes:
            if change.replace:
                self._log.info(names.text(redactor(change.reason)), urn=request.urn)
        detailed = {
            names.key(c.path, "camel"): PropertyDiff(_kind(c), True) for c in changes.changes
        }
        for name in changes.provider_inputs:
            detailed[names.key(name, "camel")] = PropertyDiff(PropertyDiffKind.UPDATE, True)
        # Keys of the state in the API's spelling (``connection_name``), as dotted paths.
        renamed = sorted(set(names.foreign(state, "camel")))
        if renamed and not changes.any:
            # A state in the API's names (the dynamic resource's, or an older plugin's): an
            # update that sends nothing to Telnyx rewrites it in the package's names, once.
            for old in renamed:
                detailed[old] = PropertyDiff(PropertyDiffKind.DELETE, False)
                detailed[names.key(old, "camel")] = PropertyDiff(PropertyDiffKind.ADD, False)
        return DiffResponse(
            changes=changes.any or bool(renamed),
            replaces=changes.replaces,
            delete_before_replace=False,
            diffs=sorted({p.split(".", 1)[0] for p in detailed}),
            detailed_diff=detailed,
        )

    async def create(self, request: CreateRequest) -> CreateResponse:
        spec = _spec(request.urn)
        inputs, secrets = _in(spec, request.properties)
        timeout = request.timeout or None
        redactor = _redactor(spec, (inputs,), secrets)
        created = await self._run(
            lambda: self._lifecycle(spec, request.urn, redactor).create(inputs, timeout=timeout),
            redactor,
        )
        return CreateResponse(
            resource_id=created.id, properties=_out(spec, created.outputs, secrets)
        )

    async def read(self, request: ReadRequest) -> ReadResponse:
        spec = _spec(request.urn)
        state, secrets = _in(spec, request.properties)
        redactor = _redactor(spec, (state,), secrets)
        found = await self._run(
            lambda: self._lifecycle(spec, request.urn, redactor).read(request.resource_id, state),
            redactor,
        )
        if found is None:
            return ReadResponse(resource_id="", properties={}, inputs={})
        return ReadResponse(
            resource_id=found.id,
            properties=_out(spec, found.outputs, secrets),
            inputs=_out(spec, found.inputs, secrets),
        )

    async def update(self, request: UpdateRequest) -> UpdateResponse:
        spec = _spec(request.urn)
        olds, old_secrets = _in(spec, request.olds)
        news, secrets = _in(spec, request.news)
        timeout = request.timeout or None
        redactor = _redactor(spec, (olds, news), old_secrets | secrets)
        outs = await self._run(
            lambda: self._lifecycle(spec, request.urn, redactor).update(
                request.resource_id, olds, news, timeout=timeout
            ),
            redactor,
        )
        return UpdateResponse(properties=_out(spec, outs, secrets))

    async def delete(self, request: DeleteRequest) -> None:
        spec = _spec(request.urn)
        outputs, secrets = _in(spec, request.properties)
        redactor = _redactor(spec, (outputs,), secrets)
        await self._run(
            lambda: self._lifecycle(spec, request.urn, redactor).delete(
                request.resource_id, outputs
            ),
            redactor,
        )

    # ------------------------------------------------------------------ functions

    async def invoke(self, request: InvokeRequest) -> InvokeResponse:
        args, _ = plain_map(request.args)
        # The SDKs unwrap secret arguments of an invoke before sending them, so this cannot
        # tell: no argument's value is shown.
        redactor = InputRedactor((args,), secret_paths=None, inputs=args.keys())
        spec = next((s for s in SPECS if request.tok == f"telnyx:index:{s.lookup_name}"), None)
        if spec is not None:
            found = spec
            asked = names_of(spec).snake(args)
            result = await self._run(lambda: self._lookup(found, asked), redactor)
            return InvokeResponse(return_value=_out(found, result))
        fn = extension_functions().get(request.tok)
        if fn is not None:
            called = fn
            answer = await self._run(lambda: self._function(called, args), redactor)
            return InvokeResponse(return_value=value_map({camel(k): v for k, v in answer.items()}))
        FAILURE.set(f"unknown function {request.tok}")
        raise NotImplementedError(request.tok)

    async def construct(self, request: ConstructRequest) -> ConstructResponse:
        component = self._components.get(request.resource_type)
        if component is None:
            FAILURE.set(f"the telnyx provider has no component {request.resource_type}")
            raise NotImplementedError(request.resource_type)
        try:
            built, outputs = component.build(
                request.name, to_inputs(request.inputs), request.options
            )
        except ValueError as exc:
            # The component's own checks of what it was given: one line, as a Python
            # program gets them.
            FAILURE.set(package_names().text(str(exc)))
            raise
        state = {k: await to_value(v) for k, v in outputs.items()}
        return ConstructResponse(
            urn=await built.urn.future() or "",
            state=state,
            state_dependencies={k: v.all_dependencies() for k, v in state.items()},
        )

    def _lookup(self, spec: ResourceSpec, args: dict[str, Any]) -> dict[str, Any]:
        """One object of ``spec``, by id or by exact name."""
        fn, field = spec.lookup_name, spec.name_field
        object_id, name = args.get("id"), args.get(field)
        if bool(object_id) == bool(name):
            given = "both were given" if object_id else "neither was given"
            shown = names_of(spec).key(field, "camel")
            raise LookupFailedError(f"{fn}: give either id or {shown} ({given})")
        lifecycle = self._lifecycle(spec)
        if not object_id:
            found = lifecycle.client.find_by_name(str(name))
            if len(found) != 1:
                listed = ", ".join(str(c.id) for c in found)
                raise LookupFailedError(
                    f"{fn}: {len(found)} {spec.noun}s are named {name!r}"
                    + (f" ({listed}); look it up by id" if found else "")
                )
            object_id = found[0].id
        read = lifecycle.read(str(object_id), {})
        if read is None:
            raise LookupFailedError(f"{fn}: no {spec.noun} with id {object_id!r}")
        hidden = provider_input_names(spec)
        outs = {k: v for k, v in read.outputs.items() if k not in hidden}
        return {"id": read.id, **outs}

    def _function(self, fn: Function, args: dict[str, Any]) -> dict[str, Any]:
        object_id = args.get("id")
        if not object_id:
            raise LookupFailedError(f"{fn.name}: id is required")
        key, url = resolve(self._api_key, self._base_url)
        client = shared_client(key, url, self._retry_timeout, self._watch.gone)
        answer: dict[str, Any] = fn.call(client, str(object_id)).model_dump(exclude_none=True)
        return answer
