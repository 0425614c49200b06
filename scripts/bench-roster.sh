#!/usr/bin/env bash
# Roster sync of a 2,000-participant course (Moodle stand-in at 20 ms per call) and the hub's data
# request for that course. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.RosterBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
