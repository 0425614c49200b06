#!/usr/bin/env bash
# Community page and thread page under 100 concurrent clients over 500 communities, 5,000 teachers
# and 200,000 posts (embedded H2), and the web-service calls of an incremental forum import.
# Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.DiscussionBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
