#!/usr/bin/env bash
# Search inside discussions over 200,000 posts on the embedded database: building the index from the
# change log, queries of common and rare words with filters, how soon a new post is found, and a
# new instance's rebuild. Prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java \
  -Dexec.mainClass=org.copconnector.connector.bench.DiscussionSearchBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
