#!/usr/bin/env bash
# Builds one bench project (bench/<Project>) and runs it on SQLite and on a throwaway PostgreSQL on loopback, each
# time as: <Project>.dll <Sqlite|Postgres> <connection string>. Used by report.sh and register.sh.
# Usage: bench/both-databases.sh <Project>
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=$1
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORK=$(mktemp -d /tmp/steunpunt-bench.XXXXXX); chmod 755 "$WORK"
dotnet build bench/$PROJECT -c Release -v q -nologo >/dev/null
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGDATA_DIR=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$PGDATA_DIR" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
echo "machine: $(nproc) cores; Release"
dotnet bench/$PROJECT/bin/Release/net10.0/$PROJECT.dll Sqlite "Data Source=$WORK/bench.db"
if [ -n "$PGBIN" ]; then
  PGROOT="$WORK/pg"; PGDATA_DIR="$PGROOT/data"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$PGROOT"; else mkdir -p "$PGROOT"; fi
  as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGROOT/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT" start >/dev/null
  dotnet bench/$PROJECT/bin/Release/net10.0/$PROJECT.dll Postgres "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
else
  echo "Postgres: skipped (no PostgreSQL installed; ./test.sh installs it)"
fi
