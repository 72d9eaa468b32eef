#!/usr/bin/env bash
# "Stel je vraag" under load: the published app (Production) on the embedded database and on a throwaway
# PostgreSQL on loopback; 16 clients open the form and send it for 20 s each. Prints accepted questions per
# second and the p95 time to acknowledge (send -> "ontvangen", i.e. committed to the database).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORK=$(mktemp -d /tmp/steunpunt-intake.XXXXXX); chmod 755 "$WORK"
OUT=bench/out
CLIENTS=${CLIENTS:-16}; SECONDS_EACH=${SECONDS_EACH:-20}
dotnet build bench/IntakeBench -c Release -v q -nologo >/dev/null
dotnet publish src/Steunpunt -c Release --use-current-runtime -o "$OUT/app" -v q -nologo >/dev/null   # as the README publishes
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP=""; PGDATA_DIR=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  [ -n "$PGDATA_DIR" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

run() { # provider connection
  local port base; port=$(port); base="http://127.0.0.1:$port"
  ( cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Seed__Demo=true \
    Database__Provider="$1" ConnectionStrings__Steunpunt="$2" Privacy__Key="$(head -c 32 /dev/urandom | base64)" \
    Forms__MinimumFillSeconds=0 Forms__SubmissionsPerAddressPerHour=100000 Mail__PickupFolder="$WORK/mail" \
    Web__PublicBaseAddress="$base" Web__SecureCookies=false \
    exec dotnet Steunpunt.dll --urls "$base" >"$WORK/app-$1.log" 2>&1 ) &
  APP=$!
  for _ in $(seq 1 300); do curl -sf "$base/gezondheid" >/dev/null && break; sleep 0.2; done
  curl -sf "$base/gezondheid" >/dev/null || { cat "$WORK/app-$1.log"; echo "the app did not start"; exit 1; }
  printf '%-10s ' "$1:"
  dotnet bench/IntakeBench/bin/Release/net10.0/IntakeBench.dll "$base" rivierenland "$CLIENTS" "$SECONDS_EACH"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
}

echo "machine: $(nproc) cores; load generator and app on the same machine; Release, Production"
run Sqlite "Data Source=$WORK/intake.db"

if [ -n "$PGBIN" ]; then
  PGROOT="$WORK/pg"; PGDATA_DIR="$PGROOT/data"; PGPORT=$(port)
  if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$PGROOT"; else mkdir -p "$PGROOT"; fi
  as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durable settings (fsync on): an acknowledged question must survive a crash.
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGROOT/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT" start >/dev/null
  run Postgres "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
else
  echo "Postgres:  skipped (no PostgreSQL installed; ./test.sh installs it)"
fi
