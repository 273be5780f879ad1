"""Markers that the models carry in ``Annotated[...]`` so that everything else (the provider's
field tables, the plugin's schema, the emulator's null rule) is derived from the models alone.

They carry no behaviour; :mod:`pulumi_uac.models.fields` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Generated:
    """A settable field that Telnyx generates when the request leaves it out (``user_name``,
    ``password``): its value is an output even when the program does not set it."""


@dataclass(frozen=True)
class Computed:
    """A response-only field surfaced as a resource output (``fqdn``, ``registration_status``).
    ``name`` renames it when it lives in a nested object (``inbound.sip_subdomain`` is the
    output ``sip_subdomain``)."""

    name: str | None = None


@dataclass(frozen=True)
class Nullable:
    """A field that Telnyx's SDK types allow to be ``null`` in a request (``encrypted_media``,
    the push credential ids, ...). Every other field must be a value or be left out."""
