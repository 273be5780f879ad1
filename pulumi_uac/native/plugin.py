"""``pulumi-resource-telnyx``: the plugin (:mod:`pulumi_uac.provider.plugin.plugin`), serving
this family's components as well, for programs that construct them through the plugin."""

from __future__ import annotations

from ..provider.plugin import plugin
from .components import COMPONENTS


def main() -> None:
    plugin.main(COMPONENTS)


if __name__ == "__main__":
    main()
