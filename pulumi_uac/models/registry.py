"""Finding a registered resource's spec by name, type token or URN. The registry itself
(:data:`SPECS`) is generated from the specs in ``models/*_spec.py``: :mod:`.registered`."""

from __future__ import annotations

from .registered import SPECS
from .spec import ResourceSpec

__all__ = ["SPECS", "by_name", "by_type", "by_urn", "users_first"]


def by_name(name: str) -> ResourceSpec:
    """The spec of the resource type ``name`` (``UacConnection``)."""
    for spec in SPECS:
        if spec.name == name:
            return spec
    raise KeyError(name)


def by_type(token: str) -> ResourceSpec | None:
    """The spec of a Pulumi type token, native or dynamic (None when it is not ours)."""
    for spec in SPECS:
        if token in (spec.native_type, spec.dynamic_type):
            return spec
    return None


def by_urn(urn: str) -> ResourceSpec | None:
    """The spec of the resource a URN names (its type is the part after the last ``$``)."""
    parts = urn.split("::")
    if len(parts) < 4:
        return None
    return by_type(parts[2].rsplit("$", 1)[-1])


def users_first() -> list[str]:
    """Every resource's type name, each after every resource whose references name it: the
    order to delete in, where an object in use cannot be deleted. A reference to its own type
    (or a cycle) cannot be ordered by type: those keep the registry's order."""
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done or name in visiting:
            return
        visiting.add(name)
        for spec in SPECS:
            if any(ref.resource == name for ref in spec.references):
                visit(spec.name)
        visiting.discard(name)
        done.append(name)

    for spec in SPECS:
        visit(spec.name)
    return done
