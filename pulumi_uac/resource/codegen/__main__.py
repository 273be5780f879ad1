import subprocess
import sys

from .scan import CodegenError, refresh_registry

try:
    if refresh_registry():
        # A spec was added, renamed or removed: everything else is written from the new
        # registry, by a process that imports it.
        sys.exit(subprocess.run([sys.executable, "-m", "pulumi_uac.resource.codegen"]).returncode)
    from .generate import main

    sys.exit(main())
except CodegenError as exc:
    sys.exit(f"codegen: {exc}")
