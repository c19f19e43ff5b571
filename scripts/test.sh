#!/usr/bin/env bash
# Runs the whole test suite headless. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
.venv/bin/python scripts/build_translations.py >/dev/null  # the tests load the compiled .qm
exec .venv/bin/python -m pytest "$@"
