#!/usr/bin/env bash
# Stands up the lab's real Moodle 4.5 (../shared/moodle/lab) for the real-Moodle test tier and
# writes its settings to target/real-moodle.env; says in one line when the lab is not there.
#   bash scripts/real-moodle.sh start
set -euo pipefail
cd "$(dirname "$0")/.."
lab_setup="$(cd .. && pwd)/shared/moodle/lab/setup.sh"
mkdir -p target
rm -f target/real-moodle.env
if [ ! -f "$lab_setup" ]; then
  echo "real Moodle tier: skipped (no ../shared/moodle/lab beside the project)"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "real Moodle tier: skipped (the lab's setup.sh needs root; run as root or with sudo)"
  exit 0
fi
started=$(date +%s)
# --perf adds Moodle's size-M course (1,001 people, a forum of 100 discussions) once.
# MOODLE_LAB_ROLE=manager: a test may have left the lab's service user on another role.
env_lines=$(MOODLE_LAB_ROLE=manager bash "$lab_setup" --perf 2>target/real-moodle-setup.log) || {
  tail -20 target/real-moodle-setup.log >&2
  echo "real Moodle tier: the lab did not start (whole log: target/real-moodle-setup.log)" >&2
  exit 1
}
{
  echo "$env_lines"
  echo "export MOODLE_LAB_SETUP=$lab_setup"
  echo "export MOODLE_LAB_FUNCTIONS=$(pwd)/config/moodle-functions.txt"
  echo "export MOODLE_TIER_SINCE=$started"
} > target/real-moodle.env
echo "real Moodle tier: Moodle 4.5 at $(grep MOODLE_URL target/real-moodle.env | cut -d= -f2) ready in $(( $(date +%s) - started )) s"
