"""``pulumi-uac``: the recovery tools (``recover``, ``orphans``, ``release``) and ``fleet``.
Each is imported only when called: the fleet needs Pulumi's Automation API, the recovery tools
nothing of Pulumi's."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["fleet"]:
        from .fleet.cli import main as fleet

        return fleet(args[1:])
    from .recovery.cli import main as recovery

    return recovery(args)


if __name__ == "__main__":
    sys.exit(main())
