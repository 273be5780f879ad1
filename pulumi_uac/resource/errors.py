"""Refusals of a program's inputs, raised while the program declares its resources.

Pulumi shows an unhandled exception of a Python program with a traceback through the SDK's and
our frames; a :class:`pulumi.RunError` is shown as its message alone. These are both: the
message names the resource and the input (the user's line needs no traceback to be found), and
code that catches a ``TypeError`` or ``ValueError`` still catches them.
"""

from __future__ import annotations

import pulumi


class InputTypeError(pulumi.RunError, TypeError):
    """An input the resource does not have, a required one missing, or two forms mixed."""


class InputValueError(pulumi.RunError, ValueError):
    """An input whose value the resource cannot take (a component's own rules)."""
