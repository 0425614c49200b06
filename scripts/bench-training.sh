#!/usr/bin/env bash
# A trainer's attendance page for a session of 30 trainees, marking them one request each, and the
# action's attendance figures (embedded H2), timed at the client. Prints a Markdown table for
# BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.TrainingAttendanceBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
