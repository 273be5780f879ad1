"""The outputs of ``UacConnection`` as typed attributes, shared by the dynamic and the native
resource classes (the SDK sets them on each instance; declaring them gives IDEs and type
checkers their types and docs). Generated from the models: :mod:`.generated.uac_connection`."""

from .generated.uac_connection import UacConnectionOutputs

__all__ = ["UacConnectionOutputs"]
