"""``python -m pulumi_uac.recovery``: the same as the ``pulumi-uac`` command."""

import sys

from ..commands import main

sys.exit(main())
