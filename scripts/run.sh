#!/usr/bin/env bash
# Set up (first time) and run Klyngebot on the embedded default: SQLite in the working
# directory, loaded with the demo knowledge base when empty. Extra arguments go to app.py.
#
# Serving (no arguments, or "serve") also starts the Microsoft 365 Agents Playground in
# front of the bot, a Teams-like chat in the browser (scripts/playground.sh), and says
# which address to open. Ctrl-C stops both. Without Node.js, or with a MicrosoftAppId
# (the Playground sends no token), the bot runs alone and says why.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ $# -gt 0 ] && [ "$1" != serve ]; then
  exec .venv/bin/python app.py "$@"
fi

bot_url="http://127.0.0.1:${PORT:-3978}"
if [ -n "${MicrosoftAppId:-}" ]; then
  echo "MicrosoftAppId is set: running the bot without the Agents Playground (it sends no token)"
  exec .venv/bin/python app.py "$@"
fi
if ! scripts/playground.sh install; then
  echo "Running the bot alone. Once the Playground is installed, scripts/run.sh starts both;"
  echo "or point any Bot Framework client at $bot_url/api/messages."
  exec .venv/bin/python app.py "$@"
fi

# Ctrl-C reaches the bot itself (aiohttp handles SIGINT even in the background), and a
# second signal would cut its graceful shutdown short: on INT it is only waited for.
bot="" playground=""
stop() {
  trap - EXIT INT TERM
  kill "$playground" 2>/dev/null || true
  if [ "${1:-}" = INT ]; then
    for _ in $(seq 300); do kill -0 "$bot" 2>/dev/null || break; sleep 0.1; done
  fi
  kill "$bot" 2>/dev/null || true
  wait || true
}
trap stop EXIT
trap 'stop INT; exit 130' INT
trap 'stop; exit 143' TERM

# The Playground's port is chosen here (56150 unless busy) so the bot, which replies
# anonymously only to the loopback addresses it is told, is told this one.
playground_port=${PLAYGROUND_PORT:-56150}
if (exec 3<>"/dev/tcp/127.0.0.1/$playground_port") 2>/dev/null; then
  playground_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
export PLAYGROUND_PORT=$playground_port
connector="$playground_port/_connector"
export ANONYMOUS_SERVICE_URLS=${ANONYMOUS_SERVICE_URLS:-http://localhost:$connector,http://127.0.0.1:$connector}

.venv/bin/python app.py "$@" &
bot=$!
output=.tools/playground/serve.out
: >"$output"
scripts/playground.sh serve "$bot_url" >"$output" 2>&1 &
playground=$!

# The banner comes last, once the bot listens and the Playground said its port.
port=""
for _ in $(seq 300); do
  port=${port:-$(sed -n 's/^Listening on \([0-9]*\)$/\1/p' "$output")}
  if [ -n "$port" ] && (exec 3<>"/dev/tcp/127.0.0.1/${PORT:-3978}") 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if [ -n "$port" ]; then
  echo
  echo "  Chat with Klyngebot: open http://localhost:$port in a browser"
  echo "  (Microsoft 365 Agents Playground, a Teams-like client; Ctrl-C stops both)"
  echo
else
  echo "The Agents Playground did not start; see $output" >&2
fi
wait -n "$bot" "$playground" # when one stops, stop the other
