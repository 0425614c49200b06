#!/usr/bin/env bash
# The dialogue view, a prompt's page and a teacher's portfolio after two years of weekly prompts
# (embedded H2), timed at the client. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.ReflectionBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
