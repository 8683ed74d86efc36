#!/usr/bin/env bash
# Set up (first time) and run Klyngebot on the embedded default: SQLite in the working
# directory, loaded with the demo knowledge base when empty. Extra arguments go to app.py.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python app.py "$@"
