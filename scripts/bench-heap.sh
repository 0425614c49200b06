#!/usr/bin/env bash
# The packaged connector in demo mode held to a 512 MiB heap (-Xmx512m): first the hostile fuzz
# suite against it, then 20 concurrent uploads of 50 MiB to the resource bank. Its heap is sampled
# with jstat every 100 ms during each, and every collection is logged (-Xlog:gc): the peak is the
# most heap in use at a sample or just before a collection. Also whether it ran out of memory or
# answered anything with a 5xx. Prints Markdown table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
jar="$PWD/connector/target/cop-connector.jar"
work="$(mktemp -d)"
mkdir -p "$work/tmp"
pid=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(cd "$work" && COP_HTTP_HOST=127.0.0.1 COP_HTTP_PORT=$port exec java -Xmx512m \
  -Xlog:gc:file="$work/gc.log":uptime -Djava.io.tmpdir="$work/tmp" -jar "$jar" serve --demo \
  >"$work/serve.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
until grep -q -e "demo sample content written" -e "could not be written" "$work/serve.log"; do sleep 0.1; done

# Most heap in use (MiB) in a jstat -gc file: survivors + eden + old.
sampled_peak() {
  awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
       $1 ~ /^[0-9.]+$/ { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > max) max = used }
       END { printf "%.0f", max / 1024 }' "$1"
}
# Most heap in use (MiB) just before a collection, in the GC log lines after line $2.
logged_peak() {
  tail -n +"$2" "$1" | grep -o '[0-9]*M->' | sed 's/M->//' | sort -n | tail -1
}
phase() {
  local name="$1" label="$2"
  local from=$(( $(wc -l < "$work/gc.log") + 1 ))
  jstat -gc "$pid" 100 > "$work/$name.jstat" &
  sampler=$!
  mvn -B -q -ntp -Dstyle.color=never -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.HeapBenchmark \
    -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
    -Dexec.args="http://127.0.0.1:$port $name" 2> "$work/$name.err" | sed 's/\x1b\[[0-9;]*m//g'
  kill "$sampler"; wait "$sampler" 2>/dev/null || true; sampler=""
  printf '| %s: peak heap in use (sampled every 100 ms / just before a collection) | %s MiB / %s MiB of 512 MiB |\n' \
    "$label" "$(sampled_peak "$work/$name.jstat")" "$(logged_peak "$work/gc.log" "$from")"
  grep 'wrong: \|upload [0-9]*: ' "$work/$name.err" >&2 || true
}
echo "| measurement | result |"
echo "|---|---|"
phase fuzz "hostile fuzz suite"
phase uploads "20 concurrent 50 MiB uploads"
alive=$(kill -0 "$pid" 2>/dev/null && echo yes || echo no)
health=$(curl -s "http://127.0.0.1:$port/health" || true)
oom=$(grep -c OutOfMemoryError "$work/serve.log" || true)
errors=$(grep -c ' ERROR ' "$work/serve.log" || true)
printf '| afterwards: process alive / health / OutOfMemoryError in its log / ERROR lines in its log | %s / %s / %s / %s |\n' \
  "$alive" "$health" "$oom" "$errors"
printf '| collections logged (young / full) | %s / %s |\n' \
  "$(grep -c 'Pause Young' "$work/gc.log" || true)" "$(grep -c 'Pause Full' "$work/gc.log" || true)"
echo
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
