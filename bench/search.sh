#!/usr/bin/env bash
# Search at national scale: generates 150 steunpunten x 300 items, prints the index build time and the
# p50/p95/p99 latency of a query mix in-process (and what a query of ten unknown words costs against a normal one),
# then serves the same corpus from a published app on the embedded database and prints: the time from start to the
# first 200 of a public page and of the search page (the corpus's first start, and a restart); the search page's latency with one client; and its throughput
# and latency at 32 connections with wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DEBIAN_FRONTEND=noninteractive
DURATION=${DURATION:-10s}
command -v wrk >/dev/null || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d /tmp/steunpunt-search.XXXXXX)
OUT=bench/out
BENCH=bench/SearchBench/bin/Release/net10.0/SearchBench.dll
dotnet build bench/SearchBench -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cores; Release, Production, SQLite; app, clients and wrk on the same machine"
dotnet $BENCH generate "$WORK/search.db"

dotnet publish src/Steunpunt -c Release --use-current-runtime -o "$OUT/app" -v q -nologo >/dev/null   # as the README publishes
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
APP=""
trap '[ -n "$APP" ] && { kill $APP 2>/dev/null; wait $APP 2>/dev/null; }; rm -rf "$WORK"' EXIT
# Started twice: first on the corpus as generated (a new installation's first start: one-time work such as sealing old
# values and taking over the starter set), then again on the same database, as an installation restarts.
start_app() {
  ( cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Seed__Demo=false Web__PublicBaseAddress="$BASE" \
    Search__SearchesPerAddressPerMinute=1000000 Search__SuggestionsPerAddressPerMinute=1000000 \
    ConnectionStrings__Steunpunt="Data Source=$WORK/search.db" exec dotnet Steunpunt.dll --urls "$BASE" >>"$WORK/app.log" 2>&1 ) &
  APP=$!
}
for what in "first start" "restart"; do
  [ -n "$APP" ] && { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; }
  started=$(date +%s%3N)
  start_app
  dotnet $BENCH startup "$BASE" "$started" "$what"
done
for _ in $(seq 1 600); do curl -sf "$BASE/gezondheid/klaar" >/dev/null && break; sleep 0.2; done

dotnet $BENCH http "$BASE"

# 32 connections: one query on one steunpunt (as issue 16 measured), then a mix of queries over all steunpunten.
cat >"$WORK/mix.lua" <<'LUA'
local queries = { "thuiszitten", "thuiszitetn", "mijn%20zoon%20zit%20al%20weken%20thuis", "tlv%20aanvragen",
  "vervoer%20naar%20school", "ik%20word%20gepest", "dislexie", "extra%20tijd%20examen", "geschorst", "wachtlijst" }
local n = 0
request = function()
  n = n + 1
  local path = string.format("/regio-%03d/zoeken?q=%s", (n * 7) % 150 + 1, queries[n % #queries + 1])
  return wrk.format("GET", path)
end
LUA
run_wrk() { wrk -t1 -c32 -d"$2" --latency -H 'Accept-Encoding: gzip, br' "${@:3}" "$1"; }
summary() { awk -v what="$1" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5}
  END { printf "search page, wrk -t1 -c32 -d'"$DURATION"', %s: %s req/s, p50 %s p90 %s p99 %s%s\n", what, rps, p50, p90, p99, (bad ? ", NON-2XX " bad : "") }'; }
run_wrk "$BASE/regio-001/zoeken?q=thuiszitten" 5s >/dev/null   # JIT warm-up under load
run_wrk "$BASE/regio-001/zoeken?q=thuiszitten" "$DURATION" | summary "'thuiszitten' on one steunpunt"
run_wrk "$BASE" "$DURATION" -s "$WORK/mix.lua" | summary "10 queries over 150 steunpunten"
# (A readiness check that is not yet healthy while starting is logged by ASP.NET Core; that is no error of ours.)
errors=$(awk '/^(fail|crit):/ {show = ($0 !~ /HealthChecks/)} /^(info|warn|dbug|trce):/ {show = 0} show' "$WORK/app.log" | head -40)
if [ -n "$errors" ]; then echo "the app logged errors:"; echo "$errors"; fi
