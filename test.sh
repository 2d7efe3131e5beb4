#!/usr/bin/env bash
# Runs every ConcernBot test: unit, host, card checks and end to end (real Agents Playground in headless Chromium).
# Needs the .NET 10 SDK, Node 20 and Debian's chromium (apt-get install -y chromium). Installs the npm tools it needs.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"

fail() { echo "test.sh: $*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install it from https://dot.net"
command -v node >/dev/null || fail "Node.js is missing: install Node 20"
command -v npm >/dev/null || fail "npm is missing: install Node 20 (with npm)"
[ -x /usr/bin/chromium ] || fail "Chromium is missing (the end-to-end tests drive it): run apt-get install -y chromium"

# npm tools: install each tools/<name>/ whose node_modules is missing or older than its lock file.
for manifest in tools/*/package.json; do
  folder="$(dirname "$manifest")"
  if [ ! -f "$folder/node_modules/.package-lock.json" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $folder"
    npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
  fi
done

dotnet build ConcernBot.sln -c Release -nologo -v quiet

results="$root/TestResults/test-sh"
rm -rf "$results"
set +e
dotnet test ConcernBot.sln -c Release --no-build -nologo \
  --logger trx --results-directory "$results" \
  --blame-hang-timeout 5m --blame-hang-dump-type none
status=$?
set -e

# The closing line, counted from the TRX files: "N passed, N failed" (", N skipped" when any were).
summary="$(node - "$results" <<'JS'
const fs = require('fs'), path = require('path');
const folder = process.argv[2];
let passed = 0, failed = 0, skipped = 0, files = 0;
for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
  if (!name.endsWith('.trx')) continue;
  files++;
  const counters = /<Counters\b([^>]*)\/>/.exec(fs.readFileSync(path.join(folder, name), 'utf8'));
  if (!counters) { failed++; continue; }
  const count = (attr) => Number((new RegExp(`\\b${attr}="(\\d+)"`).exec(counters[1]) || [0, 0])[1]);
  passed += count('passed');
  failed += count('failed') + count('error') + count('timeout') + count('aborted');
  skipped += count('notExecuted');
}
if (files === 0) failed++;
console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ''));
JS
)"
echo
echo "$summary"

case "$summary" in
  *", 0 failed"*) [ "$status" -eq 0 ] || exit "$status" ;;
  *) exit 1 ;;
esac
