#!/usr/bin/env bash
# DUO's registers at national scale: 150 SWVs and 9,000 schools imported (read, preview, apply) and finder
# queries timed, on SQLite and on a throwaway PostgreSQL on loopback. Target: the import under 30 s.
set -euo pipefail
exec "$(dirname "$0")/both-databases.sh" RegisterBench
