#!/usr/bin/env bash
# The forum import and a burst of 30 replies against the lab's real Moodle 4.5 (../shared/moodle/lab,
# with its size-M course PERF-M), each interleaved with the same work against the Moodle stand-in.
# Moodle is only read, except for the burst's threads and replies in SCI-COP's separate-groups forum.
# Usage: bash scripts/bench-real-moodle.sh [import rounds] [burst rounds]   (default 7 and 10).
# Prints Markdown tables for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/real-moodle.sh start
if [ ! -f target/real-moodle.env ]; then
  echo "bench-real-moodle: no lab, nothing measured" >&2
  exit 1
fi
# shellcheck disable=SC1091
source target/real-moodle.env
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
uptime
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.LabForumImportBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false -Dexec.args="${1:-7}"
echo
uptime
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.LabReplyBurstBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false -Dexec.args="${2:-10}"
uptime
