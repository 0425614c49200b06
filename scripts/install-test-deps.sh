#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, from Debian packages, when missing:
# the PostgreSQL server (the store tests run against a real one, started by the tests themselves)
# and Chromium with its WebDriver (the browser tests drive it headless).
set -euo pipefail

have_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null && id postgres >/dev/null 2>&1
}

have_chromium() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
}

missing=()
have_postgres || missing+=(postgresql)
have_chromium || missing+=(chromium chromium-driver)

if [ ${#missing[@]} -eq 0 ]; then
  echo "test dependencies: PostgreSQL server and Chromium present"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "test dependencies: missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "test dependencies: installing ${missing[*]} from Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
have_postgres || { echo "test dependencies: PostgreSQL installed but initdb not found" >&2; exit 1; }
have_chromium || { echo "test dependencies: Chromium installed but chromium or chromedriver not found" >&2; exit 1; }
echo "test dependencies: installed ${missing[*]}"
