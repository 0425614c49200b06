#!/usr/bin/env bash
# A survey round's report over 5,000 respondents x 13 statements (embedded H2), timed at the
# client. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.SurveyBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
