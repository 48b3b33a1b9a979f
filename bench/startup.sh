#!/usr/bin/env bash
# Cold start to the first painted frame: `andon --exit-after-first-frame` on the demo plant
# (no broker: sources are started but nothing answers) against the smallest Qt Widgets
# program that does the same (bench/qt_first_frame), timed by hyperfine in the same run.
# Runs under xvfb-run when there is no display, offscreen platform otherwise not used (it
# skips real window-system work and would flatter both numbers).
set -euo pipefail
andon="${1:?usage: bench/startup.sh path/to/andon}"
peer="$(dirname "$andon")/../bench/qt_first_frame"
root="$(cd "$(dirname "$0")/.." && pwd)"
db="$(mktemp -d)/startup.sqlite"
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
}
echo "## Cold start to first painted frame"
echo
table="$(dirname "$db")/startup.md"
run hyperfine --warmup 2 --runs 10 --export-markdown "$table" --style none \
  -n "andon (demo plant)" "$andon --config $root/resources/config/demo-plant.yaml --db $db --exit-after-first-frame" \
  -n "qt_first_frame (peer)" "$peer" >/dev/null 2>&1
cat "$table"
