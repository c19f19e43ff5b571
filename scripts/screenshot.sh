#!/usr/bin/env bash
# Takes a screenshot of the real window under Xvfb with the seed article imported.
# Usage: scripts/screenshot.sh OUTPUT.png [WIDTHxHEIGHT] [extra midad args...]
# Needs: xvfb, xdotool, imagemagick (apt-get install xvfb xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:?usage: screenshot.sh OUTPUT.png [WIDTHxHEIGHT]}
size=${2:-1400x900}
shift $(( $# >= 2 ? 2 : 1 ))
data_dir=$(mktemp -d)
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 "${size}x24" -noreset >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $app_pid $xvfb_pid 2>/dev/null; rm -rf "$data_dir"' EXIT
.venv/bin/midad --data-dir "$data_dir" import tests/fixtures/seed_article.md >/dev/null
DISPLAY=$display .venv/bin/midad --data-dir "$data_dir" "$@" &
app_pid=$!
sleep "${MIDAD_SCREENSHOT_DELAY:-4}"
# The window alone, found by process id (xdotool cannot match Arabic titles).
window_id=$(DISPLAY=$display xdotool search --onlyvisible --pid "$app_pid" | tail -n 1)
DISPLAY=$display import -window "${window_id:-root}" "$output"
echo "saved $output"
