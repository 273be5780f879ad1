"""The Call Control application's spec (see :mod:`.spec`)."""

from __future__ import annotations

from .call_control import (
    CallControlApplication,
    CallControlApplicationCreateParams,
    CallControlApplicationUpdateParams,
)
from .spec import Api, ResourceSpec

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
)
