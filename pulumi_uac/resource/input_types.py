"""What every input type shares: the decorator that makes a class a Pulumi input type, and the
helpers that read one as a plain dict.

Each field of an input type takes a plain value or a ``pulumi.Input``; a plain ``dict`` with the
same keys is accepted wherever an ``XxxArgs`` is, and so is a ``pulumi.Output`` of either. The
classes are Pulumi input types (like a generated SDK's), so the engine serializes them wherever
they sit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import pulumi
from typing_extensions import dataclass_transform

from ..models.docs import attribute_docs

T = TypeVar("T")


@dataclass_transform(kw_only_default=True)
def input_type(cls: type[T]) -> type[T]:
    """``pulumi.input_type``, declared as a dataclass-like transform so type checkers know the
    keyword-only ``__init__`` it generates from the annotations."""
    return pulumi.input_type(cls)


def args_dict(value: Any) -> dict[str, Any]:
    """An input type or a mapping as a plain dict of its set fields (values left as given)."""
    if isinstance(value, Mapping):
        return {k: v for k, v in value.items() if v is not None}
    names = pulumi._types.input_type_py_to_pulumi_names(type(value))
    return {
        wire: getattr(value, py) for py, wire in names.items() if getattr(value, py) is not None
    }


def is_args(value: Any) -> bool:
    """Whether ``value`` is one of the input types."""
    return pulumi._types.is_input_type(type(value))


def field_docs(cls: type[object]) -> dict[str, str]:
    """Each annotated field of ``cls`` and the docstring written under it (Python keeps those
    only in the source; a schema needs them as descriptions)."""
    return attribute_docs(cls)
