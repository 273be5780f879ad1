"""Run every benchmark and print its figures (ratios against baselines measured in the same run)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import emulator_throughput
import native_comparison
import provider_scaling
import where_time_goes

if __name__ == "__main__":
    emulator_throughput.main()
    provider_scaling.main()
    native_comparison.main()
    where_time_goes.main()
