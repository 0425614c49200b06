#!/usr/bin/env bash
# Each page in headless Chromium (demo connector, warm browser): navigation start until the page
# marks itself ready (ui.js), 30 times per page after 5 warm-up rounds. Prints a Markdown table
# for BENCHMARKS.md. Needs Chromium and chromedriver (scripts/install-test-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -Dspotless.check.skip=true >/dev/null
mvn -B -q -ntp -pl connector exec:java -Dexec.mainClass=org.copconnector.connector.bench.PageSpeedBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
