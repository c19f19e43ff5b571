#!/usr/bin/env bash
# Runs every benchmark in benchmarks/ and prints its numbers (not part of the test suite).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for bench in benchmarks/bench_*.py; do
    module=${bench%.py}
    echo "== ${module#benchmarks/}"
    .venv/bin/python -m "${module//\//.}" 2>/dev/null
done
