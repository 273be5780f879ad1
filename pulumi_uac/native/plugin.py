"""``pulumi-resource-telnyx``: the plugin (:mod:`pulumi_uac.provider.plugin.serving`), serving
this family's components as well, for programs that construct them through the plugin."""

from __future__ import annotations

from ..provider.plugin import serving
from .components import COMPONENTS


def main() -> None:
    serving.main(COMPONENTS)


if __name__ == "__main__":
    main()
