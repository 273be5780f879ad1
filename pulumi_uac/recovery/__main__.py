"""``python -m pulumi_uac.recovery``: the same as the ``pulumi-uac`` command."""

import sys

from .cli import main

sys.exit(main())
