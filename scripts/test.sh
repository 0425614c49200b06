#!/usr/bin/env bash
# The whole test suite: unit, store (H2 and PostgreSQL), whole-server, real-Moodle, browser and
# packaged-jar tests. The real-Moodle tier runs when ../shared/moodle/lab is beside the project:
# this script stands that Moodle 4.5 up first (about 80 s on a new machine, 1 s when it stands).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
bash scripts/real-moodle.sh start
if [ -f target/real-moodle.env ]; then
  # shellcheck disable=SC1091
  source target/real-moodle.env
fi
mvn -B -ntp verify "$@"
