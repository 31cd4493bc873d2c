#!/usr/bin/env bash
# Runs debrief and the DuckDB peer (../shared/bench/peer_duckdb.py, or $PEER) on one event
# folder, one after the other in one run, each timed as a whole process with /usr/bin/time,
# and prints a Markdown table row per tool: wall time and peak RSS.
#
# usage: bench/side_by_side.sh EVENT_DIR [DEBRIEF_BINARY]
#   EVENT_DIR: e.g. one written by `cargo run -p debrief-gen --release -- --participants 1000000 --out DIR`
#   DEBRIEF_BINARY: default target/release/debrief (build it with `cargo build --release`)
# Needs `pip install duckdb` and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
dir="$1"
bin="${2:-target/release/debrief}"
peer="${PEER:-$(dirname "$0")/../../shared/bench/peer_duckdb.py}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run() { # label, command...
  local label="$1"; shift
  local t="$out/time"
  /usr/bin/time -f "%e %M" -o "$t" "$@" >"$out/stdout" 2>"$out/stderr" || {
    echo "$label failed:"; cat "$out/stderr"; exit 1; }
  read -r wall kb <"$t"
  awk -v l="$label" -v w="$wall" -v k="$kb" 'BEGIN { printf "| %s | %s s | %.1f GB |\n", l, w, k / 1048576 }'
}
echo "| tool | wall | peak RSS |"
echo "|---|---|---|"
run "debrief report" "$bin" report "$dir" --out "$out/debrief-out"
run "peer_duckdb.py" python3 "$peer" "$dir"
