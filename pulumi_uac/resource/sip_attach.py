"""``SipAttach``: one PBX, many extensions, one UAC connection per extension.

A component (``telnyx:index:SipAttach``) whose children are the family's own ``UacConnection``
(the dynamic one here; :class:`pulumi_uac.native.SipAttach` makes native ones). Each extension
is its own child, named ``<component>-<extension>``, so adding or removing an extension creates
or deletes that one connection and touches no other.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import pulumi

from .. import destinations
from .errors import InputValueError
from .input_types import args_dict, input_type

__all__ = ["SipAttach", "SipAttachExtensionArgs", "SipAttachPbxArgs"]

TYPE_TOKEN = "telnyx:index:SipAttach"  # noqa: S105 (a type token, not a password)

_ROUTES: dict[str, Callable[[str, Any], pulumi.Output[str]]] = {
    # A destination that is one of our resources, by its type name: how its id becomes the
    # extension's destination URI.
    "AiAssistant": destinations.ai_assistant,
    "CallControlApplication": destinations.call_control,
}
ROUTE_KINDS = tuple(_ROUTES)
"""The kinds of resource an extension's destination may be."""
SET_PER_EXTENSION = ("external_uac_settings", "internal_uac_settings")
"""The connection inputs the component sets itself, from ``pbx`` and each extension."""
NOT_SHARED = (*SET_PER_EXTENSION, "adopt_existing_id")
"""Connection inputs ``connection_defaults`` refuses: one id cannot be adopted by every
extension's connection."""

INPUTS = {
    "pbx": "The PBX Telnyx registers to, shared by every extension.",
    "extensions": "Extension -> the SIP user Telnyx registers as, its password and where its "
    "calls go: one UAC connection each, named `<connection_name> <extension>`.",
    "connection_defaults": "Any other UacConnection input, for every connection (not "
    "external_uac_settings or internal_uac_settings: pbx and each extension set those; nor "
    "adopt_existing_id). Its connection_name is the base of each connection's name (default: "
    "the component's name).",
}
"""What each of the component's inputs is (the plugin's schema describes them with these)."""
STATUS = ("fqdn", "registration_status")
"""The connection outputs each extension's entry in ``extensions`` carries."""


@input_type
class SipAttachPbxArgs:
    """The PBX Telnyx registers to, shared by every extension."""

    proxy: pulumi.Input[str]
    """The PBX's SIP proxy, e.g. ``sip:pbx.example.com:5060``."""
    transport: pulumi.Input[str] | None = None
    """``UDP``, ``TCP`` or ``TLS``."""
    outbound_proxy: pulumi.Input[str] | None = None
    """An outbound proxy between Telnyx and the PBX, if there is one."""


@input_type
class SipAttachExtensionArgs:
    """One extension: the SIP user Telnyx registers as, and where its calls go."""

    username: pulumi.Input[str]
    """The SIP user Telnyx registers to the PBX as."""
    password: pulumi.Input[str]
    """Its password (kept secret whatever form it is given in)."""
    destination: Any
    """An ``AiAssistant``, a ``CallControlApplication`` (of either family), or a destination
    URI written out (``<extension>@<application>.sip.telnyx.com``)."""


class SipAttach(pulumi.ComponentResource):
    """One PBX attached to Telnyx applications: a UAC connection per extension.

    ## Example Usage

    ```python
    from pulumi_uac import AiAssistant, CallControlApplication, SipAttach

    desk = AiAssistant("desk", name="Front desk", instructions="Answer calls.")
    ivr = CallControlApplication("ivr", application_name="IVR",
        webhook_event_url="https://ivr.example.com/telnyx")
    pbx = SipAttach("office",
        pbx={"proxy": "sip:pbx.example.com:5060", "transport": "TCP"},
        extensions={
            "1006": {"username": "ext1006", "password": cfg.require_secret("pw1006"),
                     "destination": desk},
            "2000": {"username": "ext2000", "password": cfg.require_secret("pw2000"),
                     "destination": ivr},
        },
        connection_defaults={"tags": ["office"]})
    pulumi.export("extensions", pbx.extensions)  # {"1006": {"fqdn": ..., ...}, ...}
    ```
    """

    # The family's connection class; the dynamic one is imported only when used, so that the
    # native family (which subclasses this) never loads the dynamic provider.
    _connection_class: ClassVar[type[Any] | None] = None
    # How ``extensions`` spells its keys (the plugin's component speaks the schema's camelCase).
    _status_keys: ClassVar[tuple[str, ...]] = STATUS

    extensions: pulumi.Output[Mapping[str, Mapping[str, Any]]]
    """Extension -> ``{"fqdn": ..., "registration_status": ...}`` of its connection."""
    connections: dict[str, Any]
    """Extension -> its ``UacConnection`` (to wire other resources to one of them)."""

    def __init__(
        self,
        resource_name: str,
        *,
        pbx: SipAttachPbxArgs | Mapping[str, Any],
        extensions: Mapping[str, SipAttachExtensionArgs | Mapping[str, Any]],
        connection_defaults: Mapping[str, Any] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        # Every input is checked before anything is registered: a refusal then leaves no
        # component half-registered with the engine (whose registration, still in flight when
        # the program stops, failed with a second, misleading error under the plugin).
        shared = args_dict(pbx)
        if not shared.get("proxy"):
            raise InputValueError(f"SipAttach {resource_name!r}: pbx.proxy is required")
        defaults = args_dict(connection_defaults or {})
        clash = [k for k in NOT_SHARED if k in defaults]
        if clash:
            raise InputValueError(
                f"SipAttach {resource_name!r}: connection_defaults must not set "
                f"{', '.join(clash)}: pbx and each extension set the UAC settings, and one "
                "id cannot be adopted by every extension's connection"
            )
        base_name = defaults.pop("connection_name", resource_name)
        if not isinstance(base_name, (str, pulumi.Output)):
            raise InputValueError(
                f"SipAttach {resource_name!r}: connection_defaults.connection_name must be a "
                f"string, not {type(base_name).__name__}"
            )
        connection_class = self._connection_class
        if connection_class is None:
            from .generated.uac_connection import UacConnection

            connection_class = UacConnection
        takes = set(inspect.signature(connection_class._args_type).parameters) - {"self"}
        unknown = sorted(set(defaults) - takes)
        if unknown:
            raise InputValueError(
                f"SipAttach {resource_name!r}: connection_defaults has {', '.join(unknown)}, "
                "which a UacConnection does not take"
            )
        planned: dict[str, tuple[dict[str, Any], Any]] = {}
        for number, given in extensions.items():
            try:
                destinations.valid_extension(number)
            except ValueError as exc:
                raise InputValueError(f"SipAttach {resource_name!r}: extensions: {exc}") from None
            ext = args_dict(given)
            unknown = sorted(set(ext) - {"username", "password", "destination"})
            if unknown:
                raise InputValueError(
                    f"SipAttach {resource_name!r}: extensions[{number!r}] has "
                    f"{', '.join(unknown)}, which an extension does not take (username, "
                    "password, destination; the PBX's settings go in pbx, the connection's in "
                    "connection_defaults)"
                )
            missing = [k for k in ("username", "password", "destination") if ext.get(k) is None]
            if missing:
                raise InputValueError(
                    f"SipAttach {resource_name!r}: extensions[{number!r}] needs "
                    f"{', '.join(missing)}"
                )
            try:
                destination = _route(number, ext["destination"])
            except ValueError as exc:
                raise InputValueError(f"SipAttach {resource_name!r}: {exc}") from None
            planned[number] = (ext, destination)
        super().__init__(TYPE_TOKEN, resource_name, None, opts)
        self.connections = {}
        for number, (ext, destination) in planned.items():
            registration = {**shared, "username": ext["username"], "password": ext["password"]}
            self.connections[number] = connection_class(
                f"{resource_name}-{number}",
                **defaults,
                connection_name=_named(base_name, number),
                external_uac_settings=registration,
                internal_uac_settings={"destination_uri": destination},
                opts=pulumi.ResourceOptions(parent=self),
            )
        per_extension = {
            number: pulumi.Output.all(
                **{
                    key: getattr(conn, name)
                    for key, name in zip(self._status_keys, STATUS, strict=True)
                }
            )
            for number, conn in self.connections.items()
        }
        # Output.all() of nothing is a list: an empty map must stay a map.
        self.extensions = (
            pulumi.Output.all(**per_extension) if per_extension else pulumi.Output.from_input({})
        )
        self.register_outputs({"extensions": self.extensions})


def _named(base: str | pulumi.Output[Any], extension: str) -> pulumi.Input[str]:
    """The name of ``extension``'s connection: ``<base> <extension>``."""
    if isinstance(base, str):
        return f"{base} {extension}"
    return base.apply(lambda given: f"{given} {extension}")


def route(extension: str, kind: str, object_id: pulumi.Input[str]) -> pulumi.Output[str]:
    """The destination URI of ``extension`` when it goes to the ``kind`` of resource (its type
    name, e.g. ``AiAssistant``) whose id is ``object_id``."""
    by_kind = _ROUTES.get(kind)
    if by_kind is None:
        raise InputValueError(
            f"extension {extension!r}: {kind} cannot answer calls; give an AiAssistant, a "
            "CallControlApplication or a destination URI"
        )
    return by_kind(extension, object_id)


def _route(extension: str, destination: Any) -> Any:
    """The destination URI of ``extension``: from one of our resources by its kind, or as
    written (the connection's own check validates it at preview)."""
    spec = getattr(type(destination), "_spec", None)
    looked_up = type(destination).__name__
    for name in _ROUTES:
        if looked_up == f"Get{name}Result":
            # A lookup's result (``get_ai_assistant(...)``): routed by its id, like the resource.
            return route(extension, name, destination.id)
    if spec is not None:
        return route(extension, spec.name, destination.id)
    if isinstance(destination, pulumi.Resource):
        raise InputValueError(
            f"extension {extension!r}: give an AiAssistant, a CallControlApplication or a "
            f"destination URI, not a {type(destination).__name__}"
        )
    return destination
