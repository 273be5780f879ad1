"""Behaviour one resource has and the others do not, plugged into the shared lifecycle.

The lifecycle calls these hooks at fixed points; a resource without an extension gets the
no-op :class:`Extension`. An extension lives in its resource's own module of this package, which
the spec names (``extension="registration"``: :mod:`.registration`, a UAC connection's wait for
the registration to its PBX) and which defines ``EXTENSION``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..client import ResourceClient, TelnyxClient
from ..models import ResourceSpec

Fail = Callable[[str, str], None]


@dataclass(frozen=True)
class Function:
    """A function (a Pulumi invoke) one resource alone offers, taking an object's ``id``."""

    name: str
    """The function's name in the package (``getRegistrationStatus``)."""
    description: str
    id_description: str
    result: type[BaseModel]
    """The answer's model: the schema's outputs and the answer's fields."""
    required: tuple[str, ...]
    """Outputs every answer has."""
    call: Callable[[TelnyxClient, str], BaseModel]


class Extension:
    """The hooks, each a no-op here."""

    def check(self, props: dict[str, Any], fail: Fail) -> None:
        """Add failures for the resource's own provider inputs (``fail(path, message)``)."""

    def waits(self, inputs: dict[str, Any], changed: Collection[str] | None) -> bool:
        """Whether :meth:`after_write` does anything after this write: a create (``changed``
        is None) or an update of the top-level fields ``changed``. An update that waits reads
        the object first, so that a failed wait can be undone."""
        return False

    def after_write(
        self,
        client: ResourceClient,
        object_id: str,
        inputs: dict[str, Any],
        desired: dict[str, Any],
        *,
        left: float | None,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
        progress: Callable[[str], None] | None,
    ) -> Any:
        """Work after a write that :meth:`waits` (raising a ``TelnyxError`` undoes the write);
        ``left`` is what the operation's ``customTimeouts`` leaves, if it has any. The result
        goes to :meth:`record`."""
        return None

    def record(self, outputs: dict[str, Any], result: Any) -> None:
        """Put what :meth:`after_write` learnt into the outputs."""

    def functions(self) -> tuple[Function, ...]:
        """The functions this resource adds to the package."""
        return ()


_NONE = Extension()


@functools.cache
def extension_for(spec: ResourceSpec) -> Extension:
    if not spec.extension:
        return _NONE
    module = importlib.import_module(f"{__package__}.{spec.extension}")
    found = module.EXTENSION
    assert isinstance(found, Extension)
    return found
