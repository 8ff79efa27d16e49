"""make bench: run every benchmark in turn. Each prints its own figures and ratios."""

import runpy
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BENCHMARKS = [
    "content_sync.py",
    "page_serving.py",
    "search_latency.py",
    "images.py",
    "load.py",
    "memory_soak.py",
    "scale.py",
    "observatory.py",
]

if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    only = sys.argv[1:]
    for name in BENCHMARKS:
        if only and name.removesuffix(".py") not in only:
            continue
        runpy.run_path(str(BENCH / name), run_name="__main__")
        print()
