#!/usr/bin/env bash
# Public pages of a Release build (Production, embedded database, demo data) against their limit: the same bytes,
# compressed once, served from memory by a minimal Kestrel app (bench/StaticLimit). Asked as a browser asks
# (Accept-Encoding: gzip, br), after a JIT warm-up, with wrk (1 thread, 32 connections) on loopback, in alternating
# runs. Prints req/s per run, the median ratio page/limit for an article page and a steunpunt's home page, the
# latency percentiles with one client (the stalls), and the gzip weight of an article page with its CSS and JS.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DEBIAN_FRONTEND=noninteractive
DURATION=${DURATION:-5s}; ROUNDS=${ROUNDS:-3}; ONE_CLIENT=${ONE_CLIENT:-20s}
command -v wrk >/dev/null || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq wrk >/dev/null; }

OUT=bench/out; WORK=$(mktemp -d /tmp/steunpunt-bench.XXXXXX)
dotnet publish src/Steunpunt -c Release --use-current-runtime -o "$OUT/app" -v q -nologo >/dev/null   # as the README publishes
dotnet build bench/StaticLimit -c Release -v q -nologo >/dev/null
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
BASE="http://127.0.0.1:$(port)"; LIMIT="http://127.0.0.1:$(port)"
APP=""; LIM=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; [ -n "$LIM" ] && kill $LIM 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
# Started from its publish folder, as in production (the content root, with wwwroot, is the working directory).
( cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ConnectionStrings__Steunpunt="Data Source=$WORK/bench.db" \
  Seed__Demo=true Web__PublicBaseAddress="$BASE" \
  exec dotnet Steunpunt.dll --urls "$BASE" >"$WORK/app.log" 2>&1 ) &
APP=$!
for _ in $(seq 1 600); do curl -sf "$BASE/gezondheid" >/dev/null && break; sleep 0.2; done
curl -sf -o /dev/null "$BASE/gezondheid" || { cat "$WORK/app.log"; echo "the app did not start"; exit 1; }

echo "machine: $(nproc) cores; wrk -t1 -c32 on the same machine; Release, Production, SQLite; Accept-Encoding: gzip, br"
ARTICLE=/rivierenland/informatie/wat-is-een-tlv
HOME_PAGE=/rivierenland/
BROWSER=(-H 'Accept-Encoding: gzip, br' -H 'Accept: text/html')
# The limit serves the very bytes the app sends a browser (curl stores them as they came, undecoded).
limit_pages=()
for page in article home; do
  path=$ARTICLE; [ "$page" = home ] && path=$HOME_PAGE
  curl -sf -o "$WORK/$page.plain" -H 'Accept-Encoding: identity' "$BASE$path"
  encoding=$(curl -sf -o "$WORK/$page.sent" -D - "${BROWSER[@]}" "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
  limit_pages+=("$path=$WORK/$page.sent${encoding:+:$encoding}")
  echo "$page page: $(wc -c <"$WORK/$page.plain") B plain, sent as $(wc -c <"$WORK/$page.sent") B ${encoding:-plain}"
done
dotnet bench/StaticLimit/bin/Release/net10.0/StaticLimit.dll "$LIMIT" "${limit_pages[@]}" >"$WORK/limit.log" 2>&1 &
LIM=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$LIMIT$ARTICLE" && break; sleep 0.1; done

for url in "$BASE$ARTICLE" "$BASE$HOME_PAGE"; do
  echo "$url: $(curl -s -o /dev/null -D - "${BROWSER[@]}" "$url" | grep -iE '^(content-encoding|cache-control|etag|vary):' | tr -d '\r' | tr '\n' ' ')"
done
# JIT warm-up of both servers (and the page cache of the app).
for url in "$BASE$ARTICLE" "$BASE$HOME_PAGE" "$LIMIT$ARTICLE" "$LIMIT$HOME_PAGE"; do wrk -t1 -c32 -d3s "${BROWSER[@]}" "$url" >/dev/null; done

rps() { wrk -t1 -c32 -d"$DURATION" "${BROWSER[@]}" "$1" | awk '/Requests\/sec/ {print $2}'; }
declare -A ratios
for page in article home; do ratios[$page]=""; done
for round in $(seq 1 "$ROUNDS"); do
  for page in article home; do
    path=$ARTICLE; [ "$page" = home ] && path=$HOME_PAGE
    limit=$(rps "$LIMIT$path"); app=$(rps "$BASE$path")
    ratio=$(awk -v a="$app" -v l="$limit" 'BEGIN { printf "%.2f", a/l }')
    ratios[$page]="${ratios[$page]} $ratio"
    printf 'run %d %-8s limit %10s req/s   steunpunt %10s req/s   ratio %s\n' "$round" "$page" "$limit" "$app" "$ratio"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median ratio steunpunt/limit: article page $(echo "${ratios[article]}" | median)   home page $(echo "${ratios[home]}" | median)"

# One client, one request after another: the stalls show in the high percentiles.
one() { wrk -t1 -c1 -d"$ONE_CLIENT" --latency "${BROWSER[@]}" "$1" | awk '
  /^ +Latency +[0-9]/ && !m { max = $4; m = 1 }
  /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 } /Requests\/sec/ { r = $2 }
  END { printf "p50 %s  p90 %s  p99 %s  max %s  (%s req/s)\n", p50, p90, p99, max, r }'; }
echo "one client, $ONE_CLIENT: article page  $(one "$BASE$ARTICLE")"
echo "one client, $ONE_CLIENT: limit         $(one "$LIMIT$ARTICLE")"

gz() { curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$1"; }
page=$(cat "$WORK/article.plain")
html_bytes=$(gz "$BASE$ARTICLE"); assets_bytes=0; assets=""
for asset in $(echo "$page" | grep -oE '(href|src)="[^"]*\.(css|js)[^"]*"' | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g'); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$asset")" = 200 ] || { echo "$asset not served"; exit 1; }
  bytes=$(gz "$BASE$asset"); assets_bytes=$((assets_bytes + bytes)); assets="$assets ${asset%%\?*}=$bytes"
done
first_asset=$(echo "$page" | grep -oE 'href="[^"]*\.css"' | head -1 | sed -E 's/^href="//; s/"$//')
echo "style sheet $first_asset: $(curl -s -o /dev/null -D - "${BROWSER[@]}" "$BASE$first_asset" | grep -iE '^(content-encoding|cache-control):' | tr -d '\r' | tr '\n' ' ')"
echo "article page weight (gzip): html $html_bytes B +$assets B = $((html_bytes + assets_bytes)) B (budget 30720 B)"
