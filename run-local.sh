#!/usr/bin/env bash
# Chat with ConcernBot in a Teams-like client on this machine: starts the bot (Development settings, embedded store,
# http://127.0.0.1:3978) and the Microsoft 365 Agents Playground pointed at it; the public web page (/speak-up) runs on
# the bot's own host. Ctrl-C stops both.
# Needs the .NET 10 SDK and Node 20, nothing else.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"

bot_url="http://127.0.0.1:3978"
playground_port=56150
playground_url="http://localhost:$playground_port"
playground_folder="$root/tools/playground"
bot_output="$root/src/ConcernBot/bin/Debug/net10.0"

fail() { echo "run-local.sh: $*" >&2; exit 1; }

# Your own local settings, if any: run-local.env (ignored by git) holds NAME=value lines, e.g. Leads__Admins__0=...
if [ -f "$root/run-local.env" ]; then
  set -a
  # shellcheck disable=SC1091
  . "$root/run-local.env"
  set +a
fi

# The Playground's own people: you are Alex Wilber; Megan Bowen is the second user (see tools/playground/playground.yml).
# Unless told otherwise (PLAYGROUND_LEADS=off, or any of these set already), Alex is a ConcernBot admin and a designated
# lead, and Megan a deputy, so a concern about Alex still has someone to go to.
alex="00000000-0000-0000-0000-0000000000020"
megan="00000000-0000-0000-0000-0000000000021"
if [ "${PLAYGROUND_LEADS:-on}" != "off" ]; then
  export Leads__Admins__0="${Leads__Admins__0-$alex}"
  export Leads__Designated__0__ObjectId="${Leads__Designated__0__ObjectId-$alex}"
  export Leads__Designated__0__Name="${Leads__Designated__0__Name-Alex Wilber}"
  export Leads__Deputies__0__ObjectId="${Leads__Deputies__0__ObjectId-$megan}"
  export Leads__Deputies__0__Name="${Leads__Deputies__0__Name-Megan Bowen}"
fi

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install it from https://dot.net"
command -v node >/dev/null || fail "Node.js is missing: install Node 20"
command -v npm >/dev/null || fail "npm is missing: install Node 20 (with npm)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node $(node -v) is too old: install Node 20"

# answers URL: 0 when an HTTP GET of URL succeeds within 2 seconds.
answers() { node -e 'fetch(process.argv[1], {signal: AbortSignal.timeout(2000)}).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }

answers "$bot_url/healthz" && fail "something already answers on $bot_url: stop it first"
answers "$playground_url/_debug/ping" && fail "something already answers on $playground_url: stop it first"

if [ ! -f "$playground_folder/node_modules/.package-lock.json" ] || [ "$playground_folder/package-lock.json" -nt "$playground_folder/node_modules/.package-lock.json" ]; then
  echo "Installing the Agents Playground (npm ci)..."
  npm ci --prefix "$playground_folder" --no-audit --no-fund --loglevel=error
fi

webchat_folder="$root/tools/webchat"
if [ ! -f "$webchat_folder/node_modules/.package-lock.json" ] || [ "$webchat_folder/package-lock.json" -nt "$webchat_folder/node_modules/.package-lock.json" ]; then
  echo "Installing Web Chat for the web page (npm ci)..."
  npm ci --prefix "$webchat_folder" --no-audit --no-fund --loglevel=error
fi

workspace_tools_folder="$root/tools/workspace"
if [ ! -f "$workspace_tools_folder/node_modules/.package-lock.json" ] || [ "$workspace_tools_folder/package-lock.json" -nt "$workspace_tools_folder/node_modules/.package-lock.json" ]; then
  echo "Installing the Teams JavaScript library for the leads' tab (npm ci)..."
  npm ci --prefix "$workspace_tools_folder" --no-audit --no-fund --loglevel=error
fi

echo "Building ConcernBot..."
dotnet build src/ConcernBot -c Debug -nologo -v quiet

bot_pid=""
playground_pid=""
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in $playground_pid $bot_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $playground_pid $bot_pid; do
    wait "$pid" 2>/dev/null || true
  done
  echo "Stopped the bot and the Playground."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

# The bot runs from its output folder so it finds its appsettings; its data stays in .data/ (ignored by git).
mkdir -p "$root/.data"
(
  cd "$bot_output"
  ASPNETCORE_ENVIRONMENT=Development Storage__Sqlite__Path="$root/.data/concernbot.db" exec dotnet ConcernBot.dll
) &
bot_pid=$!

# The Playground writes its logs under devTools/ in its working folder (ignored by git). Its people and team come from
# playground.yml (the bot is called ConcernBot there), with fresh chat ids each run, as the Playground's own default has.
mkdir -p "$playground_folder/devTools"
playground_config="$playground_folder/devTools/playground.yml"
sed -e "s/__PERSONAL_CHAT_ID__/$(node -p 'crypto.randomUUID()')/" -e "s/__GROUP_CHAT_ID__/$(node -p 'crypto.randomUUID()')/" \
  "$playground_folder/playground.yml" > "$playground_config"
(
  cd "$playground_folder"
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$playground_config" TEAMSAPPTESTER_BROWSER=none exec node node_modules/@microsoft/m365agentsplayground/cli.js \
    -e "$bot_url/api/messages" -c msteams -p "$playground_port" --disable-telemetry
) &
playground_pid=$!

for _ in $(seq 1 120); do
  kill -0 "$bot_pid" 2>/dev/null || fail "the bot stopped while starting (see its output above)"
  kill -0 "$playground_pid" 2>/dev/null || fail "the Playground stopped while starting (see its output above)"
  if answers "$bot_url/healthz" && answers "$playground_url/_debug/ping"; then
    echo
    echo "ConcernBot is running at $bot_url/api/messages"
    echo "Open $playground_url in your browser and choose Personal Chat to talk to it."
    echo "The web page for people without Teams is at $bot_url/speak-up"
    echo "The leads' workspace (the Teams tab) is at $bot_url/workspace; on this computer, sign in as a lead at"
    echo "$bot_url/workspace/local-sign-in   (LOCAL SIGN-IN: Development only, from this machine only)"
    if [ "${Leads__Admins__0:-}" = "$alex" ]; then
      echo "You are Alex Wilber: a ConcernBot admin and a designated lead. To see the leads' side, open My Team > General"
      echo "and type: @ConcernBot alerts here   (README: \"See the leads' side in two minutes\")"
    fi
    echo "Press Ctrl-C to stop both."
    # Returns when either one stops; then the trap stops the other.
    wait -n "$bot_pid" "$playground_pid" || true
    echo "run-local.sh: one of the two stopped on its own." >&2
    exit 1
  fi
  sleep 0.5
done
fail "the bot and the Playground did not both answer within 60 seconds"
