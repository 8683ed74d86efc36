#!/usr/bin/env bash
# The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned): a
# Teams-like chat in the browser with a mocked connector, so Klyngebot can be tried and
# tested end to end without Azure or Teams. scripts/run.sh and scripts/test.sh call it.
#
#   scripts/playground.sh install            the Playground into .tools/playground
#   scripts/playground.sh install --browser  also Debian's chromium for tests/e2e (as root)
#   scripts/playground.sh serve [BOT_URL]    run it for the bot at BOT_URL (default
#                                            http://127.0.0.1:3978); PLAYGROUND_PORT picks
#                                            its port (default 56150, busy: a free one)
#
# Installing does nothing when everything is there. What cannot be installed here (no
# Node.js, not root) is said with the command that would do it; the tests that need it
# then skip, except under CI=true. Playwright for the browser tests is a dev dependency
# (scripts/setup.sh) and drives Debian's chromium: never `playwright install`.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.2.28
PREFIX=.tools/playground
BIN=$PREFIX/node_modules/.bin/agentsplayground

installed_version() {
  local manifest=$PREFIX/node_modules/@microsoft/m365agentsplayground/package.json
  [ -f "$manifest" ] && sed -n 's/^  "version": "\(.*\)",$/\1/p' "$manifest"
}

install_playground() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "The Agents Playground needs Node.js 20 or newer with npm, which are not installed." >&2
    echo "Install them (Debian: apt-get install nodejs npm), then run: $0 install" >&2
    return 1
  fi
  if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
    return 0
  fi
  echo "installing the Agents Playground $VERSION into $PREFIX" >&2
  npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error \
    "@microsoft/m365agentsplayground@$VERSION" >&2
}

install_browser() {
  if command -v chromium >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need Debian's chromium; as root: apt-get install -y chromium" >&2
    return 0
  fi
  echo "installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >&2 2>/dev/null ||
    { apt-get update -qq >&2 && apt-get install -y -qq chromium >&2; }
}

free_port() {
  local wanted=$1
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$wanted") 2>/dev/null; then
    echo "$wanted"
    return
  fi
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

serve() {
  local bot=${1:-http://127.0.0.1:3978}
  install_playground
  local port
  port=$(free_port "${PLAYGROUND_PORT:-56150}")
  cd "$PREFIX" # it writes devTools/ and reads .m365agentsplayground.yml in its working directory
  TEAMSAPPTESTER_BROWSER=none exec node_modules/.bin/agentsplayground \
    -e "$bot/api/messages" -c msteams --disable-telemetry -p "$port"
}

case "${1:-}" in
  install)
    status=0
    install_playground || status=$?
    if [ "${2:-}" = "--browser" ]; then install_browser || status=$?; fi
    exit "$status"
    ;;
  serve) serve "${2:-}" ;;
  *)
    echo "usage: $0 install [--browser] | serve [BOT_URL]" >&2
    exit 2
    ;;
esac
