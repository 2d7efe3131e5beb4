#!/usr/bin/env bash
# Reproduces docs/performance.md: builds Release, installs the npm peer and Azurite if missing, then
#  1. the load matrix: ConcernBot (SQLite and Azurite; 0 and 10,000 concerns stored) beside the ceiling (bare Kestrel),
#     the peer (botbuilder JS on MemoryStorage, beside SQLite) and the durable peer (the same on Blob Storage on
#     Azurite, beside Azurite), each walked through the same concern twice (card presses, and every answer typed) at 1,
#     10 and 100 concurrent conversations, all on loopback, every server started and stopped by PID by the driver;
#  2. the BenchmarkDotNet micro-benchmarks (short job).
# Usage: ./bench/run.sh [--matrix-only | --micro-only] [driver options, e.g. --duration 6 --concurrency 1,10,100 --walks cards,typed]
# Results: bench/results/<UTC time>/report.md (+ each server's log); micro-benchmarks in BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

fail() { echo "bench/run.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install it from https://dot.net"
command -v node >/dev/null || fail "Node.js is missing: install Node 20"
command -v npm >/dev/null || fail "npm is missing: install Node 20 (with npm)"

matrix=1
micro=1
driver_args=()
for arg in "$@"; do
  case "$arg" in
    --matrix-only) micro=0 ;;
    --micro-only) matrix=0 ;;
    *) driver_args+=("$arg") ;;
  esac
done

install_npm() { # folder
  if [ ! -f "$1/node_modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $1"
    # botbuilder-dialogs' postinstall runs npx, which must not stop to ask.
    npm_config_yes=true npm ci --prefix "$1" --no-audit --no-fund --loglevel=error
  fi
}

if [ "$matrix" = 1 ]; then
  install_npm tools/azurite
  install_npm bench/peer
  echo "Building (Release)..."
  dotnet build src/ConcernBot -c Release -nologo -v quiet
  dotnet build bench/ConcernBot.Ceiling -c Release -nologo -v quiet
  dotnet build bench/ConcernBot.Bench.Probe -c Release -nologo -v quiet
  dotnet build bench/ConcernBot.LoadDriver -c Release -nologo -v quiet
  out="$root/bench/results/$(date -u +%Y%m%d-%H%M%S)"
  mkdir -p "$out"
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/^Mem:/ {print $2}') RAM"
  dotnet bench/ConcernBot.LoadDriver/bin/Release/net10.0/ConcernBot.LoadDriver.dll matrix --repo "$root" --out "$out" "${driver_args[@]}"
fi

if [ "$micro" = 1 ]; then
  dotnet build bench/ConcernBot.Benchmarks -c Release -nologo -v quiet
  dotnet bench/ConcernBot.Benchmarks/bin/Release/net10.0/ConcernBot.Benchmarks.dll --filter '*' --job short
fi
