"""Writes every per-resource surface from the specs in the registry, the way Pulumi's SDK
generator writes a provider's SDK from its schema: each resource's Args, keyword types, typed
outputs, lookup result and dynamic class (``resource/generated/``), its native class and
lookups (``native/generated/``), the export lists and lazy-import maps of ``pulumi_uac``,
``pulumi_uac.resource`` and ``pulumi_uac.native``, the registry of specs, the emulator's list
of behaviours, and the README's generated sections.

Run ``python -m pulumi_uac.resource.codegen`` after changing or adding a model or spec; a test
fails while any file differs from what this writes. Nothing here runs when the package is
imported by a program. The names load lazily (:mod:`.generate`): the command first rewrites
the registry from its sources (:mod:`.scan`), which must work while the registry names a spec
module that is gone.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "README",
    "generated_files",
    "main",
    "readme_block",
    "readme_table",
    "readme_with_tables",
    "snake",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(".generate", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
