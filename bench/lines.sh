#!/usr/bin/env bash
# Lines of code per feature folder (.cs and .cshtml under src/Steunpunt, migrations left out), at one or more
# revisions: `bench/lines.sh 62a149f HEAD`. Without arguments: the working tree's HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
revs=("$@"); [ ${#revs[@]} -eq 0 ] && revs=(HEAD)
folders=(Information Questions Stories Signals National Accounts Web Tenancy Privacy Data Vocabulary Seeding)
printf '%-10s' "revision"; printf ' %11s' "${folders[@]}"; echo
for rev in "${revs[@]}"; do
  printf '%-10s' "$(git rev-parse --short "$rev")"
  for d in "${folders[@]}"; do
    n=0
    while IFS= read -r f; do
      n=$((n + $(git show "$rev:$f" | wc -l)))
    done < <(git ls-tree -r --name-only "$rev" -- "src/Steunpunt/$d" | grep -E '\.(cs|cshtml)$' | grep -v '/Migrations/' || true)
    printf ' %11s' "$n"
  done
  echo
done
