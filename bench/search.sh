#!/usr/bin/env bash
# Search at national scale: generates 150 steunpunten x 300 items, prints the index build time and the
# p50/p95/p99 latency of a query mix in-process, then serves the same corpus from a published app on the
# embedded database and times the search page over HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORK=$(mktemp -d /tmp/steunpunt-search.XXXXXX)
OUT=bench/out
dotnet build bench/SearchBench -c Release -v q -nologo >/dev/null
dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll generate "$WORK/search.db"

dotnet publish src/Steunpunt -c Release -o "$OUT/app" -v q -nologo >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
( cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Seed__Demo=false Web__PublicBaseAddress="$BASE" \
  Search__SearchesPerAddressPerMinute=1000000 Search__SuggestionsPerAddressPerMinute=1000000 \
  ConnectionStrings__Steunpunt="Data Source=$WORK/search.db" exec dotnet Steunpunt.dll --urls "$BASE" >"$WORK/app.log" 2>&1 ) &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
started=$(date +%s.%N)
for _ in $(seq 1 300); do curl -sf "$BASE/gezondheid" >/dev/null && break; sleep 0.2; done
echo "app start with index build (HTTP ready): $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s"
dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll http "$BASE"
