#!/usr/bin/env bash
# Start-up of the packaged connector with its embedded defaults: process start to the first
# /health answer, each run a first start (new data folder: database created and migrated).
# Usage: bash scripts/bench-startup.sh [runs]   (default 10). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
mvn -B -q -ntp -DskipTests package >/dev/null
jar="$PWD/connector/target/cop-connector.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
times=()
for i in $(seq 1 "$runs"); do
  dir="$work/run-$i"; mkdir -p "$dir"
  start=$(date +%s%N)
  (cd "$dir" && COP_HTTP_HOST=127.0.0.1 COP_HTTP_PORT=$port exec java -jar "$jar" serve >"$dir/serve.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.01; done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  kill -TERM "$pid"; wait "$pid" || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
pct() { local idx=$(( ($1 * runs + 99) / 100 - 1 )); [ $idx -lt 0 ] && idx=0; echo "${sorted[$idx]}"; }
p50=$(pct 50); p95=$(pct 95); max=${sorted[$((runs-1))]}
echo "| measurement | p50 | p95 | max | budget | p50 / budget |"
echo "|---|---|---|---|---|---|"
ratio=$(awk -v a="$p50" 'BEGIN { printf "%.2f", a / 3000 }')
printf '| first start to first /health answer (%d runs) | %d ms | %d ms | %d ms | 3000 ms | %s |\n' "$runs" "$p50" "$p95" "$max" "$ratio"
echo
echo "all runs (ms): ${times[*]}; $(nproc) cores, $(java -version 2>&1 | head -1)"
