#!/usr/bin/env bash
# The whole test suite: unit, store (H2 and PostgreSQL), whole-server and packaged-jar tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
mvn -B -ntp verify "$@"
