"""The Call Control application's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .call_control import (
    CallControlApplication,
    CallControlApplicationCreateParams,
    CallControlApplicationUpdateParams,
)
from .spec import Api, Docs, Reference, ResourceSpec

CALL_CONTROL_APPLICATION = ResourceSpec(
    name="CallControlApplication",
    noun="Call Control application",
    create_model=CallControlApplicationCreateParams,
    update_model=CallControlApplicationUpdateParams,
    response_model=CallControlApplication,
    name_field="application_name",
    api=Api(
        path="call_control_applications",
        name_filter="filter[application_name][contains]",
        name_filter_min=3,
        create_excludes=("tags",),
        # The SDK's update requires both, changed or not.
        update_requires=("application_name", "webhook_event_url"),
    ),
    # The SDK's create has no tags: the mark is written by an update within the same create.
    marks="after_create",
    references=(Reference("outbound.outbound_voice_profile_id", "OutboundVoiceProfile"),),
    dynamic_provider=(
        "pulumi_uac.provider.call_control_application:CallControlApplicationProvider"
    ),
    docs=Docs(
        summary="A Telnyx Call Control application: the webhook-driven voice application a "
        "UAC connection can hand a PBX's calls to.",
        example="""from pulumi_uac import CallControlApplication, UacConnection, destinations

app = CallControlApplication("ivr", application_name="PBX IVR",
    webhook_event_url="https://ivr.example.com/telnyx")
UacConnection("office-pbx", connection_name="Office PBX",
    internal_uac_settings={"destination_uri": destinations.call_control("1006", app.id)})""",
        notes="""\
Ownership: Telnyx's create request has no ``tags``, so the provider's ownership mark (and
the program's ``tags``) are written by an update within the same create. A create whose answer
was lost never takes an unmarked application: it stops, listing the candidates.""",
    ),
)
