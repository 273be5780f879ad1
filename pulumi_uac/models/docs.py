"""Field docstrings, read from the source when something needs them as text.

Each field is documented by the docstring under it, as in the official Telnyx SDK. Pydantic can
copy those into every field's ``description`` as the class is made
(``use_attribute_docstrings``), but that parses each model's source at import: 0.12 s at the
start of every program and provider process, for text that only the plugin's schema, the
generated code and the README read. They read it here, on demand, once per module.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys

from pydantic import BaseModel


@functools.cache
def _class_nodes(module: str) -> dict[str, ast.ClassDef]:
    """Every class statement of ``module``, by qualified name (empty without a source)."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (KeyError, OSError, TypeError):
        return {}
    found: dict[str, ast.ClassDef] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                found[prefix + node.name] = node
                visit(node.body, f"{prefix}{node.name}.")

    visit(tree.body, "")
    return found


def _own_docs(cls: type[object]) -> dict[str, str]:
    node = _class_nodes(cls.__module__).get(cls.__qualname__)
    if node is None:
        return {}
    docs: dict[str, str] = {}
    for field, after in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = " ".join(after.value.value.split())
    return docs


_DOCS: dict[type[object], dict[str, str]] = {}


def attribute_docs(cls: type[object]) -> dict[str, str]:
    """Each annotated field of ``cls`` (inherited ones too) and the docstring under it, its
    whitespace collapsed; a subclass's own docstring wins over its base's."""
    if cls not in _DOCS:
        docs: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            if klass.__module__ not in ("builtins", "typing") and klass is not BaseModel:
                docs.update(_own_docs(klass))
        _DOCS[cls] = docs
    return _DOCS[cls]


def field_description(model: type[BaseModel], name: str) -> str:
    """The description of ``model``'s field ``name``: a ``Field(description=...)`` where one is
    given, else the docstring under the field."""
    info = model.model_fields.get(name)
    explicit = info.description if info is not None else None
    return " ".join(explicit.split()) if explicit else attribute_docs(model).get(name, "")
