"""The dynamic provider of ``AiAssistant``. Stacks record this class by reference: it must
never move or be renamed."""

from __future__ import annotations

from ..models import AI_ASSISTANT
from .dynamic import SpecProvider


class AiAssistantProvider(SpecProvider):
    """Creates, reads, updates and deletes Telnyx AI Assistants."""

    spec = AI_ASSISTANT
