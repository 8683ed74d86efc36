#!/usr/bin/env bash
# Set up (first time) and run every check: lint, types, and the whole test suite on
# SQLite and on a throwaway PostgreSQL server that this script starts and stops, with the
# end-to-end tests in the Agents Playground and headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The Agents Playground and Debian's chromium for tests/e2e; what cannot be installed is
# said here, and those tests then skip with the reason (under CI=true they fail).
scripts/playground.sh install --browser || echo "(tests/e2e will say what is missing)" >&2

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
