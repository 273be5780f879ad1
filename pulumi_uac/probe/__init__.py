"""``python -m pulumi_uac.probe``: ask a real Telnyx account what the documentation leaves open.

With ``TELNYX_API_KEY`` (and optionally ``TELNYX_BASE_URL``) it creates one connection named
``pulumi-uac-probe-<random>``, asks the questions no public source settles, deletes the
connection again (also on failure or Ctrl-C), and prints what it found plus the emulator flags
that reproduce it:

- does a PATCH merge a partial nested object into the stored one, or replace it?
- are unknown request fields ignored or rejected?
- is ``""`` accepted where Telnyx documents it, and ``null`` refused on ``active``?
- what is the registration status right after a create?
- do ``x-ratelimit-*`` headers come on a successful answer?
- is a password revealed by an update that did not change it?

And, with one Call Control application and one outbound voice profile made the same way (named
``<that name>-app`` and ``-profile``):

- does a Call Control create accept ``tags`` (the official SDK's create has none)?
- does a PATCH of a nested object of each of them merge or replace (asked per resource: the
  emulator applies one mode to all)?

And with one AI Assistant (``<that name>-assistant``, hard-deleted at the end):

- is a create with the same ``Idempotency-Key`` and body answered with the first assistant, at
  once and ``--idempotency-wait`` seconds later (a lower bound of how long a key is kept)?
- does an update of the tags alone mint a version (``version_id`` changes), and does the tag
  endpoint?
- does an update with a partial nested object (``telephony_settings``) merge or replace?

``--json`` prints one JSON object instead. It costs about twenty requests and never runs without
an explicit key.
"""

from .asking import Probe, ProbeError
from .cli import main
from .comparing import emulator_flags, report, unmatched

__all__ = ["Probe", "ProbeError", "emulator_flags", "main", "report", "unmatched"]
