#!/usr/bin/env bash
# Set up (first time) and run every check: lint, types, and the whole test suite on
# SQLite and on a throwaway PostgreSQL server that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export KLYNGEBOT_TEST_POSTGRES_URL
KLYNGEBOT_TEST_POSTGRES_URL=$(scripts/postgres.sh start | tail -n 1)
trap 'scripts/postgres.sh stop' EXIT

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
