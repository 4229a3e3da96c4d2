"""Load benchmark of the HTTP API: ``python benchmarks/bench_api_load.py -n 200 -c 8``.

Same as ``khabar bench api``: N ``POST /analyze`` of a ~400-word article from concurrent clients
on 127.0.0.1, reporting errors and p50/p99 latency. Bounded in count and time; stops by itself.
"""

from __future__ import annotations

import sys

from khabar.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "api", *sys.argv[1:]]))
