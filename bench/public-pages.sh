#!/usr/bin/env bash
# Measures the public pages of a Release build in the Production environment on the embedded database:
# requests/s (wrk, 1 thread, 32 connections, 10 s each) of an article page, a steunpunt's home page and a
# minimal endpoint of the same app, their ratios, and the gzip weight of an article page with its CSS.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DEBIAN_FRONTEND=noninteractive
DURATION=${DURATION:-10s}
command -v wrk >/dev/null || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq wrk >/dev/null; }

OUT=bench/out; WORK=$(mktemp -d /tmp/steunpunt-bench.XXXXXX)
dotnet publish src/Steunpunt -c Release -o "$OUT/app" -v q -nologo >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# Started from its publish folder, as in production (the content root, with wwwroot, is the working directory).
( cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ConnectionStrings__Steunpunt="Data Source=$WORK/bench.db" \
  Seed__Demo=true Web__PublicBaseAddress="$BASE" \
  exec dotnet Steunpunt.dll --urls "$BASE" >"$WORK/app.log" 2>&1 ) &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/gezondheid" >/dev/null && break; sleep 0.2; done

ARTICLE="$BASE/rivierenland/informatie/wat-is-een-tlv"
HOME_PAGE="$BASE/rivierenland/"
MINIMAL="$BASE/ping"
for url in "$ARTICLE" "$HOME_PAGE" "$MINIMAL"; do curl -sf -o /dev/null "$url"; done   # warm up (and fill the cache)

rps() { wrk -t1 -c32 -d"$DURATION" "$1" | awk '/Requests\/sec/ {print $2}'; }
article=$(rps "$ARTICLE"); home=$(rps "$HOME_PAGE"); minimal=$(rps "$MINIMAL")

gz() { curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$1"; }
page=$(curl -s "$ARTICLE")
html_bytes=$(gz "$ARTICLE"); assets_bytes=0; assets=""
for asset in $(echo "$page" | grep -oE '(href|src)="[^"]*\.(css|js)[^"]*"' | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g'); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$asset")" = 200 ] || { echo "$asset not served"; exit 1; }
  bytes=$(gz "$BASE$asset"); assets_bytes=$((assets_bytes + bytes)); assets="$assets ${asset%%\?*}=$bytes"
done

echo "machine: $(nproc) cores; wrk -t1 -c32 -d$DURATION on the same machine; Release, Production, SQLite"
printf '%-28s %12s req/s\n' "minimal endpoint /ping" "$minimal" "steunpunt home page" "$home" "article page" "$article"
awk -v a="$article" -v h="$home" -v m="$minimal" 'BEGIN { printf "ratio article/minimal: %.2f   home/minimal: %.2f\n", a/m, h/m }'
echo "article page weight (gzip): html $html_bytes B +$assets B = $((html_bytes + assets_bytes)) B (budget 30720 B)"
