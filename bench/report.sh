#!/usr/bin/env bash
# Board reports at national scale: generates 1,000,000 cases and 100,000 stories over 150 steunpunten, then
# prints how long one SWV's school-year report and the national totals take, on SQLite and on a throwaway
# PostgreSQL on loopback. Target: one SWV's report under 1 s.
exec "$(dirname "$0")/both-databases.sh" ReportBench
