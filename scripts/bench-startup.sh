#!/usr/bin/env bash
# Start-up of the packaged connector with its embedded defaults: process start to the first
# /health answer, each run a first start (new data folder: database created and migrated).
# With --demo: `serve --demo` instead, also timed to the log line saying its sample content is
# written, and each run checked to leave nothing behind (no data folder, nothing in the temporary
# folder it was given).
# Usage: bash scripts/bench-startup.sh [runs] [--demo]   (default 10). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
demo="${2:-}"
mvn -B -q -ntp -DskipTests package >/dev/null
jar="$PWD/connector/target/cop-connector.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
times=()
samples=()
for i in $(seq 1 "$runs"); do
  dir="$work/run-$i"; mkdir -p "$dir/tmp"
  start=$(date +%s%N)
  if [ "$demo" = "--demo" ]; then
    (cd "$dir" && COP_HTTP_HOST=127.0.0.1 COP_HTTP_PORT=$port exec java -Djava.io.tmpdir="$dir/tmp" -jar "$jar" serve --demo >"$dir/serve.log" 2>&1) &
  else
    (cd "$dir" && COP_HTTP_HOST=127.0.0.1 COP_HTTP_PORT=$port exec java -jar "$jar" serve >"$dir/serve.log" 2>&1) &
  fi
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.01; done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  if [ "$demo" = "--demo" ]; then
    until grep -q -e "demo sample content written" -e "could not be written" "$dir/serve.log"; do sleep 0.01; done
    grep -q "demo sample content written" "$dir/serve.log" || { cat "$dir/serve.log" >&2; exit 1; }
    samples+=($(( ($(date +%s%N) - start) / 1000000 )))
  fi
  kill -TERM "$pid"; wait "$pid" || true
  if [ "$demo" = "--demo" ]; then
    left=$(find "$dir" -mindepth 1 -not -name serve.log -not -path "$dir/tmp")
    [ -z "$left" ] || { echo "run $i left files behind: $left" >&2; exit 1; }
  fi
done
pct() { local -n values=$2; local sorted=($(printf '%s\n' "${values[@]}" | sort -n)); local idx=$(( ($1 * runs + 99) / 100 - 1 )); [ $idx -lt 0 ] && idx=0; echo "${sorted[$idx]}"; }
p50=$(pct 50 times); p95=$(pct 95 times); max=$(pct 100 times)
what="first start to first /health answer"
[ "$demo" = "--demo" ] && what="demo start to first /health answer"
echo "| measurement | p50 | p95 | max | budget | p50 / budget |"
echo "|---|---|---|---|---|---|"
ratio=$(awk -v a="$p50" 'BEGIN { printf "%.2f", a / 3000 }')
printf '| %s (%d runs) | %d ms | %d ms | %d ms | 3000 ms | %s |\n' "$what" "$runs" "$p50" "$p95" "$max" "$ratio"
if [ "$demo" = "--demo" ]; then
  printf '| demo start to its sample content written (%d runs) | %d ms | %d ms | %d ms | | |\n' "$runs" "$(pct 50 samples)" "$(pct 95 samples)" "$(pct 100 samples)"
fi
echo
echo "all runs (ms): ${times[*]}${samples:+; samples written: ${samples[*]}}; $(nproc) cores, $(java -version 2>&1 | head -1)"
