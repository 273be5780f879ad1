"""The dynamic provider: the Pulumi lifecycle of a UAC connection over :class:`UacClient`.

Plain and synchronous; importing it has no side effects. The instance carries no state when
it is serialized into the stack (``__provider``): credentials arrive later, in ``configure``,
inside the provider process, and the HTTP client lives in a per-process cache.

API requests per operation (fewest that correctness allows):
- create: 2. One list by exact name (finds a connection an interrupted earlier ``up`` created,
  by its ownership tag, so a retry adopts it instead of duplicating it) and one POST. Adoption
  by id or name: 2 (GET or list, then PATCH). ``wait_for_registration`` adds its polls.
- update: 1 PATCH carrying only the changed fields, or 0 when only provider inputs or the set of
  managed fields changed.
- read: 1 GET. delete: 1 DELETE. check and diff: 0, always.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import suppress
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

from ..client import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    ClientConfig,
    NotFoundError,
    TelnyxError,
    UacClient,
)
from ..models import (
    RegistrationStatusResult,
    UacConnection,
    UacConnectionCreateParams,
    UacConnectionUpdateParams,
)
from .checks import check_inputs
from .diffing import compute_changes, old_managed
from .errors import AdoptionError, MissingCredentialsError, RegistrationError
from .fields import (
    ADOPT_EXISTING_BY_NAME,
    ADOPT_EXISTING_ID,
    COMPUTED_OUTPUTS,
    OWNERSHIP_TAG,
    PROVIDER_INPUTS,
    SECRET_ROOTS,
    WAIT_FOR_REGISTRATION,
    api_inputs,
    get_path,
    managed_paths,
    normalize,
    project,
    set_path,
)
from .outputs import build_outputs

log = logging.getLogger("pulumi_uac.provider")

_CLIENTS: dict[tuple[str, str], UacClient] = {}
_CLIENTS_LOCK = threading.Lock()


def shared_client(api_key: str, base_url: str) -> UacClient:
    """One client (one connection pool) per endpoint and key for the whole provider process:
    the provider host runs up to four calls at once, and all of them share it."""
    with _CLIENTS_LOCK:
        client = _CLIENTS.get((base_url, api_key))
        if client is None:
            client = UacClient(ClientConfig.from_env(api_key=api_key, base_url=base_url))
            _CLIENTS[(base_url, api_key)] = client
        return client


class UacConnectionProvider(ResourceProvider):
    """Creates, reads, updates and deletes Telnyx UAC connections for ``UacConnection``."""

    serialize_as_secret_always = True

    # Set by configure() in the provider process only; class-level defaults keep the pickled
    # instance empty.
    _api_key: str | None = None
    _base_url: str | None = None

    def configure(self, req: ConfigureRequest) -> None:
        """Read ``telnyx:apiKey`` and ``telnyx:baseUrl`` from the stack configuration."""
        key = req.config.get("telnyx:apiKey")
        url = req.config.get("telnyx:baseUrl")
        self._api_key = str(key) if key else None
        self._base_url = str(url) if url else None

    def client(self) -> UacClient:
        """The shared client for this provider's credentials (stack config, else environment)."""
        key = self._api_key or os.environ.get(API_KEY_ENV)
        if not key:
            raise MissingCredentialsError()
        url = (self._base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        return shared_client(key, url)

    def __getstate__(self) -> dict[str, Any]:
        # Whatever happens to the instance, only an empty state is ever serialized into a stack.
        return {}

    # ------------------------------------------------------------------ preview-time hooks

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        failures = [CheckFailure(engine_property(f.property), f.reason) for f in check_inputs(news)]
        return CheckResult(news, failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changes = compute_changes(olds, news)
        return DiffResult(
            changes=changes.any,
            replaces=changes.replaces,
            delete_before_replace=False,
        )

    # ------------------------------------------------------------------ lifecycle

    def create(self, props: dict[str, Any]) -> CreateResult:
        desired = api_inputs(props)
        managed = managed_paths(desired)
        name = desired["connection_name"]
        marker = props.get(OWNERSHIP_TAG)
        client = self.client()
        adopted = True
        try:
            if props.get(ADOPT_EXISTING_ID):
                conn = self._adopt(
                    client, self._by_id(client, str(props[ADOPT_EXISTING_ID])), desired, marker
                )
            elif props.get(ADOPT_EXISTING_BY_NAME):
                conn = self._adopt(client, self._by_name(client, name), desired, marker)
            else:
                orphan = self._orphan(client, name, marker)
                if orphan is not None:
                    log.warning(
                        "adopting UAC connection %s, left by an interrupted earlier run", orphan.id
                    )
                    conn = self._adopt(client, orphan, desired, marker)
                else:
                    adopted = False
                    body = dict(desired)
                    if marker:
                        body["tags"] = [*desired.get("tags", []), marker]
                    conn = client.create(UacConnectionCreateParams.model_validate(body))
        except TelnyxError as exc:
            exc.args = (f"creating UAC connection {name!r}: {exc}",)
            raise
        assert conn.id is not None
        status = self._maybe_wait(client, conn, props, desired, delete_on_failure=not adopted)
        outs = build_outputs(conn, managed, desired=desired, previous={}, provider_inputs=props)
        _apply_status(outs, status)
        return CreateResult(str(conn.id), outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            conn = self.client().get(id_)
        except NotFoundError:
            # Deleted outside Pulumi: an empty id tells the engine to drop it from the state.
            return ReadResult(None, {})
        managed = old_managed(props)
        outs = build_outputs(conn, managed, desired=None, previous=props, provider_inputs=props)
        inputs = project(outs, managed)
        inputs.update({k: outs[k] for k in PROVIDER_INPUTS if k in outs})
        return ReadResult(id_, outs, inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        changes = compute_changes(olds, news)
        desired = api_inputs(news)
        managed = managed_paths(desired)
        patch: dict[str, Any] = {}
        for path in changes.paths:
            # A field the program no longer sets is left as it is on Telnyx: it is simply no
            # longer managed (Telnyx has no "unset" for most fields).
            if path in managed:
                set_path(patch, path, get_path(desired, path))
        marker = news.get(OWNERSHIP_TAG)
        if "tags" in patch and marker:
            patch["tags"] = [*patch["tags"], marker]
        client = self.client()
        if patch:
            try:
                conn = client.update(id_, UacConnectionUpdateParams.model_validate(patch))
            except TelnyxError as exc:
                exc.args = (f"updating UAC connection {id_}: {exc}",)
                raise
        else:
            conn = _connection_from_outputs(id_, olds)
        registration_changed = any(
            p == "active" or p.startswith("external_uac_settings") for p in managed_paths(patch)
        )
        status = (
            self._maybe_wait(client, conn, news, desired, delete_on_failure=False)
            if registration_changed
            else None
        )
        outs = build_outputs(conn, managed, desired=desired, previous=olds, provider_inputs=news)
        _apply_status(outs, status)
        return UpdateResult(outs)

    def delete(self, id_: str, _props: dict[str, Any]) -> None:
        # A connection that is already gone is the desired end state.
        with suppress(NotFoundError):
            self.client().delete(id_)

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _orphan(client: UacClient, name: str, marker: Any) -> UacConnection | None:
        if not marker:
            return None
        found = [c for c in client.find_by_name(name) if marker in (c.tags or [])]
        if len(found) > 1:
            raise AdoptionError(
                f"{len(found)} UAC connections named {name!r} carry this resource's ownership tag "
                f"({', '.join(str(c.id) for c in found)}); delete all but one, then run `pulumi up`"
            )
        return found[0] if found else None

    @staticmethod
    def _by_id(client: UacClient, conn_id: str) -> UacConnection:
        try:
            return client.get(conn_id)
        except NotFoundError:
            raise AdoptionError(
                f"adopt_existing_id: no UAC connection with id {conn_id!r} exists to adopt"
            ) from None

    @staticmethod
    def _by_name(client: UacClient, name: str) -> UacConnection:
        found = client.find_by_name(name)
        if not found:
            raise AdoptionError(
                f"adopt_existing_by_name: no UAC connection named {name!r} exists to adopt; "
                "remove adopt_existing_by_name to create a new one"
            )
        if len(found) > 1:
            raise AdoptionError(
                f"adopt_existing_by_name: {len(found)} UAC connections are named {name!r} "
                f"({', '.join(str(c.id) for c in found)}); adopt one with adopt_existing_id"
            )
        return found[0]

    @staticmethod
    def _adopt(
        client: UacClient, conn: UacConnection, desired: dict[str, Any], marker: Any
    ) -> UacConnection:
        """Bring an existing connection to the desired settings with one PATCH."""
        assert conn.id is not None
        patch = {k: v for k, v in desired.items() if k != "webhook_api_version" or v != "texml"}
        if marker:
            base = desired.get("tags", conn.tags or [])
            patch["tags"] = [*[t for t in base if t != marker], marker]
        return client.update(str(conn.id), UacConnectionUpdateParams.model_validate(patch))

    @staticmethod
    def _maybe_wait(
        client: UacClient,
        conn: UacConnection,
        props: dict[str, Any],
        desired: dict[str, Any],
        *,
        delete_on_failure: bool,
    ) -> RegistrationStatusResult | None:
        timeout = normalize(props.get(WAIT_FOR_REGISTRATION)) or 0
        if not timeout:
            return None
        assert conn.id is not None
        proxy = get_path(desired, "external_uac_settings.proxy") or "(no proxy)"
        name = desired.get("connection_name", conn.connection_name)
        try:
            return wait_for_registration(
                client, str(conn.id), float(timeout), str(proxy), str(name)
            )
        except RegistrationError as exc:
            if delete_on_failure:
                # Nothing half-created: the connection we just made is removed before failing.
                try:
                    client.delete(str(conn.id))
                    exc.args = (
                        f"{exc}. The new connection {conn.id} was deleted, so nothing is "
                        "left half-created.",
                    )
                except TelnyxError as cleanup:
                    exc.args = (
                        f"{exc}. Deleting the new connection {conn.id} also failed "
                        f"({cleanup}); delete it by hand.",
                    )
            raise


_REGISTRATION_HINT = (
    "check external_uac_settings (proxy, username, password, transport) and that the PBX "
    "accepts registrations from Telnyx"
)


def wait_for_registration(
    client: UacClient,
    conn_id: str,
    timeout: float,
    proxy: str,
    name: str,
    *,
    sleep: Any = time.sleep,
    clock: Any = time.monotonic,
) -> RegistrationStatusResult:
    """Poll ``check_registration_status`` until ``Registered``; raise on ``Failed`` or timeout."""
    deadline = clock() + timeout
    interval = min(max(timeout / 20.0, 0.2), 2.0)
    while True:
        result = client.check_registration_status(conn_id)
        if result.status == "Registered":
            return result
        if result.status == "Failed":
            raise RegistrationError(
                f"UAC connection {name!r} ({conn_id}): the PBX at {proxy} rejected Telnyx's "
                f"registration (status Failed); {_REGISTRATION_HINT}"
            )
        if clock() + interval > deadline:
            raise RegistrationError(
                f"UAC connection {name!r} ({conn_id}): the PBX at {proxy} did not accept Telnyx's "
                f"registration within {timeout:g}s (last status: {result.status}); "
                f"{_REGISTRATION_HINT}"
            )
        sleep(interval)


def engine_property(path: str) -> str:
    """The property name to give the engine for a failure at ``path``.

    The engine prints the input value of a failure's property when it names a top-level input,
    secrets included, so failures under a password-holding input are reported without a property
    (their reason still names the field) and their value never reaches the CLI output.
    """
    root = path.split(".", 1)[0].split("[", 1)[0]
    return "" if root in SECRET_ROOTS else path


def _apply_status(outs: dict[str, Any], status: RegistrationStatusResult | None) -> None:
    if status is None:
        return
    outs["registration_status"] = status.status
    if status.last_registration:
        outs["registration_status_updated_at"] = status.last_registration


def _connection_from_outputs(id_: str, olds: dict[str, Any]) -> UacConnection:
    """The connection as last recorded, for updates that need no API call."""
    data = {k: olds[k] for k in COMPUTED_OUTPUTS if olds.get(k) is not None}
    data["id"] = id_
    if "sip_subdomain" in data:
        data["inbound"] = {"sip_subdomain": data.pop("sip_subdomain")}
    return UacConnection.model_validate(normalize(data))
