#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, from Debian packages, when missing:
# the PostgreSQL server (the store tests run against a real one, started by the tests themselves).
set -euo pipefail

have_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null && id postgres >/dev/null 2>&1
}

if have_postgres; then
  echo "test dependencies: PostgreSQL server present"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "test dependencies: the PostgreSQL server is missing; install it with: sudo apt-get install postgresql" >&2
  exit 1
fi

echo "test dependencies: installing the PostgreSQL server from Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
have_postgres || { echo "test dependencies: PostgreSQL installed but initdb not found" >&2; exit 1; }
echo "test dependencies: PostgreSQL server installed"
