"""The one failure every ``pulumi-uac`` step reports."""

from __future__ import annotations


class RecoveryError(Exception):
    """A step failed or was refused; the message says which and what to do."""
