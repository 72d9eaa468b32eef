#!/usr/bin/env bash
# Board reports and the national monitor at national scale: generates 1,000,000 cases and 100,000 stories over 150
# steunpunten (300 SWVs, 9,000 schools in the register), then prints how long one SWV's school-year report, the
# national totals and the national monitor take, on SQLite and on a throwaway PostgreSQL on loopback.
# Targets: one SWV's report under 1 s; the monitor under 1 s.
exec "$(dirname "$0")/both-databases.sh" ReportBench
