#!/usr/bin/env bash
# The resource bank: search over 50,000 resources on H2 and on PostgreSQL (a local server is
# installed and started as for the tests), and 1 MiB PDF uploads per second. Prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.BankBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
