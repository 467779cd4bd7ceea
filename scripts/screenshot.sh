#!/usr/bin/env bash
# Launch the real app under Xvfb, wait for it to draw, and save a screenshot of the whole screen.
# Usage: scripts/screenshot.sh OUT.png [seconds] -- [app arguments...]
set -euo pipefail
out=$1; shift
wait_s=${1:-4}; shift || true
[ "${1:-}" = "--" ] && shift
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  python -m espm_desktop "$@" &
  pid=$!
  sleep '"$wait_s"'
  import -window root "'"$out"'"
  kill $pid; wait $pid 2>/dev/null || true
' _ "$@"
echo "$out"
