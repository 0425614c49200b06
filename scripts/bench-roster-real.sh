#!/usr/bin/env bash
# Roster sync of the lab's real Moodle 4.5 size-M course (1,001 people): Moodle's time per page
# with every default user field and with only the connector's, the connector's on-demand sync
# (first and unchanged, calls per sync), and the same sync against the stand-in. Needs the lab
# (scripts/real-moodle.sh, run as root). Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/real-moodle.sh start
if [ ! -f target/real-moodle.env ]; then
  echo "no real Moodle: nothing measured" >&2
  exit 1
fi
source target/real-moodle.env
mvn -B -q -ntp -pl connector -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
java -cp "connector/target/test-classes:connector/target/classes:$(cat connector/target/bench-classpath.txt)" \
  org.copconnector.connector.bench.RealRosterBenchmark
