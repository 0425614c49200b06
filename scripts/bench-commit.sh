#!/usr/bin/env bash
# What durable commits cost on the embedded H2 database: replies posted over HTTP with every commit
# written (the default) and with H2's own delayed commits, interleaved. Markdown for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.CommitBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
