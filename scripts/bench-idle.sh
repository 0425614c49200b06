#!/usr/bin/env bash
# One request after 1-2 s of idle (new and kept-alive connections) to the connector's /health, a
# static file and a signed-in read, beside a bare Jetty and the Moodle lab's nginx (port 8093 when
# it runs; -Didle.nginx=0 leaves it out). Prints a Markdown table for BENCHMARKS.md.
#   bash scripts/bench-idle.sh [-Didle.rounds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
# Built from this checkout (the plugin's classes too), without installing into the local repository.
mvn -B -q -ntp -pl connector -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile="$PWD/target/bench-idle-cp.txt" -Dmdep.includeScope=test >/dev/null
classpath="plugin/target/classes:connector/target/classes:connector/target/test-classes:$(tr ':' '\n' < target/bench-idle-cp.txt | grep -v '/cop-plugin' | paste -sd:)"
java -cp "$classpath" "$@" org.copconnector.connector.bench.IdleRequestBenchmark
