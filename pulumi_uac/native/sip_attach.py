"""``SipAttach`` whose connections are the native plugin's."""

from __future__ import annotations

from ..resource.sip_attach import SipAttach as _SipAttach
from ..resource.sip_attach import SipAttachExtensionArgs, SipAttachPbxArgs
from .generated.uac_connection import UacConnection

__all__ = ["SipAttach", "SipAttachExtensionArgs", "SipAttachPbxArgs"]


class SipAttach(_SipAttach):
    """:class:`pulumi_uac.SipAttach` whose connections are the native plugin's (same type
    token: a stack moves between the families with no replacement, through the connections'
    aliases)."""

    _connection_class = UacConnection
