#!/usr/bin/env bash
# Runs every test: format and migration checks, unit + integration tests on SQLite and PostgreSQL, and
# browser tests with axe in Debian's Chromium. Installs what is missing with apt, starts a throwaway
# PostgreSQL on 127.0.0.1 and stops it again. Last line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log() { echo "[test $(date +%H:%M:%S)] $*"; }
started=$(date +%s)

# 1. OS packages, only when something is missing.
# The browser is Debian's Chromium as its headless shell (package chromium-headless-shell, built from the same
# chromium source and version): the same Blink, V8 and axe results without the parts of a desktop browser that a
# headless run never shows. On two cores it took the browser module from about 390 s to 210 s. Where that package
# cannot be had, the full chromium package is used.
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_cmd="sudo"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
missing=""
for p in postgresql fonts-liberation python3-aiosmtpd; do installed "$p" || missing="$missing $p"; done
installed chromium-headless-shell || missing="$missing chromium-headless-shell"
if [ -n "$missing" ]; then
  log "apt installing:$missing"
  $sudo_cmd apt-get update -qq >/dev/null 2>&1 || true
  if ! $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; then
    missing=${missing/ chromium-headless-shell/}; installed chromium || missing="$missing chromium"
    log "no headless shell; apt installing:${missing:- nothing more}"
    [ -z "$missing" ] || $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
      || { echo "apt-get install failed"; exit 1; }
  fi
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  CHROMIUM_PATH=/usr/bin/chromium
  [ -x /usr/lib/chromium/chromium-headless-shell ] && CHROMIUM_PATH=/usr/lib/chromium/chromium-headless-shell
fi
export CHROMIUM_PATH
log "browser: $CHROMIUM_PATH"

# 2. A throwaway PostgreSQL on loopback.
WORK=$(mktemp -d /tmp/steunpunt-test.XXXXXX); chmod 755 "$WORK"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR="$WORK/pg"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -f "$PGDIR/data/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
  [ -f "$WORK/pg-outage/data/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg-outage/data" -m immediate stop >/dev/null 2>&1
  mountpoint -q "$WORK/fulldisk" 2>/dev/null && umount "$WORK/fulldisk"
  [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { local p=$1; while ss -Hltn "sport = :$p" | grep -q .; do p=$((p+1)); done; echo "$p"; }
PGPORT=$(free_port 55432)
if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$PGDIR"; else mkdir -p "$PGDIR"; fi
as_postgres "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; exit 1; }
as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
  start >/dev/null || { cat "$PGDIR/server.log"; exit 1; }
export TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
log "postgres on 127.0.0.1:$PGPORT"

# 2a. A second throwaway PostgreSQL that the outage tests stop and start for real (pg-outage.sh stop|start).
OUTAGE_DIR="$WORK/pg-outage"
OUTAGE_PORT=$(free_port $((PGPORT + 1)))
if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$OUTAGE_DIR"; else mkdir -p "$OUTAGE_DIR"; fi
as_postgres "$PGBIN/initdb" -D "$OUTAGE_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb-outage.log" 2>&1 \
  || { cat "$WORK/initdb-outage.log"; exit 1; }
cat >"$WORK/pg-outage.sh" <<CTL
#!/usr/bin/env bash
# start | stop the outage tests' PostgreSQL (fast stop: open connections are cut, as in a real crash or restart)
case "\$1" in
  start) $( [ "$(id -u)" -eq 0 ] && echo "runuser -u postgres --" ) "$PGBIN/pg_ctl" -D "$OUTAGE_DIR/data" -l "$OUTAGE_DIR/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -p $OUTAGE_PORT -k $OUTAGE_DIR -c fsync=off -c max_connections=100" start >/dev/null ;;
  stop)  $( [ "$(id -u)" -eq 0 ] && echo "runuser -u postgres --" ) "$PGBIN/pg_ctl" -D "$OUTAGE_DIR/data" -m fast -w -t 30 stop >/dev/null ;;
esac
CTL
chmod +x "$WORK/pg-outage.sh"
"$WORK/pg-outage.sh" start || { cat "$OUTAGE_DIR/server.log"; exit 1; }
export TEST_PG_OUTAGE="Host=127.0.0.1;Port=$OUTAGE_PORT;Username=postgres" TEST_PG_OUTAGE_CTL="$WORK/pg-outage.sh"
log "postgres for outage tests on 127.0.0.1:$OUTAGE_PORT"

# 2c. A small disk of its own (tmpfs) for the full-disk test, when this runs as root (CI does).
if [ "$(id -u)" -eq 0 ] && mkdir -p "$WORK/fulldisk" && mount -t tmpfs -o size=64m tmpfs "$WORK/fulldisk" 2>/dev/null; then
  export TEST_FULL_DISK="$WORK/fulldisk"
  log "small disk for the full-disk test at $WORK/fulldisk"
fi

# 2b. A real SMTP server on loopback that writes every mail it gets into a maildir the tests read.
SMTP_PORT=$(free_port 2525)
mkdir -p "$WORK/maildir"/{cur,new,tmp}
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/maildir" >"$WORK/smtp.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 50); do ss -Hltn "sport = :$SMTP_PORT" | grep -q . && break; sleep 0.1; done
ss -Hltn "sport = :$SMTP_PORT" | grep -q . || { cat "$WORK/smtp.log"; echo "SMTP server did not start"; exit 1; }
export TEST_SMTP_PORT=$SMTP_PORT TEST_MAILDIR="$WORK/maildir"
log "smtp on 127.0.0.1:$SMTP_PORT"

# 3. Build and static checks.
# The garbage collector's first generation may grow to 128 MB (the value is hex) before it is collected, for the build
# and the tests alike. By default a process collects it after at most 6 MB, sized from the processor's cache; this VM
# reports no cache, and a program that made 1.2 GB of small objects collected 612 times (9 times with this setting).
# The compiler and the test processes allocate that much all the time. Measured on two cores: the integration module
# 277 s -> 249 s and 244 s -> 212 s (alternating runs), the build from clean 79 and 82 s -> 76 and 75 s; the browser
# module the same (151 s both).
export DOTNET_GCgen0size=0x8000000
# The build already fails on every code-style and analyzer rule (EnforceCodeStyleInBuild, warnings as errors, the
# .editorconfig rules at warning, naming rules included): what `dotnet format` adds is layout (indentation, spaces,
# line ends, final newlines), and that needs no compilation, so it runs beside the build. (The full `dotnet format
# --verify-no-changes` took 94 s.) Model changes without a migration are found by the tests (ModelSnapshotTests:
# EF Core's design-time model against each provider's snapshot, as `dotnet ef migrations has-pending-model-changes`
# does), not by two runs of the EF tools here: those took about 9 s one after the other, besides restoring the tool.
# Generated files (obj/, bin/) are not ours, and the build writes them meanwhile.
dotnet format whitespace --folder --verify-no-changes -v q --exclude "**/obj/**" "**/bin/**" >"$WORK/format.log" 2>&1 & format_pid=$!
log "build (Release, warnings as errors) and format check (layout)"
# One compiler server for the whole build (UseSharedCompilation; some machines switch it off in the environment):
# the eight projects then share one warmed-up compiler with its analyzers and source generators, instead of a new
# compiler process each. Measured on two cores, from clean: 92 and 98 s against 105 and 131 s without. The server is
# stopped right after, so it does not sit beside the tests.
build_ok=1
dotnet build Steunpunt.slnx -c Release -v q -nologo -p:UseSharedCompilation=true >"$WORK/build.log" 2>&1 || build_ok=0
dotnet build-server shutdown >/dev/null 2>&1
if [ "$build_ok" -ne 1 ]; then
  kill "$format_pid" 2>/dev/null; wait "$format_pid" 2>/dev/null
  grep -E "error" "$WORK/build.log" | sort -u | head -50; echo "build failed"; exit 1
fi
wait "$format_pid" || { cat "$WORK/format.log"; echo "dotnet format found changes: run 'dotnet format Steunpunt.slnx'"; exit 1; }

# 4. Tests.
log "tests"
TESTLOG="$WORK/test.log"
# The two modules side by side where the cores allow; on two cores one after the other. Measured on two cores: the
# integration module alone keeps 1.3-1.4 cores busy (its outage tests wait on purpose), but side by side with the
# browser module both slowed down so much that the browser module alone took 830 s instead of about 550 s, and more
# test threads in the integration module (4 instead of 2) made it slower too (345 s against 291 s).
modules=1; [ "$(nproc)" -ge 4 ] && modules=2
# A test process lives a few minutes and starts well over a hundred apps, so the runtime's work to make long-running
# code faster does not pay back here: no dynamic profile-guided optimisation (instrumented code first, then
# recompiled) and no W^X double mapping of JIT-compiled code (a page-table change per compiled method). Both are
# runtime switches for the processes of this test run only (the test modules and the apps they start as processes);
# the app as deployed keeps the defaults. On two cores they took the integration module from 321 s to 291 s
# (processor time 450 s to 364 s).
export DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0
# Each module writes its own JUnit report into TestResults/ (named <user>_<machine>_<time>.junit.xml, so neither
# overwrites the other); reports of earlier runs are removed first.
rm -rf "$PWD/TestResults"
timeout 2400 dotnet test --solution Steunpunt.slnx --no-build -c Release --no-ansi --no-progress --max-parallel-test-modules "$modules" \
  --results-directory "$PWD/TestResults" --report-xunit-junit \
  </dev/null 2>&1 | tee "$TESTLOG" | grep -E "^(failed|passed|skipped) |^\s+(Assert|Expected|Actual|at Steunpunt|[A-Za-z.]+Exception)|Test run summary|^\s+(total|failed|succeeded|skipped|duration):|^  [a-z-]+ \(" 
rc=${PIPESTATUS[0]}

read -r failed passed skipped < <(awk '
  /^Test run summary:/ {s=1}
  s && $1=="failed:" {f=$2} s && $1=="succeeded:" {p=$2} s && $1=="skipped:" {k=$2}
  END {print f+0, p+0, k+0}' "$TESTLOG")
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1   # crash, timeout or no tests: never all green
log "done in $(( $(date +%s) - started ))s"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
