#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real app under Xvfb.
# Needs: xvfb (apt-get install xvfb). Usage: scripts/screenshots.sh [SCENE...]
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=${TZ:-Africa/Casablanca}  # the seed site's zone: its byline reads 6:23 م
scenes=("$@")
[ ${#scenes[@]} -gt 0 ] || scenes=(main-window image-in-preview preview-desktop preview-phone editor-mixed editor-long-article-end focus-mode library-search publishing publish-conflict lease edit-conflict)
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1400x860x24 -noreset >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null' EXIT
sleep 1
for scene in "${scenes[@]}"; do
    DISPLAY=$display PYTHONPATH=. .venv/bin/python scripts/screenshots.py "$scene" "docs/screenshots/$scene.png" 2>/dev/null
done
